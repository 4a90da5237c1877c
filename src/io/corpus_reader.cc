// JSONL corpus reading. nlohmann throws on malformed JSON; every parse is
// wrapped here so that one bad line becomes an error message, not an abort.
#include "io/corpus_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <nlohmann/json.hpp>

namespace credence::internal {
namespace {

// Returns the record of one JSON line, or the reason it is not one.
Result<CorpusRecord> ParseRecord(const std::string& line) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    return Error(StatusCode::kDataError, std::string("bad JSON: ") + e.what());
  }
  if (!j.is_object()) return Error(StatusCode::kDataError, "not a JSON object");
  CorpusRecord r;
  for (auto [field, out] : {std::pair{"id", &r.id}, {"dataset", &r.dataset}, {"domain", &r.domain},
                            {"url", &r.url}, {"title", &r.title}, {"text", &r.text}}) {
    auto it = j.find(field);
    if (it == j.end() || it->is_null()) continue;
    if (!it->is_string()) return Error(StatusCode::kDataError, std::string("field '") + field + "' is not a string");
    *out = it->get<std::string>();
  }
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

Result<CorpusFile> ReadCorpusFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error(errno == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                 "cannot open " + path + ": " + std::strerror(errno));
  CorpusFile file;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    Result<CorpusRecord> r = ParseRecord(line);
    if (r) {
      file.records.push_back(std::move(*r));
    } else {
      file.errors.push_back(path + ": line " + std::to_string(number) + ": " + r.error().message());
    }
  }
  if (in.bad()) return Error(StatusCode::kIoError, "read error in " + path);
  return file;
}

}  // namespace credence::internal
