// Source classification by table look-up over the few words of a source
// phrase. Outlet names match case-sensitively at word boundaries ("RT",
// "Sputnik"), so that common words never pass for outlets; anonymity
// markers and document words match in lower case; institution words match
// as listed (the list carries both "Police" and "police").
//
// The rules, first match wins:
//   1. a state-affiliated outlet anywhere: that outlet;
//   2. a pronoun first ("he", "he himself"): refers back (see SourceClass);
//   3. the head (the last word before a preposition: "report" in "the
//      report from Deir ez-Zor") is a document word: the issuer's kind, read
//      off the rest of the phrase ("his data": refers back; "a Reuters
//      report": media; "the Mueller report", "a study by Jane Doe": a named
//      person; "a source's report": anonymous; "a UN report": institution);
//      with no issuer it is unattributed, since a document is no person;
//   4. a media outlet; 5. a person's name; 6. an anonymity marker
//      ("sources", "people familiar with"), unless it is a weak one
//      ("officials") beside a capitalised institution word: "Pentagon
//      officials" is the Pentagon speaking, "government officials" are
//      anonymous; 7. an institution word; 8. anything else: anonymous ("the
//      man", "a witness").
// A capitalised word ending in 's names a possessor, not the source: "Donald
// Trump's lawyer" is no named person, but "Bolivia's public defender's
// office" is an institution by its head, and a capitalised possessor or
// modifier before a document's head names its issuer ("Pfizer's data").
#include "cues/source_classifier.h"

#include <optional>
#include <unordered_map>

#include "cues/source_words.h"
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

// "Bolivia's", "Reuters'", "Prosecutor’s".
bool IsPossessive(std::string_view w) {
  return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s") || w.ends_with("s'") || w.ends_with("s\xE2\x80\x99");
}

// `w` (apostrophes folded) without a possessive ending: "Sputnik's" ->
// "Sputnik", "Reuters'" -> "Reuters"; other words unchanged.
std::string WithoutPossessive(const std::string& w) {
  if (w.size() > 2 && w.ends_with("'s")) return w.substr(0, w.size() - 2);
  if (w.size() > 2 && w.ends_with("s'")) return w.substr(0, w.size() - 1);
  return w;
}

// Word sequences indexed by their first word; MatchAt finds the longest one
// starting at a token.
class NameIndex {
 public:
  explicit NameIndex(bool lower) : lower_(lower) {}
  void Add(std::string_view phrase, std::size_t payload) {
    std::vector<std::string> words = SplitWords(Fold(phrase));
    if (words.empty()) return;
    std::string first = words[0];
    index_[first].push_back({std::move(words), payload});
  }
  // Returns (token count, payload) of the longest entry at tokens[i]. The
  // entry's last word may carry a possessive ("Sputnik's report", "the
  // Pentagon's statement").
  std::optional<std::pair<std::size_t, std::size_t>> MatchAt(std::string_view text, const std::vector<Token>& tokens,
                                                             std::size_t i, std::size_t end) const {
    auto word = [&](std::size_t k) { return Fold(text.substr(tokens[k].span.start, tokens[k].span.size())); };
    auto same = [&](std::size_t k, const std::string& entry_word, bool last) {
      std::string w = word(k);
      return w == entry_word || (last && WithoutPossessive(w) == entry_word);
    };
    std::optional<std::pair<std::size_t, std::size_t>> best;
    auto try_key = [&](const std::string& key) {
      auto it = index_.find(key);
      if (it == index_.end()) return;
      for (const Entry& e : it->second) {
        if (i + e.words.size() > end || (best && best->first >= e.words.size())) continue;
        bool all = same(i, e.words[0], e.words.size() == 1);
        for (std::size_t k = 1; k < e.words.size() && all; ++k) all = same(i + k, e.words[k], k + 1 == e.words.size());
        if (all) best = std::make_pair(e.words.size(), e.payload);
      }
    };
    std::string first = word(i), bare = WithoutPossessive(first);
    try_key(first);
    if (bare != first) try_key(bare);
    return best;
  }

 private:
  // Curly apostrophes read as straight ones ("Prosecutor’s Office"); case
  // folds only in a lower-case index.
  std::string Fold(std::string_view w) const {
    if (lower_) return NormalizeForLookup(w);
    std::string out;
    for (std::size_t i = 0; i < w.size(); ++i) {
      bool curly = w.substr(i, 3) == "\xE2\x80\x99";
      out.push_back(curly ? '\'' : w[i]);
      if (curly) i += 2;
    }
    return out;
  }
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
  NameIndex anonymous{true};  // payload 1: a weak marker ("officials")
  NameIndex institutions{false};
  NameIndex documents{true};
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
    ForEachRow("anonymous_sources.txt", [&](const std::vector<std::string_view>& cols) {
      t->anonymous.Add(cols[0], cols.size() > 2 && cols[2].find("weak") != std::string_view::npos ? 1 : 0);
    });
    ForEachRow("document_words.txt", [&](const std::vector<std::string_view>& cols) { t->documents.Add(cols[0], 0); });
    ForEachRow("institution_words.txt",
               [&](const std::vector<std::string_view>& cols) { t->institutions.Add(cols[0], 0); });
    return t;
  }();
  return *tables;
}

