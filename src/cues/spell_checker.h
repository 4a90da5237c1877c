// SpellChecker: hunspell (Debian's hunspell-en-us) behind a cache, and the
// rules for which words of an article are worth checking. Misspellings are
// a weak sign of an unedited page; a false alarm on a name is worse than a
// missed typo, so the rules skip anything that may be a name.
//
//   Result<std::unique_ptr<SpellChecker>> speller =
//       SpellChecker::Open("/usr/share/hunspell/en_US");
//   if (speller) spans = (*speller)->FindMisspellings(text, tokens, 0, tokens.size());
//
// One SpellChecker may be shared by many threads: the cache is sharded, each
// shard behind its own mutex, and hunspell itself (not thread-safe) is only
// called under one more mutex, on a cache miss.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xxhash.h>

#include "credence/span.h"
#include "credence/status.h"
#include "credence/structure.h"

class Hunspell;

namespace credence::internal {

class SpellChecker {
 public:
  // Opens the hunspell dictionary `base`.aff + `base`.dic, e.g.
  // "/usr/share/hunspell/en_US". Fails with kNotFound when either file is
  // missing, kIoError when hunspell cannot load them, kDataError when the
  // loaded dictionary does not know the word "the".
  [[nodiscard]] static Result<std::unique_ptr<SpellChecker>> Open(const std::string& base);
  ~SpellChecker();
  SpellChecker(const SpellChecker&) = delete;
  SpellChecker& operator=(const SpellChecker&) = delete;

  // Adds another dictionary (same errors as Open): a word any dictionary
  // knows is spelled right. Clears the cache.
  [[nodiscard]] Status AddDictionary(const std::string& base);

  // Returns true when no dictionary knows `word`, nor its American spelling
  // when `word` has a British one ("organised", "colour", "centre",
  // "travelled", "defence"). Curly apostrophes are folded to '. Applies
  // none of the skipping rules below. Cached; thread-safe.
  bool IsMisspelled(std::string_view word) const;

  // Returns the spans of misspelled words among tokens [first, end) of
  // `text`. Checks word tokens only, and skips a word (or, in a hyphenated
  // word, a part) that
  //  - has any upper-case letter: names (Saigon, Deir ez-Zor), acronyms
  //    (ISIS) and sentence-initial words alike. Decided: a capital at the
  //    start of a sentence says nothing, and names open sentences as often
  //    as typos do; missing a typo there costs less than flagging a name;
  //  - has a digit (20th, 5G) or a period (U.S., e.g.);
  //  - has fewer than 3 letters, or more than 30 bytes;
  //  - has any byte outside ASCII but a curly apostrophe (other scripts,
  //    accented foreign words), or touches a U+FFFD repair;
  //  - sits in a URL, e-mail address, @handle or #hashtag.
  // Possessive 's and a trailing apostrophe are stripped first ("state's").
  // A misspelled part of a hyphenated word is reported as that part's span.
  std::vector<Span> FindMisspellings(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                                     std::size_t end) const;

 private:
  SpellChecker();
  // Returns true when a dictionary knows `word` or one of its American
  // spellings. REQUIRES: hunspell_mu_ held.
  bool KnownLocked(const std::string& word) const;

  static constexpr std::size_t kShards = 16;
  struct WordHash {  // XXH3: much faster than std::hash on short words
    std::size_t operator()(const std::string& s) const { return XXH3_64bits(s.data(), s.size()); }
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, bool, WordHash> misspelled;
  };

  // Looks `word` up in the shared cache, else asks hunspell and caches it.
  bool SharedIsMisspelled(std::string word) const;

  mutable std::mutex hunspell_mu_;  // guards dictionaries_ and every call into hunspell
  std::vector<std::unique_ptr<Hunspell>> dictionaries_;
  // Two caches: each thread's own in front (no locks; it names the checker
  // and dictionary set it holds by cache_id_, new for each), the shared
  // shards behind it, so that each word costs hunspell one call.
  mutable std::array<Shard, kShards> shards_;
  std::atomic<std::uint64_t> cache_id_;
};

}  // namespace credence::internal
