// Phrase matching by first word: one hash look-up per token (plus one per
// distinct wildcard stem length) finds the few entries that could start
// there, so a lexicon of thousands of entries costs a handful of look-ups
// per token. Entries sharing a first word are kept longest first, so the
// first one that matches is the longest.
#include "cues/phrase_lexicon.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "data/embedded_data.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

// A wildcard stem shorter than this would match too much ("a*").
constexpr std::size_t kMinStemBytes = 3;

const std::vector<std::size_t> kNoLengths;

struct FlagName {
  std::string_view name;
  uint32_t flag;
};
constexpr FlagName kFlagNames[] = {
    {"modal", kModalFlag}, {"media", kMediaFlag},     {"attack", kAttackFlag}, {"lower", kLowerFlag},
    {"noun", kNounFlag},   {"preposition", kPrepositionFlag}, {"head", kHeadFlag}, {"weak", kWeakFlag},
    {"forward", kForwardFlag}, {"you", kYouFlag}, {"addressee", kAddresseeFlag},
    {"aspect", kAspectFlag},
};

// Splits `s` at `sep`, keeping empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t at = s.find(sep, pos);
    out.push_back(s.substr(pos, at == std::string_view::npos ? std::string_view::npos : at - pos));
    if (at == std::string_view::npos) return out;
    pos = at + 1;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool WordMatches(std::string_view pattern, bool wildcard, std::string_view word) {
  return wildcard ? word.substr(0, pattern.size()) == pattern : word == pattern;
}

}  // namespace

uint32_t FlagFromName(std::string_view name) {
  for (const FlagName& f : kFlagNames)
    if (f.name == name) return f.flag;
  return 0;
}

Result<PhraseLexicon> PhraseLexicon::Parse(std::string_view contents, std::string_view name) {
  PhraseLexicon lexicon;
  std::vector<std::size_t> entry_line;  // the line each entry came from, for error messages
  std::size_t line_number = 0;
  for (std::string_view line : Split(contents, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line[0] == '#') continue;
    std::string where = std::string(name) + " line " + std::to_string(line_number);
    auto fail = [&](const std::string& what) { return Error(StatusCode::kDataError, where + ": " + what); };

    std::vector<std::string_view> columns = Split(line, '\t');
    if (columns.size() > 3) return fail("more than three tab-separated columns");
    Entry e;
    std::string_view phrase = Trim(columns[0]);
    if (!phrase.empty() && phrase[0] == '@') {  // "@head News": a flag written before the phrase
      std::size_t space = phrase.find(' ');
      std::string_view tag = phrase.substr(1, space == std::string_view::npos ? std::string_view::npos : space - 1);
      e.flags |= FlagFromName(tag);
      if (e.flags == 0) return fail("unknown flag '@" + std::string(tag) + "'");
      phrase = space == std::string_view::npos ? std::string_view() : Trim(phrase.substr(space + 1));
    }
    if (phrase.empty()) return fail("empty phrase");
    e.phrase = std::string(phrase);
    if (columns.size() > 1) {
      std::string_view w = Trim(columns[1]);
      auto [ptr, ec] = std::from_chars(w.data(), w.data() + w.size(), e.weight);
      if (w.empty() || ec != std::errc() || ptr != w.data() + w.size() || !std::isfinite(e.weight))
        return fail("weight '" + std::string(w) + "' is not a number");
    }
    if (columns.size() > 2) {
      std::string flags(columns[2]);
      std::replace(flags.begin(), flags.end(), ' ', ',');  // "modal,lower" or "modal lower"
      for (std::string_view flag : Split(flags, ',')) {
        if (flag.empty()) continue;
        uint32_t bit = FlagFromName(flag);
        if (bit == 0) return fail("unknown flag '" + std::string(flag) + "'");
        e.flags |= bit;
      }
    }
    // Each space-separated word is tokenized like article text; a trailing
    // '*' makes its last token a wildcard.
    for (std::string_view chunk : Split(phrase, ' ')) {
      if (chunk.empty()) continue;
      bool wildcard = chunk.back() == '*';
      if (wildcard) chunk.remove_suffix(1);
      std::vector<Token> tokens;
      Tokenize(chunk, Span{0, chunk.size()}, &tokens);
      if (wildcard && (tokens.empty() || tokens.back().kind != TokenKind::kWord ||
                       tokens.back().span.size() < kMinStemBytes))
        return fail("'*' must follow a word of at least " + std::to_string(kMinStemBytes) + " letters");
      for (const Token& t : tokens) e.words.push_back({NormalizeForLookup(chunk.substr(t.span.start, t.span.size()))});
      if (wildcard) e.words.back().wildcard = true;
    }
    if (e.words.empty()) return fail("empty phrase");
    lexicon.entries_.push_back(std::move(e));
    std::size_t earlier = 0;
    if (!lexicon.AddToIndex(lexicon.entries_.size() - 1, &earlier)) {
      const Entry& a = lexicon.entries_[earlier];
      const Entry& b = lexicon.entries_.back();
      if (a.weight != b.weight || a.flags != b.flags)
        return fail("repeats line " + std::to_string(entry_line[earlier]) + " with another weight or flags");
      lexicon.entries_.pop_back();  // a harmless repeat ("Ministry", "ministry")
      continue;
    }
    entry_line.push_back(line_number);
  }
  return lexicon;
}

