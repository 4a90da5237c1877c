// Phrase matching by first word: a hash look-up per token finds the few
// entries that could start there, so a lexicon of thousands of entries
// costs about one look-up per token.
#include "cues/phrase_lexicon.h"

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "data/embedded_data.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

bool WordMatches(const std::string& pattern, const std::string& word) {
  if (!pattern.empty() && pattern.back() == '*' && pattern.size() > 1)
    return word.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return pattern == word;
}

uint32_t ParseFlag(std::string_view flag) {
  if (flag == "modal") return kModalFlag;
  if (flag == "media") return kMediaFlag;
  if (flag == "attack") return kAttackFlag;
  if (flag == "lower") return kLowerFlag;
  return 0;
}

}  // namespace

Result<PhraseLexicon> PhraseLexicon::Parse(std::string_view contents, std::string_view name) {
  PhraseLexicon lexicon;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < contents.size()) {
    std::size_t nl = contents.find('\n', pos);
    std::string_view line = contents.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? contents.size() : nl + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::string where = std::string(name) + " line " + std::to_string(line_number);
    Entry e;
    std::size_t t1 = line.find('\t');
    e.phrase = std::string(line.substr(0, t1));
    if (t1 != std::string_view::npos) {
      std::size_t t2 = line.find('\t', t1 + 1);
      std::string weight(line.substr(t1 + 1, t2 == std::string_view::npos ? std::string_view::npos : t2 - t1 - 1));
      char* parse_end = nullptr;
      e.weight = std::strtod(weight.c_str(), &parse_end);
      if (weight.empty() || parse_end != weight.c_str() + weight.size())
        return Error(StatusCode::kDataError, where + ": weight '" + weight + "' is not a number");
      if (t2 != std::string_view::npos) {
        std::string_view flags = line.substr(t2 + 1);
        std::size_t f = 0;
        while (f < flags.size()) {
          std::size_t sp = flags.find_first_of(" ,", f);
          std::string_view flag = flags.substr(f, sp == std::string_view::npos ? std::string_view::npos : sp - f);
          uint32_t bit = ParseFlag(flag);
          if (bit == 0 && !flag.empty()) return Error(StatusCode::kDataError, where + ": unknown flag '" + std::string(flag) + "'");
          e.flags |= bit;
          if (sp == std::string_view::npos) break;
          f = sp + 1;
        }
      }
    }
    // Phrases are tokenized like text, so "won't" and "(video)" split the same way.
    std::vector<Token> tokens;
    Tokenize(e.phrase, Span{0, e.phrase.size()}, &tokens);
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      std::string w = NormalizeForLookup(std::string_view(e.phrase).substr(tokens[k].span.start, tokens[k].span.size()));
      if (w == "*" && !e.words.empty()) e.words.back() += "*";  // "slam*" tokenizes as "slam" "*"
      else e.words.push_back(std::move(w));
    }
    if (e.words.empty()) return Error(StatusCode::kDataError, where + ": empty phrase");
    std::size_t index = lexicon.entries_.size();
    const std::string& first = e.words[0];
    if (first.size() > 1 && first.back() == '*') lexicon.prefix_first_word_.emplace_back(first.substr(0, first.size() - 1), index);
    else lexicon.by_first_word_[first].push_back(index);
    lexicon.entries_.push_back(std::move(e));
  }
  return lexicon;
}

const PhraseLexicon& PhraseLexicon::Builtin(std::string_view file) {
  static std::mutex mu;
  static auto* cache = new std::map<std::string, std::unique_ptr<PhraseLexicon>, std::less<>>();
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache->find(file);
  if (it != cache->end()) return *it->second;
  std::optional<std::string_view> contents = EmbeddedFile(file);
  if (!contents) std::abort();  // a missing bundled list is a build defect, caught by tests
  Result<PhraseLexicon> parsed = Parse(*contents, file);
  if (!parsed) std::abort();
  auto [inserted, ok] = cache->emplace(std::string(file), std::make_unique<PhraseLexicon>(std::move(*parsed)));
  (void)ok;
  return *inserted->second;
}

std::size_t PhraseLexicon::MatchLength(const Entry& e, const std::vector<std::string>& normalized, std::size_t i,
                                       std::size_t end) const {
  if (i + e.words.size() > end) return 0;
  for (std::size_t k = 0; k < e.words.size(); ++k)
    if (!WordMatches(e.words[k], normalized[i + k])) return 0;
  return e.words.size();
}

void PhraseLexicon::FindAll(const std::vector<std::string>& normalized, const std::vector<Token>& tokens,
                            std::size_t first, std::size_t end, std::vector<PhraseMatch>* out) const {
  for (std::size_t i = first; i < end;) {
    std::size_t best_len = 0;
    std::size_t best_entry = 0;
    auto consider = [&](std::size_t entry) {
      std::size_t len = MatchLength(entries_[entry], normalized, i, end);
      if (len > best_len) best_len = len, best_entry = entry;
    };
    if (auto it = by_first_word_.find(normalized[i]); it != by_first_word_.end())
      for (std::size_t entry : it->second) consider(entry);
    for (const auto& [prefix, entry] : prefix_first_word_)
      if (normalized[i].compare(0, prefix.size(), prefix) == 0) consider(entry);
    if (best_len == 0) {
      ++i;
      continue;
    }
    const Entry& e = entries_[best_entry];
    out->push_back({i, i + best_len, {tokens[i].span.start, tokens[i + best_len - 1].span.end}, e.weight, e.flags,
                    best_entry});
    i += best_len;
  }
}

void PhraseLexicon::FindAll(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                            std::size_t end, std::vector<PhraseMatch>* out) const {
  FindAll(NormalizeTokens(text, tokens), tokens, first, end, out);
}

std::vector<std::string> NormalizeTokens(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  out.reserve(tokens.size());
  for (const Token& t : tokens) out.push_back(NormalizeForLookup(text.substr(t.span.start, t.span.size())));
  return out;
}

Span ExtendOverVerbGroup(std::string_view text, const std::vector<Token>& tokens, std::size_t after, std::size_t end,
                         Span span) {
  auto word = [&](std::size_t i) { return NormalizeForLookup(text.substr(tokens[i].span.start, tokens[i].span.size())); };
  std::size_t i = after;
  if (i < end && tokens[i].kind == TokenKind::kWord && word(i) == "not") ++i;
  bool auxiliary = false;
  if (i < end && tokens[i].kind == TokenKind::kWord && (word(i) == "be" || word(i) == "have" || word(i) == "been")) {
    auxiliary = true;
    if (word(i) == "have" && i + 1 < end && word(i + 1) == "been") ++i;
    ++i;
  }
  // The main verb: one word after an auxiliary ("be occurring"), or the bare verb ("may wipe").
  if (i < end && tokens[i].kind == TokenKind::kWord) return {span.start, tokens[i].span.end};
  if (auxiliary) return {span.start, tokens[i - 1].span.end};
  return span;
}

}  // namespace credence::internal
