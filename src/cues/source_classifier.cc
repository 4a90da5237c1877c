// Source classification by table look-up over the few words of a source
// phrase. Outlet names match case-sensitively at word boundaries ("RT",
// "Sputnik"), so that common words never pass for outlets; anonymity
// markers match in lower case; institution words match as listed (the list
// carries both "Police" and "police").
#include "cues/source_classifier.h"

#include <optional>
#include <unordered_map>

#include "data/embedded_data.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t sp = s.find(' ', pos);
    std::string_view w = s.substr(pos, sp == std::string_view::npos ? std::string_view::npos : sp - pos);
    if (!w.empty()) words.emplace_back(w);
    if (sp == std::string_view::npos) break;
    pos = sp + 1;
  }
  return words;
}

// Calls `fn(columns)` for each non-comment line of an embedded table.
template <typename Fn>
void ForEachRow(std::string_view file_name, Fn fn) {
  ForEachDataLine(EmbeddedFile(file_name).value_or(""), [&](std::string_view line) {
    std::vector<std::string_view> cols;
    std::size_t c = 0;
    while (true) {
      std::size_t tab = line.find('\t', c);
      cols.push_back(line.substr(c, tab == std::string_view::npos ? std::string_view::npos : tab - c));
      if (tab == std::string_view::npos) break;
      c = tab + 1;
    }
    fn(cols);
  });
}

// Word sequences indexed by their first word; MatchAt finds the longest one
// starting at a token.
class NameIndex {
 public:
  explicit NameIndex(bool lower) : lower_(lower) {}
  void Add(std::string_view phrase, std::size_t payload) {
    std::vector<std::string> words = SplitWords(lower_ ? ToLower(phrase) : std::string(phrase));
    if (words.empty()) return;
    std::string first = words[0];
    index_[first].push_back({std::move(words), payload});
  }
  // Returns (token count, payload) of the longest entry at tokens[i].
  std::optional<std::pair<std::size_t, std::size_t>> MatchAt(std::string_view text, const std::vector<Token>& tokens,
                                                             std::size_t i, std::size_t end) const {
    auto word = [&](std::size_t k) {
      std::string_view w = text.substr(tokens[k].span.start, tokens[k].span.size());
      return lower_ ? ToLower(w) : std::string(w);
    };
    auto it = index_.find(word(i));
    if (it == index_.end()) return std::nullopt;
    std::optional<std::pair<std::size_t, std::size_t>> best;
    for (const Entry& e : it->second) {
      if (i + e.words.size() > end || (best && best->first >= e.words.size())) continue;
      bool all = true;
      for (std::size_t k = 1; k < e.words.size() && all; ++k) all = word(i + k) == e.words[k];
      if (all) best = std::make_pair(e.words.size(), e.payload);
    }
    return best;
  }

 private:
  struct Entry {
    std::vector<std::string> words;
    std::size_t payload;
  };
  bool lower_;
  std::unordered_map<std::string, std::vector<Entry>> index_;
};

struct Tables {
  NameIndex state_outlets{false};
  std::vector<std::string> state_descriptions;
  NameIndex media_outlets{false};
  NameIndex outlet_heads{false};  // "News", "Times": an unknown capitalised name ending in one is an outlet
  NameIndex anonymous{true};
  NameIndex institutions{false};
};

// state_affiliated_outlets.tsv: name, aliases (|), country, owner, ...
const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables();
    ForEachRow("state_affiliated_outlets.tsv", [&](const std::vector<std::string_view>& cols) {
      std::size_t row = t->state_descriptions.size();
      std::string description(cols[0]);
      if (cols.size() > 3) description += " (" + std::string(cols[2]) + "; " + std::string(cols[3]) + ")";
      t->state_descriptions.push_back(description);
      t->state_outlets.Add(cols[0], row);
      if (cols.size() > 1) {
        std::string_view aliases = cols[1];
        std::size_t p = 0;
        while (p <= aliases.size()) {
          std::size_t bar = aliases.find('|', p);
          std::string_view alias = aliases.substr(p, bar == std::string_view::npos ? std::string_view::npos : bar - p);
          if (!alias.empty()) t->state_outlets.Add(alias, row);
          if (bar == std::string_view::npos) break;
          p = bar + 1;
        }
      }
    });
    ForEachRow("media_outlets.txt", [&](const std::vector<std::string_view>& cols) {
      std::string_view name = cols[0];
      if (name.substr(0, 6) == "@head ") t->outlet_heads.Add(name.substr(6), 0);
      else t->media_outlets.Add(name, 0);
    });
    ForEachRow("anonymous_sources.txt", [&](const std::vector<std::string_view>& cols) { t->anonymous.Add(cols[0], 0); });
    ForEachRow("institution_words.txt",
               [&](const std::vector<std::string_view>& cols) { t->institutions.Add(cols[0], 0); });
    return t;
  }();
  return *tables;
}

bool StartsUpper(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

bool IsArticleWord(std::string_view w) { return w == "The" || w == "A" || w == "An" || w == "This" || w == "That"; }

bool IsAllCaps(std::string_view w) {
  std::size_t letters = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 2;
}

}  // namespace

SourceClass ClassifySource(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                           std::size_t end, bool sentence_initial) {
  const Tables& t = GetTables();
  bool anonymous = false;
  bool institution = false;
  bool media = false;
  bool name = false;
  std::size_t capitalised_run = 0;  // consecutive capitalised words that are no institution
  for (std::size_t i = first; i < end; ++i) {
    if (auto m = t.state_outlets.MatchAt(text, tokens, i, end))
      return {SourceKind::kStateAffiliatedOutlet, t.state_descriptions[m->second]};
    std::string_view w = text.substr(tokens[i].span.start, tokens[i].span.size());
    if (t.media_outlets.MatchAt(text, tokens, i, end)) media = true;
    else if (StartsUpper(w) && i > first && t.outlet_heads.MatchAt(text, tokens, i, i + 1)) media = true;
    if (t.anonymous.MatchAt(text, tokens, i, end)) anonymous = true;
    bool institution_word = t.institutions.MatchAt(text, tokens, i, end) || (IsAllCaps(w) && w.size() <= 6);
    institution |= institution_word;
    bool capitalised = StartsUpper(w) && !institution_word && !IsArticleWord(w) && !(i == first && sentence_initial && end - first > 1);
    capitalised_run = capitalised ? capitalised_run + 1 : 0;
    // A person's name: two capitalised words ("Jane Doe", "President Obama"),
    // or one right before the verb ("Trump said"); "Syrian officials" is not.
    if (capitalised_run >= 2 || (capitalised && i + 1 == end)) name = true;
  }
  if (media) return {SourceKind::kMediaOutlet, ""};
  if (name) return {SourceKind::kNamedPerson, ""};
  if (anonymous) return {SourceKind::kAnonymous, ""};
  if (institution) return {SourceKind::kInstitution, ""};
  return {SourceKind::kAnonymous, ""};  // "the man", "a witness": a source the text does not name
}

std::vector<OutletMention> FindStateOutletMentions(std::string_view text, const std::vector<Token>& tokens,
                                                   std::size_t first, std::size_t end) {
  const Tables& t = GetTables();
  std::vector<OutletMention> mentions;
  for (std::size_t i = first; i < end; ++i) {
    if (tokens[i].kind != TokenKind::kWord) continue;
    if (auto m = t.state_outlets.MatchAt(text, tokens, i, end)) {
      mentions.push_back({{tokens[i].span.start, tokens[i + m->first - 1].span.end}, t.state_descriptions[m->second]});
      i += m->first - 1;
    }
  }
  return mentions;
}

}  // namespace credence::internal
