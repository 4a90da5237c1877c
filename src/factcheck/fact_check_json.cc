// Fact-check records as JSON objects (credence's JSONL format).
#include "factcheck/fact_check_json.h"

#include <array>
#include <utility>

#include "factcheck/collection_reader.h"
#include "html/markup_text.h"

namespace credence::internal {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<const char*, std::string FactCheck::*>, 11> kStringFields = {{
    {"id", &FactCheck::id},
    {"claim", &FactCheck::claim},
    {"title", &FactCheck::title},
    {"verdict", &FactCheck::verdict},
    {"rating_scale", &FactCheck::rating_scale},
    {"publisher", &FactCheck::publisher},
    {"date", &FactCheck::date},
    {"url", &FactCheck::url},
    {"language", &FactCheck::language},
    {"speaker", &FactCheck::speaker},
    {"source", &FactCheck::source},
}};

}  // namespace

Status CheckClaim(const FactCheck& f) {
  if (f.claim.empty()) return Status(StatusCode::kDataError, "no claim (\"claim\", or ClaimReview's \"claimReviewed\")");
  if (f.claim.size() > kMaxClaimBytes)
    return Status(StatusCode::kDataError, "claim of " + std::to_string(f.claim.size()) + " bytes, more than the " +
                                              std::to_string(kMaxClaimBytes) + " a claim may have");
  if (f.title.size() > kMaxClaimBytes)
    return Status(StatusCode::kDataError, "headline of " + std::to_string(f.title.size()) + " bytes, more than the " +
                                              std::to_string(kMaxClaimBytes) + " a headline may have");
  return Status::Ok();
}

std::string IsoDatePrefix(std::string_view s) {
  auto digits = [&](std::size_t from, std::size_t n) {
    if (s.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  auto number = [&](std::size_t from) { return (s[from] - '0') * 10 + (s[from + 1] - '0'); };
  if (!digits(0, 4)) return "";
  if (s.size() == 4) return std::string(s);
  if (s[4] != '-' || !digits(5, 2) || number(5) < 1 || number(5) > 12) return "";
  if (s.size() == 7) return std::string(s);
  if (s.size() < 10 || s[7] != '-' || !digits(8, 2) || number(8) < 1 || number(8) > 31) return "";
  // A date, or a date and a time ("2016-05-12T10:00:00Z", "2016-05-12 10:00").
  if (s.size() == 10 || s[10] == 'T' || s[10] == ' ') return std::string(s.substr(0, 10));
  return "";
}

std::string CleanText(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) c = ' ';
  return CollapseWhiteSpace(out);
}
Result<FactCheck> ReadFactCheckRecord(const json& j) {
  FactCheck f;
  for (const auto& [key, member] : kStringFields) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) continue;
    if (!it->is_string() && !(std::string_view(key) == "id" && it->is_number_integer()))
      return Error(StatusCode::kDataError, std::string("field \"") + key + "\" is not a string");
    f.*member = it->is_string() ? CleanText(it->get<std::string>()) : it->dump();
  }
  if (!f.date.empty()) {
    const std::string iso = IsoDatePrefix(f.date);
    if (iso.empty()) return Error(StatusCode::kDataError, "field \"date\" is not an ISO 8601 date (YYYY-MM-DD): \"" + f.date + "\"");
    f.date = iso;
  }
  if (auto it = j.find("falsity"); it != j.end() && !it->is_null()) {
    if (!it->is_number() || !(it->get<double>() >= 0.0 && it->get<double>() <= 1.0))
      return Error(StatusCode::kDataError, "field \"falsity\" is not a number from 0 to 1");
    f.falsity = it->get<double>();
  } else {
    f.falsity = FalsityOfVerdictWords(f.verdict);
  }
  if (Status s = CheckClaim(f); !s.ok()) return tl::unexpected(s);
  return f;
}

json FactCheckToJson(const FactCheck& f) {
  json j = json::object();
  for (const auto& [key, member] : kStringFields) {
    const std::string& v = f.*member;
    j[key] = v.empty() ? json(nullptr) : json(v);
  }
  j["falsity"] = f.falsity ? json(*f.falsity) : json(nullptr);
  return j;
}

json FactCheckMatchToJson(const FactCheckMatch& m) {
  json j = FactCheckToJson(m.fact_check);
  j["score"] = m.score;
  j["bm25"] = m.bm25;
  j["words_shared"] = m.words_shared;
  return j;
}

}  // namespace credence::internal
