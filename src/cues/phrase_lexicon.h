// PhraseLexicon: a word list of single words and multi-word phrases, each
// with a weight and flags, matched over tokens case-insensitively (curly
// apostrophes folded), longest match first, without overlaps.
//
// File format (data/*.txt, data/afinn-165.tsv): one entry per line,
//   phrase[<TAB>weight[<TAB>flag,flag ...]]
// '#' starts a comment line. A word ending in '*' matches any word it
// begins ("slam*" matches "slams", "slammed"). Weight defaults to 1.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "credence/span.h"
#include "credence/status.h"
#include "credence/structure.h"

namespace credence::internal {

// Flags an entry may carry (the words in the third column).
inline constexpr uint32_t kModalFlag = 1u << 0;   // "modal": extend over the verb group that follows
inline constexpr uint32_t kMediaFlag = 1u << 1;   // "media": names the media (media_attack.txt)
inline constexpr uint32_t kAttackFlag = 1u << 2;  // "attack": an attack word (media_attack.txt)
inline constexpr uint32_t kLowerFlag = 1u << 3;   // "lower": counts only when written in lower case ("may", not "May")

struct PhraseMatch {
  std::size_t first_token = 0;
  std::size_t end_token = 0;  // one past the last token
  Span span;
  double weight = 1.0;
  uint32_t flags = 0;
  std::size_t entry = 0;      // index of the entry in its lexicon
};

class PhraseLexicon {
 public:
  // Parses `contents` in the format above. `name` is used in error messages.
  // Fails with kDataError naming the line of a malformed weight or flag.
  [[nodiscard]] static Result<PhraseLexicon> Parse(std::string_view contents, std::string_view name);
  // Returns the bundled lexicon data/`file`, parsed once; thread-safe.
  // REQUIRES: the bundled file exists and is well formed (tests/cues check every one).
  static const PhraseLexicon& Builtin(std::string_view file);

  // Appends the matches over tokens [first, end) to *out, in order.
  // `normalized[i]` is NormalizeForLookup of token i (see NormalizeTokens).
  void FindAll(const std::vector<std::string>& normalized, const std::vector<Token>& tokens, std::size_t first,
               std::size_t end, std::vector<PhraseMatch>* out) const;
  // The same, normalising the tokens itself.
  void FindAll(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t end,
               std::vector<PhraseMatch>* out) const;

  std::size_t size() const { return entries_.size(); }
  const std::string& phrase(std::size_t entry) const { return entries_[entry].phrase; }

 private:
  struct Entry {
    std::string phrase;
    std::vector<std::string> words;  // normalised; a trailing '*' marks a prefix word
    double weight = 1.0;
    uint32_t flags = 0;
  };
  // Returns the number of tokens entry `e` matches at `i`, or 0.
  std::size_t MatchLength(const Entry& e, const std::vector<std::string>& normalized, std::size_t i,
                          std::size_t end) const;

  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
  std::vector<std::pair<std::string, std::size_t>> prefix_first_word_;  // ("slam", entry) for "slam*"
};

// Returns NormalizeForLookup of every token of `tokens` (punctuation included).
std::vector<std::string> NormalizeTokens(std::string_view text, const std::vector<Token>& tokens);

// Returns `span` extended over the verb group after token `after` (one past
// the modal): optional "not", then "be", "have", "have been" or "been", then
// one more word: "may" -> "may be occurring", "could" -> "could have been hit".
Span ExtendOverVerbGroup(std::string_view text, const std::vector<Token>& tokens, std::size_t after,
                         std::size_t end, Span span);

}  // namespace credence::internal
