// Parsing and matching of the page-leftover table. Regexes are matched all
// at once with an RE2::Set, since every short line of every article is
// tried against the whole table.
#include "extract/leftover_rules.h"

#include <cassert>
#include <cstdlib>
#include <re2/re2.h>
#include <re2/set.h>

#include "data/embedded_data.h"

namespace credence::internal {
namespace {

constexpr std::size_t kMaxWordsAfterBarePrefix = 10;

std::optional<RemovedCategory> ParseCategory(std::string_view name) {
  static const std::pair<std::string_view, RemovedCategory> kNames[] = {
      {"site_chrome", RemovedCategory::kSiteChrome}, {"related", RemovedCategory::kRelated},
      {"signature", RemovedCategory::kSignature},    {"appeal", RemovedCategory::kAppeal},
      {"widget", RemovedCategory::kWidget},          {"comment_prompt", RemovedCategory::kCommentPrompt},
      {"share", RemovedCategory::kShare},            {"copyright", RemovedCategory::kCopyright},
  };
  for (const auto& [n, c] : kNames)
    if (n == name) return c;
  return std::nullopt;
}

// A prefix rule matches when the line starts with the pattern followed by the
// end of the line or a separator, so "related" does not fire on "relatedly".
// When only a space follows ("related to this, the senator said ..."), the
// line must be short, as teasers and category lines are.
bool PrefixMatches(std::string_view line, std::string_view prefix) {
  if (line.substr(0, prefix.size()) != prefix) return false;
  if (line.size() == prefix.size()) return true;
  char next = line[prefix.size()];
  if (next == ':' || next == '-' || next == '|' || next == '>') return true;
  if (next != ' ') return false;
  std::size_t words = 1;
  for (char c : line) words += c == ' ';
  return words <= kMaxWordsAfterBarePrefix;
}

}  // namespace

LeftoverRules::LeftoverRules() = default;
LeftoverRules::LeftoverRules(LeftoverRules&&) noexcept = default;
LeftoverRules::~LeftoverRules() = default;

Result<LeftoverRules> LeftoverRules::Parse(std::string_view table) {
  LeftoverRules rules;
  RE2::Options options;
  options.set_log_errors(false);
  rules.regex_set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < table.size()) {
    std::size_t nl = table.find('\n', pos);
    std::string_view line = table.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? table.size() : nl + 1;
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    std::size_t t1 = line.find('\t');
    std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    auto where = "page_leftovers.tsv line " + std::to_string(line_number);
    if (t2 == std::string_view::npos) return Error(StatusCode::kDataError, where + ": expected 3 tab-separated columns");
    std::optional<RemovedCategory> category = ParseCategory(line.substr(0, t1));
    if (!category) return Error(StatusCode::kDataError, where + ": unknown category");
    std::string_view match = line.substr(t1 + 1, t2 - t1 - 1);
    std::string pattern(line.substr(t2 + 1));
    std::size_t index = rules.rules_.size();
    rules.rules_.push_back({*category, std::string(match) + ":" + pattern.substr(0, 48)});
    if (match == "exact") {
      rules.exact_.emplace(pattern, index);
    } else if (match == "prefix") {
      rules.prefixes_.push_back({pattern, index, /*any_length=*/false});
    } else if (match == "start") {
      rules.prefixes_.push_back({pattern, index, /*any_length=*/true});
    } else if (match == "regex") {
      std::string error;
      if (rules.regex_set_->Add(pattern, &error) < 0)
        return Error(StatusCode::kDataError, where + ": bad regex: " + error);
      rules.regex_rule_.push_back(index);
    } else {
      return Error(StatusCode::kDataError, where + ": match must be exact, prefix, start or regex");
    }
  }
  if (!rules.regex_set_->Compile()) return Error(StatusCode::kDataError, "page_leftovers.tsv: regex set too large");
  return rules;
}

const LeftoverRules& LeftoverRules::Builtin() {
  static const LeftoverRules* rules = [] {
    std::optional<std::string_view> table = EmbeddedFile("page_leftovers.tsv");
    assert(table.has_value());
    Result<LeftoverRules> parsed = Parse(table.value_or(""));
    if (!parsed) std::abort();  // a broken bundled table is a build defect, caught by tests
    return new LeftoverRules(std::move(*parsed));
  }();
  return *rules;
}

std::optional<LeftoverMatch> LeftoverRules::Match(std::string_view line) const {
  std::size_t best = rules_.size();
  if (auto it = exact_.find(std::string(line)); it != exact_.end()) best = it->second;
  for (const Prefix& p : prefixes_)
    if (p.rule < best && (p.any_length ? line.substr(0, p.text.size()) == p.text : PrefixMatches(line, p.text)))
      best = p.rule;
  std::vector<int> hits;
  if (regex_set_->Match(line, &hits))
    for (int hit : hits) best = std::min(best, regex_rule_[static_cast<std::size_t>(hit)]);
  if (best == rules_.size()) return std::nullopt;
  return LeftoverMatch{rules_[best].category, rules_[best].name};
}

}  // namespace credence::internal
