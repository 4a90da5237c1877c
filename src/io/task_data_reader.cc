// Parsing the task files' records; every field is checked, and a record that
// breaks a rule (an offset outside its text, an unknown technique) is
// refused with the reason rather than trusted.
#include "io/task_data_reader.h"

#include "io/jsonl_file.h"

namespace credence::internal {
namespace {

Result<Technique> TechniqueFromLabel(const std::string& label) {
  for (int t = 0; t < kTechniqueCount; ++t)
    if (TechniqueCorpusLabel(static_cast<Technique>(t)) == label) return static_cast<Technique>(t);
  return Error(StatusCode::kDataError, "unknown technique '" + label + "'");
}

Result<PropagandaArticle> ParseArticle(const nlohmann::json& j) {
  PropagandaArticle a;
  for (auto [field, out] : {std::pair{"id", &a.id}, {"text", &a.text}})
    if (Status s = ReadStringField(j, field, out); !s.ok()) return tl::unexpected(s);
  if (a.id.empty() || a.text.empty()) return Error(StatusCode::kDataError, "field 'id' or 'text' missing or empty");
  auto fold = j.find("fold");
  if (fold == j.end() || !fold->is_number_integer() || *fold < 0 || *fold > 4)
    return Error(StatusCode::kDataError, "field 'fold' must be an integer from 0 to 4");
  a.fold = fold->get<int>();
  auto spans = j.find("spans");
  if (spans == j.end() || !spans->is_array()) return Error(StatusCode::kDataError, "field 'spans' must be an array");
  for (const nlohmann::json& s : *spans) {
    if (!s.is_array() || s.size() != 3 || !s[0].is_number_unsigned() || !s[1].is_number_unsigned() || !s[2].is_string())
      return Error(StatusCode::kDataError, "a span must be [start, end, technique]");
    const auto start = s[0].get<std::size_t>(), end = s[1].get<std::size_t>();
    if (start >= end || end > a.text.size())
      return Error(StatusCode::kDataError, "span " + std::to_string(start) + "-" + std::to_string(end) +
                                               " outside the text's " + std::to_string(a.text.size()) + " bytes");
    Result<Technique> t = TechniqueFromLabel(s[2].get<std::string>());
    if (!t) return tl::unexpected(t.error());
    a.spans.push_back({{start, end}, *t});
  }
  return a;
}

Result<LabelledText> ParseLabelledText(const nlohmann::json& j, const std::vector<std::string>& split_fields) {
  LabelledText r;
  for (auto [field, out] : {std::pair{"id", &r.id}, {"text", &r.text}})
    if (Status s = ReadStringField(j, field, out); !s.ok()) return tl::unexpected(s);
  if (r.id.empty() || r.text.empty()) return Error(StatusCode::kDataError, "field 'id' or 'text' missing or empty");
  auto label = j.find("label");
  if (label == j.end() || !label->is_number_integer() || (*label != 0 && *label != 1))
    return Error(StatusCode::kDataError, "field 'label' must be 0 or 1");
  r.positive = *label == 1;
  for (const std::string& field : split_fields) {
    std::string part;
    if (Status s = ReadStringField(j, field.c_str(), &part); !s.ok()) return tl::unexpected(s);
    if (part != "train" && part != "valid" && part != "test")
      return Error(StatusCode::kDataError, "field '" + field + "' must be \"train\", \"valid\" or \"test\"");
    r.parts[field] = part;
  }
  return r;
}

}  // namespace

Result<TaskFile<PropagandaArticle>> ReadPropagandaArticles(const std::string& path) {
  return ReadJsonlRecords<PropagandaArticle>(path, ParseArticle);
}

Result<TaskFile<LabelledText>> ReadLabelledTexts(const std::string& path, const std::vector<std::string>& split_fields) {
  return ReadJsonlRecords<LabelledText>(path, [&](const nlohmann::json& j) { return ParseLabelledText(j, split_fields); });
}

}  // namespace credence::internal
