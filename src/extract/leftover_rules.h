// LeftoverRules: the table of data/page_leftovers.tsv, compiled once, that
// says whether one normalised line is page furniture and of which kind.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "credence/article.h"
#include "credence/status.h"


namespace credence::internal {

struct LeftoverMatch {
  RemovedCategory category;
  std::string_view rule;  // "exact:leave a reply"; points into the LeftoverRules
};

class LeftoverRules {
 public:
  // Parses a rules table in the format of data/page_leftovers.tsv.
  // Fails with kDataError naming the line of a malformed rule or regex.
  [[nodiscard]] static Result<LeftoverRules> Parse(std::string_view table);
  // Returns the rules bundled in data/page_leftovers.tsv, parsed once.
  // REQUIRES: the bundled table is well formed (tests/extract check it).
  static const LeftoverRules& Builtin();

  LeftoverRules(LeftoverRules&&) noexcept;
  ~LeftoverRules();

  // Returns the first rule (in table order) matching `normalized_line`
  // (made by NormalizeLine), or nullopt. Thread-safe.
  std::optional<LeftoverMatch> Match(std::string_view normalized_line) const;

 private:
  LeftoverRules();
  struct Rule {
    RemovedCategory category;
    std::string name;
  };
  std::vector<Rule> rules_;                              // table order
  std::unordered_map<std::string, std::size_t> exact_;   // pattern -> rule index
  struct Prefix {
    std::string text;
    std::size_t rule;
    bool any_length;  // "start" rules; "prefix" rules limit lines where only a space follows
  };
  std::vector<Prefix> prefixes_;
  std::unique_ptr<re2::RE2::Set> regex_set_;
  std::vector<std::size_t> regex_rule_;                  // set index -> rule index
};

}  // namespace credence::internal
