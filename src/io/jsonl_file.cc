// JSON Lines reading. nlohmann throws on malformed JSON; every parse is
// wrapped here so that one bad line becomes an error message.
#include "io/jsonl_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace credence::internal {

Status ForEachJsonLine(const std::string& path, const std::function<Status(const nlohmann::json&)>& on_object,
                       std::vector<std::string>* errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status(errno == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                  "cannot open " + path + ": " + std::strerror(errno));
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto fail = [&](const std::string& why) { errors->push_back(path + ": line " + std::to_string(number) + ": " + why); };
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      fail(std::string("bad JSON: ") + e.what());
      continue;
    }
    if (!j.is_object()) {
      fail("not a JSON object");
      continue;
    }
    if (Status s = on_object(j); !s.ok()) fail(s.message());
  }
  if (in.bad()) return Status(StatusCode::kIoError, "read error in " + path);
  return Status::Ok();
}

Status ReadStringField(const nlohmann::json& j, const char* name, std::string* out) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return Status(StatusCode::kDataError, std::string("field '") + name + "' is not a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

}  // namespace credence::internal
