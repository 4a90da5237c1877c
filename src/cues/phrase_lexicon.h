// PhraseLexicon: a word list of single words and multi-word phrases, each
// with a weight and flags, matched over tokens case-insensitively (curly
// apostrophes folded), longest match first, without overlaps. It serves
// every list in data/ that is matched against article text: hedges, loaded
// language, AFINN-165 valences, clickbait, appeals for money, media attacks.
//
// File format (data/README.md has the details): one entry per line,
//   [@flag ]phrase[<TAB>weight[<TAB>flag,flag ...]]
// Lines starting with '#' and blank lines are skipped. The phrase is
// tokenized like article text, so "won't", "(video)" and "cover-up" split
// the same way in both; punctuation inside a phrase must match exactly. A
// word ending in '*' matches any word that begins with it ("slam*": slam,
// slams, slammed). Weight defaults to 1. "@head News" is short for
// "News<TAB>1<TAB>head". An entry repeated (after case folding) with the
// same weight and flags is merged; with a different one it is an error.
//
//   const PhraseLexicon& hedges = PhraseLexicon::Builtin("hedges.txt");
//   std::vector<PhraseMatch> matches;
//   hedges.FindAll(text, structure.tokens, 0, structure.tokens.size(), &matches);
//   for (const PhraseMatch& m : matches) Highlight(m.span, hedges.phrase(m.entry));
//
// A PhraseLexicon is immutable once parsed: share it freely across threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xxhash.h>

#include "credence/span.h"
#include "credence/status.h"
#include "credence/structure.h"
#include "cues/hedge_span.h"  // ExtendOverVerbGroup, what callers do with kModalFlag

namespace credence::internal {

// Flags an entry may carry: the names in the third column (or after '@').
inline constexpr uint32_t kModalFlag = 1u << 0;        // "modal": extend over the verb group after it
inline constexpr uint32_t kMediaFlag = 1u << 1;        // "media": names the press (media_attack.txt)
inline constexpr uint32_t kAttackFlag = 1u << 2;       // "attack": accuses the press (media_attack.txt)
inline constexpr uint32_t kLowerFlag = 1u << 3;        // "lower": counts only in lower case ("may", not "May");
                                                       //   FindAll does not check it: the caller does
inline constexpr uint32_t kNounFlag = 1u << 4;         // "noun": reporting verb that is also a noun ("reports")
inline constexpr uint32_t kPrepositionFlag = 1u << 5;  // "preposition": "according to SOURCE"
inline constexpr uint32_t kHeadFlag = 1u << 6;         // "head": generic outlet head word ("Times", "Herald")
inline constexpr uint32_t kWeakFlag = 1u << 7;         // "weak": vague source group ("officials", "experts")
inline constexpr uint32_t kForwardFlag = 1u << 8;      // "forward": forward-reference headline starter ("This")
inline constexpr uint32_t kYouFlag = 1u << 9;          // "you": second-person word in a headline
inline constexpr uint32_t kAddresseeFlag = 1u << 10;   // "addressee": reporting verb whose object is the one
                                                       //   told ("told the newspaper"), not the source
inline constexpr uint32_t kAspectFlag = 1u << 11;      // "aspect": reporting verb that is also one of aspect
                                                       //   ("continues to grow"): no report before to/-ing

// Returns the flag named `name` ("modal"), or 0 when there is none.
uint32_t FlagFromName(std::string_view name);

// One match of one entry over tokens [first_token, end_token).
struct PhraseMatch {
  std::size_t first_token = 0;
  std::size_t end_token = 0;  // one past the last token
  Span span;                  // from the first token's start to the last token's end
  double weight = 1.0;
  uint32_t flags = 0;
  std::size_t entry = 0;      // index of the entry in its lexicon
};

class PhraseLexicon {
 public:
  // Parses `contents` in the format above; `name` (a file name) prefixes
  // error messages. Fails with kDataError naming the file and line of a
  // malformed weight, an unknown flag, an empty phrase, a bad wildcard, too
  // many columns, or a contradictory repeat.
  [[nodiscard]] static Result<PhraseLexicon> Parse(std::string_view contents, std::string_view name);