bool PhraseLexicon::AddToIndex(std::size_t e, std::size_t* earlier) {
  const Entry& entry = entries_[e];
  const Word& first = entry.words[0];
  Index& index = first.wildcard ? by_first_stem_ : by_first_word_;
  std::vector<std::size_t>& bucket = index[first.text];
  for (std::size_t other : bucket) {
    const std::vector<Word>& w = entries_[other].words;
    bool same = w.size() == entry.words.size();
    for (std::size_t k = 0; same && k < w.size(); ++k)
      same = w[k].text == entry.words[k].text && w[k].wildcard == entry.words[k].wildcard;
    if (same) {
      *earlier = other;
      return false;
    }
  }
  // Longest first; among equals, file order (stable).
  auto at = std::upper_bound(bucket.begin(), bucket.end(), e, [&](std::size_t a, std::size_t b) {
    return entries_[a].words.size() > entries_[b].words.size();
  });
  bucket.insert(at, e);
  if (!first.wildcard) {
    const std::size_t bit = Hash()(first.text) % kFilterBits;
    first_words_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  } else {
    if (first.text.size() < kMinStemBytes) {
      stems_gated_ = false;  // a stem normalised below three bytes: look every word up
    } else {
      const std::size_t bit = StemStartBit(first.text);
      stem_starts_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    auto len = std::lower_bound(stem_lengths_.begin(), stem_lengths_.end(), first.text.size());
    if (len == stem_lengths_.end() || *len != first.text.size()) stem_lengths_.insert(len, first.text.size());
  }
  return true;
}

std::size_t PhraseLexicon::StemStartBit(std::string_view word) {
  // REQUIRES: word.size() >= kMinStemBytes (3), as every stem is.
  const std::uint32_t start = static_cast<unsigned char>(word[0]) | static_cast<unsigned char>(word[1]) << 8 |
                              static_cast<unsigned char>(word[2]) << 16;
  return (start * 2654435761u) >> (32 - 16);  // Knuth's multiplicative hash, top 16 bits (kFilterBits)
}

const std::vector<std::size_t>* PhraseLexicon::ExactFirst(std::string_view word) const {
  const std::size_t bit = Hash()(word) % kFilterBits;
  if (!((first_words_[bit / 64] >> (bit % 64)) & 1)) return nullptr;
  auto it = by_first_word_.find(word);
  return it == by_first_word_.end() ? nullptr : &it->second;
}

bool PhraseLexicon::MayStartStem(std::string_view word) const {
  if (stem_lengths_.empty()) return false;
  if (!stems_gated_) return true;
  if (word.size() < kMinStemBytes) return false;
  const std::size_t bit = StemStartBit(word);
  return (stem_starts_[bit / 64] >> (bit % 64)) & 1;
}

const PhraseLexicon& PhraseLexicon::Builtin(std::string_view file) {
  // Leaked on purpose: lexicons live as long as the program, and callers on
  // other threads may still hold references at exit.
  static std::mutex mu;
  static auto* cache = new std::map<std::string, std::unique_ptr<PhraseLexicon>, std::less<>>();
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache->find(file); it != cache->end()) return *it->second;
  std::optional<std::string_view> contents = EmbeddedFile(file);
  if (!contents) std::abort();  // a bundled list that is not embedded: a build defect
  Result<PhraseLexicon> parsed = Parse(*contents, file);
  if (!parsed) std::abort();  // a malformed bundled list: caught by tests/cues/data_files_test.cc
  auto [it, inserted] = cache->emplace(std::string(file), std::make_unique<PhraseLexicon>(std::move(*parsed)));
  (void)inserted;
  return *it->second;
}