bool StartsUpper(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

bool IsArticleWord(std::string_view w) { return w == "The" || w == "A" || w == "An" || w == "This" || w == "That"; }

// The kind a pronoun source has when its antecedent is not found.
SourceKind DefaultKind(PronounClass c) {
  switch (c) {
    case PronounClass::kPerson: return SourceKind::kNamedPerson;  // "he said": a person named earlier
    case PronounClass::kThing: return SourceKind::kInstitution;   // "it said": an organisation
    default: return SourceKind::kUnattributed;                    // "they said": anyone
  }
}

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
  auto word = [&](std::size_t i) { return text.substr(tokens[i].span.start, tokens[i].span.size()); };
  auto lower = [&](std::size_t i) { return NormalizeForLookup(word(i)); };
  for (std::size_t i = first; i < end; ++i)
    if (auto m = t.state_outlets.MatchAt(text, tokens, i, end))
      return {SourceKind::kStateAffiliatedOutlet, t.state_descriptions[m->second]};
  // The attribution finder ends a source at a pronoun, so one that starts
  // with a pronoun is the pronoun ("he", "he himself", "he wryly").
  if (PronounClass c = SubjectPronounClass(lower(first)); c != PronounClass::kNone) return {DefaultKind(c), "", c};

  // The head: the last word before a preposition, read past a quantifier's
  // "of" ("several of these studies": studies).
  std::size_t head = end - 1;
  for (std::size_t i = first + 1; i < end; ++i) {
    if (!IsPreposition(lower(i))) continue;
    if (lower(i) == "of" && IsQuantifier(lower(i - 1))) continue;
    head = i - 1;
    break;
  }
  bool document = t.documents.MatchAt(text, tokens, head, head + 1).has_value();
  bool anonymous = false, weak_anonymous = false, institution = false, media = false, name = false;
  bool unnamed_authors = false;     // an anonymity marker other than a quantifier ("some", "many")
  bool named_institution = false;   // a capitalised institution word: "Pentagon", "Health Ministry"
  bool named_issuer = false;        // a capitalised possessor or modifier before a document's head
  std::size_t capitalised_run = 0;  // consecutive capitalised words that are no institution
  for (std::size_t i = first; i < end; ++i) {
    std::string_view w = word(i);
    if (t.media_outlets.MatchAt(text, tokens, i, end)) media = true;
    else if (StartsUpper(w) && i > first && t.outlet_heads.MatchAt(text, tokens, i, i + 1)) media = true;
    if (auto m = t.anonymous.MatchAt(text, tokens, i, end)) {
      (m->second ? weak_anonymous : anonymous) = true;
      // "officials' report" has unnamed authors; "some reports" only a count.
      unnamed_authors |= !m->second || !IsQuantifier(lower(i));
    }
    std::string bare = WithoutPossessive(std::string(w));  // "CNN's" is an acronym too
    bool institution_word = t.institutions.MatchAt(text, tokens, i, end) || (IsAllCaps(bare) && bare.size() <= 6);
    institution |= institution_word;
    named_institution |= institution_word && StartsUpper(w) && !(i == first && sentence_initial);
    // A sentence's first word is capitalised anyway, unless it is a possessive ("Pfizer's data").
    bool possessor = i + 1 < end && IsPossessive(w);
    bool capitalised = StartsUpper(w) && !institution_word && !IsArticleWord(w) &&
                       !(i == first && sentence_initial && end - first > 1 && !possessor);
    if (capitalised && i < head && !t.documents.MatchAt(text, tokens, i, i + 1)) named_issuer = true;
    capitalised_run = capitalised && !possessor ? capitalised_run + 1 : 0;
    // A person's name: two capitalised words ("Jane Doe", "President Obama"),
    // or one right before the verb ("Trump said"); "Syrian officials" is not.
    if (capitalised_run >= 2 || (capitalised && i + 1 == end)) name = true;
  }
  if (document) {
    if (PronounClass c = PossessivePronounClass(lower(first)); c != PronounClass::kNone) return {DefaultKind(c), "", c};
    if (media) return {SourceKind::kMediaOutlet, ""};
    if (name || named_issuer) return {SourceKind::kNamedPerson, ""};
    if (unnamed_authors) return {SourceKind::kAnonymous, ""};
    if (institution) return {SourceKind::kInstitution, ""};
    return {SourceKind::kUnattributed, ""};  // "the report", "a study": a document the text attributes to no one
  }
  if (media) return {SourceKind::kMediaOutlet, ""};
  if (name) return {SourceKind::kNamedPerson, ""};
  if (anonymous || (weak_anonymous && !named_institution)) return {SourceKind::kAnonymous, ""};
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
