// SpellChecker: hunspell (with Debian's hunspell-en-us) behind a cache,
// and the rules for which words of an article are worth checking: names,
// acronyms, numbers, URLs and foreign-script words are skipped.
//
// One SpellChecker may be shared by many threads: lookups are serialised on
// a mutex (hunspell is not thread-safe) and answered from the cache when seen.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "credence/span.h"
#include "credence/status.h"
#include "credence/structure.h"

class Hunspell;

namespace credence::internal {

class SpellChecker {
 public:
  // Opens the dictionary `base`.aff / `base`.dic.
  // Fails with kNotFound when either file is missing.
  [[nodiscard]] static Result<std::unique_ptr<SpellChecker>> Open(const std::string& base);
  ~SpellChecker();

  // Adds the dictionary `base`.aff / `base`.dic: a word any dictionary knows
  // is spelled right. Fails with kNotFound when either file is missing.
  [[nodiscard]] Status AddDictionary(const std::string& base);

  // Returns true when hunspell does not know `word` (normalised: curly
  // apostrophes folded). Cached.
  bool IsMisspelled(std::string_view word) const;

  // Returns the spans of misspelled words among tokens [first, end).
  std::vector<Span> FindMisspellings(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                                     std::size_t end) const;

 private:
  SpellChecker() = default;
  std::vector<std::unique_ptr<Hunspell>> dictionaries_;
  mutable std::mutex mu_;
  mutable std::unordered_map<std::string, bool> cache_;
};

}  // namespace credence::internal