  // Returns the bundled lexicon data/`file`, parsed on first use; thread-safe.
  // The reference lives until the program ends.
  // REQUIRES: data/`file` is embedded and well formed. A missing or broken
  // bundled list is a build defect (tests/cues/data_files_test.cc parses
  // every one), so this aborts rather than returning an error.
  static const PhraseLexicon& Builtin(std::string_view file);

  // Appends to *out the longest non-overlapping matches over tokens
  // [first, end), left to right. `normalized[i]` must be
  // NormalizeForLookup of token i (see NormalizeTokens), for every i < end.
  // Linear in end - first, times the few entries that share a first word.
  void FindAll(const std::vector<std::string>& normalized, const std::vector<Token>& tokens, std::size_t first,
               std::size_t end, std::vector<PhraseMatch>* out) const;
  // The same, normalising tokens [first, end) of `text` itself.
  void FindAll(std::string_view text, const std::vector<Token>& tokens, std::size_t first, std::size_t end,
               std::vector<PhraseMatch>* out) const;

  // Returns the entry that a single word is, by itself, or nullopt: an exact
  // one-word entry first, else the longest matching `stem*` entry.
  // REQUIRES: `normalized_word` is NormalizeForLookup of one token.
  std::optional<std::size_t> FindWord(std::string_view normalized_word) const;
  bool ContainsWord(std::string_view normalized_word) const { return FindWord(normalized_word).has_value(); }
  // Returns the weight of the one-word entry for `normalized_word` (the
  // AFINN valence of "abandon" is -2), or nullopt.
  std::optional<double> Weight(std::string_view normalized_word) const;

  std::size_t size() const { return entries_.size(); }
  // The entry's phrase as written in its file (without an '@flag ' prefix).
  const std::string& phrase(std::size_t entry) const { return entries_[entry].phrase; }
  double weight(std::size_t entry) const { return entries_[entry].weight; }
  uint32_t flags(std::size_t entry) const { return entries_[entry].flags; }

 private:
  struct Word {
    std::string text;       // normalised; for a wildcard, the stem
    bool wildcard = false;  // matches any word beginning with text
  };
  struct Entry {
    std::string phrase;
    std::vector<Word> words;
    double weight = 1.0;
    uint32_t flags = 0;
  };
  // Hashes std::string and std::string_view alike, so look-ups need no copy
  // (XXH3: several times faster than std::hash on short words).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return XXH3_64bits(s.data(), s.size()); }
  };
  using Index = std::unordered_map<std::string, std::vector<std::size_t>, Hash, std::equal_to<>>;

  // Indexes entry `e` (already in entries_) and returns false when it repeats
  // an earlier entry; *earlier is then that entry.
  bool AddToIndex(std::size_t e, std::size_t* earlier);
  // The matching core: words[i - words_first] is token i, normalised.
  void FindRange(const std::string* words, std::size_t words_first, const std::vector<Token>& tokens,
                 std::size_t first, std::size_t end, std::vector<PhraseMatch>* out) const;

  std::vector<Entry> entries_;
  Index by_first_word_;              // exact first word -> entries, longest first
  Index by_first_stem_;              // wildcard first word's stem -> entries, longest first
  std::vector<std::size_t> stem_lengths_;  // the distinct lengths of by_first_stem_ keys, ascending
  // Filters in front of the indexes, since most words start no entry: one
  // bit per hash of each exact first word, and one per hash of each stem's
  // first three bytes. A word whose bit is clear is not looked up.
  static constexpr std::size_t kFilterBits = 1 << 16;
  std::vector<std::uint64_t> first_words_ = std::vector<std::uint64_t>(kFilterBits / 64);
  std::vector<std::uint64_t> stem_starts_ = std::vector<std::uint64_t>(kFilterBits / 64);
  bool stems_gated_ = true;  // false when a stem is shorter than three bytes
  static std::size_t StemStartBit(std::string_view word);
  bool MayStartStem(std::string_view word) const;
  // The first word's entries, or nullptr.
  const std::vector<std::size_t>* ExactFirst(std::string_view word) const;
};

// Returns NormalizeForLookup of every token of `tokens` (punctuation included).
std::vector<std::string> NormalizeTokens(std::string_view text, const std::vector<Token>& tokens);

}  // namespace credence::internal