void PhraseLexicon::FindRange(const std::string* words, std::size_t words_first, const std::vector<Token>& tokens,
                              std::size_t first, std::size_t end, std::vector<PhraseMatch>* out) const {
  auto word = [&](std::size_t i) -> std::string_view { return words[i - words_first]; };
  auto matches = [&](std::size_t e, std::size_t i) {
    const std::vector<Word>& w = entries_[e].words;
    if (w.size() > end - i) return false;
    for (std::size_t k = 1; k < w.size(); ++k)
      if (!WordMatches(w[k].text, w[k].wildcard, word(i + k))) return false;
    return true;
  };
  for (std::size_t i = first; i < end;) {
    std::string_view w = word(i);
    std::optional<std::size_t> best;
    auto consider = [&](const std::vector<std::size_t>& bucket) {
      for (std::size_t e : bucket) {
        if (best && entries_[e].words.size() <= entries_[*best].words.size()) return;  // longest first
        if (matches(e, i)) {
          best = e;  // longer than any earlier best, by the check above
          return;
        }
      }
    };
    if (const std::vector<std::size_t>* bucket = ExactFirst(w)) consider(*bucket);
    for (std::size_t len : MayStartStem(w) ? stem_lengths_ : kNoLengths) {
      if (len > w.size()) break;
      if (auto it = by_first_stem_.find(w.substr(0, len)); it != by_first_stem_.end()) consider(it->second);
    }
    if (!best) {
      ++i;
      continue;
    }
    const Entry& e = entries_[*best];
    std::size_t n = e.words.size();
    out->push_back({i, i + n, {tokens[i].span.start, tokens[i + n - 1].span.end}, e.weight, e.flags, *best});
    i += n;
  }
}

void PhraseLexicon::FindAll(const std::vector<std::string>& normalized, const std::vector<Token>& tokens,
                            std::size_t first, std::size_t end, std::vector<PhraseMatch>* out) const {
  if (first < end) FindRange(normalized.data(), 0, tokens, first, end, out);
}

void PhraseLexicon::FindAll(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                            std::size_t end, std::vector<PhraseMatch>* out) const {
  if (first >= end) return;
  std::vector<std::string> words;
  words.reserve(end - first);
  for (std::size_t i = first; i < end; ++i)
    words.push_back(NormalizeForLookup(text.substr(tokens[i].span.start, tokens[i].span.size())));
  FindRange(words.data(), first, tokens, first, end, out);
}

std::optional<std::size_t> PhraseLexicon::FindWord(std::string_view normalized_word) const {
  if (const std::vector<std::size_t>* bucket = ExactFirst(normalized_word))
    for (std::size_t e : *bucket)
      if (entries_[e].words.size() == 1) return e;
  if (!MayStartStem(normalized_word)) return std::nullopt;
  for (auto len = stem_lengths_.rbegin(); len != stem_lengths_.rend(); ++len) {
    if (*len > normalized_word.size()) continue;
    if (auto it = by_first_stem_.find(normalized_word.substr(0, *len)); it != by_first_stem_.end())
      for (std::size_t e : it->second)
        if (entries_[e].words.size() == 1) return e;
  }
  return std::nullopt;
}

std::optional<double> PhraseLexicon::Weight(std::string_view normalized_word) const {
  std::optional<std::size_t> e = FindWord(normalized_word);
  if (!e) return std::nullopt;
  return entries_[*e].weight;
}

std::vector<std::string> NormalizeTokens(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  out.reserve(tokens.size());
  for (const Token& t : tokens) out.push_back(NormalizeForLookup(text.substr(t.span.start, t.span.size())));
  return out;
}

}  // namespace credence::internal
