// JSONL corpus reading: one record per object (io/jsonl_file.h reads the lines).
#include "io/corpus_reader.h"

#include "io/jsonl_file.h"

namespace credence::internal {
namespace {

// Returns the record of one JSON object, or the reason it is not one.
Result<CorpusRecord> ParseRecord(const nlohmann::json& j) {
  CorpusRecord r;
  for (auto [field, out] : {std::pair{"id", &r.id}, {"dataset", &r.dataset}, {"domain", &r.domain},
                            {"url", &r.url}, {"title", &r.title}, {"text", &r.text}})
    if (Status s = ReadStringField(j, field, out); !s.ok()) return tl::unexpected(s);
  std::string level;
  if (Status s = ReadStringField(j, "label_level", &level); !s.ok()) return tl::unexpected(s);
  if (level != "" && level != "article" && level != "site")
    return Error(StatusCode::kDataError, "field 'label_level' must be \"article\" or \"site\"");
  r.site_label = level == "site";
  auto label = j.find("label");
  if (label == j.end() || !label->is_string() ||
      (label->get<std::string>() != "reliable" && label->get<std::string>() != "unreliable"))
    return Error(StatusCode::kDataError, "field 'label' must be \"reliable\" or \"unreliable\"");
  r.unreliable = label->get<std::string>() == "unreliable";
  if (r.text.empty()) return Error(StatusCode::kDataError, "field 'text' is missing or empty");
  if (r.id.empty()) return Error(StatusCode::kDataError, "field 'id' is missing or empty");
  return r;
}

}  // namespace

Result<CorpusFile> ReadCorpusFile(const std::string& path) { return ReadJsonlRecords<CorpusRecord>(path, ParseRecord); }

}  // namespace credence::internal
