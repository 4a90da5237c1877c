// Attribution patterns, tried at every reporting verb of a body sentence:
//   SOURCE [aux] VERB          "Sputnik has reported", "The source said"
//   according to SOURCE        "According to the source,"
//   , VERB SOURCE              "“...,” said Jane Doe."
//   it is VERB that / reportedly  agentless: kUnattributed, no source
// The source phrase is found by walking back (or forward) over words up to
// a clause boundary, which keeps the rules general and fast.
#include "cues/attribution_finder.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

#include "cues/source_classifier.h"
#include "text/utf8.h"
#include "cues/phrase_lexicon.h"

namespace credence::internal {
namespace {

constexpr std::size_t kMaxSourceTokens = 10;

struct VerbInfo {
  bool noun_ambiguous = false;  // "reports", "claims": also nouns
};

// data/reporting_verbs.txt, through the shared lexicon loader; the flag
// "noun" marks forms that are also nouns ("reports", "claims").
const std::unordered_map<std::string, VerbInfo>& Verbs() {
  static const auto* verbs = [] {
    auto* map = new std::unordered_map<std::string, VerbInfo>();
    const PhraseLexicon& lexicon = PhraseLexicon::Builtin("reporting_verbs.txt");
    for (std::size_t e = 0; e < lexicon.size(); ++e) {
      const std::string& form = lexicon.phrase(e);
      if (form.find(' ') != std::string::npos) continue;  // "according to" is a pattern of its own
      (*map)[ToLower(form)] = VerbInfo{(lexicon.flags(e) & kNounFlag) != 0};
    }
    return map;
  }();
  return *verbs;
}

bool IsAuxiliary(std::string_view w) {
  static const std::string_view kAux[] = {"has", "have", "had", "is", "was", "were", "are", "will", "would",
                                          "also", "reportedly", "previously", "earlier", "later", "then",
                                          "once", "recently", "been", "had", "has", "just", "further", "again"};
  for (std::string_view a : kAux)
    if (a == w) return true;
  return false;
}

// Words that end a source phrase when walking back from the verb.
bool IsClauseBoundary(std::string_view w) {
  static const std::string_view kStop[] = {"that", "which", "who", "whom", "and", "but", "when", "while", "as",
                                           "if", "because", "so", "what", "how", "where", "after", "before",
                                           "since", "than", "or", "nor", "though", "although", "whether", "why",
                                           "also", "now", "then", "yet", "once", "until", "unless"};
  for (std::string_view s : kStop)
    if (s == w) return true;
  return false;
}

bool IsDeterminerOrPossessive(std::string_view w) {
  static const std::string_view kDet[] = {"the", "a", "an", "this", "that", "these", "those", "his", "her",
                                          "its", "their", "our", "my", "your", "new", "such", "some", "any"};
  for (std::string_view d : kDet)
    if (d == w) return true;
  return false;
}

bool IsFirstOrSecondPerson(std::string_view w) { return w == "i" || w == "we" || w == "you"; }
bool IsPronoun(std::string_view w) { return w == "he" || w == "she" || w == "they" || w == "it"; }

struct Sentence3 {
  std::string_view text;
  const std::vector<Token>& tokens;
  std::size_t first, end;
  std::string LowerAt(std::size_t i) const { return ToLower(text.substr(tokens[i].span.start, tokens[i].span.size())); }
  bool IsWord(std::size_t i) const { return tokens[i].kind == TokenKind::kWord; }
  bool IsPunctAt(std::size_t i, char c) const {
    return tokens[i].kind == TokenKind::kPunct && text[tokens[i].span.start] == c;
  }
  bool IsQuoteAt(std::size_t i) const {
    std::string_view t = text.substr(tokens[i].span.start, tokens[i].span.size());
    return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D";
  }
};

Attribution Make(const Sentence3& s, std::size_t src_first, std::size_t src_end, Span verb, Span whole) {
  Attribution a;
  a.span = whole;
  a.verb = verb;
  if (src_end > src_first) {
    a.source = Span{s.tokens[src_first].span.start, s.tokens[src_end - 1].span.end};
    std::string head = s.LowerAt(src_first);
    if (src_end - src_first == 1 && IsPronoun(head)) {
      // "he said": a person named earlier in the text; "it said": an organisation.
      a.kind = head == "it" ? SourceKind::kInstitution : head == "they" ? SourceKind::kUnattributed
                                                                         : SourceKind::kNamedPerson;
    } else {
      SourceClass c = ClassifySource(s.text, s.tokens, src_first, src_end, src_first == s.first);
      a.kind = c.kind;
      a.outlet = c.outlet;
    }
  }
  return a;
}

// Walks back from `verb_first` over auxiliaries, then over the source phrase.
void TrySubjectVerb(const Sentence3& s, std::size_t v, const VerbInfo& info, std::vector<Attribution>& out) {
  std::size_t verb_first = v;
  while (verb_first > s.first && s.IsWord(verb_first - 1) && IsAuxiliary(s.LowerAt(verb_first - 1))) --verb_first;
  std::size_t src_end = verb_first;
  std::size_t src_first = src_end;
  while (src_first > s.first && src_end - src_first < kMaxSourceTokens && s.IsWord(src_first - 1) &&
         !IsClauseBoundary(s.LowerAt(src_first - 1)))
    --src_first;
  if (src_first == src_end) return;
  std::string head = s.LowerAt(src_end - 1);
  if (IsFirstOrSecondPerson(s.LowerAt(src_first)) || IsDeterminerOrPossessive(head)) return;
  if (info.noun_ambiguous) {
    // "Sputnik reports," is a verb; "police reports show" is a noun.
    bool verb_like_next = v + 1 >= s.end || s.IsPunctAt(v + 1, ',') || s.IsPunctAt(v + 1, ':') ||
                          s.IsQuoteAt(v + 1) || s.LowerAt(v + 1) == "that";
    if (!verb_like_next) return;
  }
  Span verb{s.tokens[verb_first].span.start, s.tokens[v].span.end};
  Span whole{s.tokens[src_first].span.start, s.tokens[v].span.end};
  out.push_back(Make(s, src_first, src_end, verb, whole));
}

// ", said Jane Doe" after a quotation or a comma.
bool TryVerbSubject(const Sentence3& s, std::size_t v, std::vector<Attribution>& out) {
  if (v == s.first || !(s.IsPunctAt(v - 1, ',') || s.IsQuoteAt(v - 1))) return false;
  std::size_t src_first = v + 1;
  std::size_t src_end = src_first;
  while (src_end < s.end && src_end - src_first < kMaxSourceTokens && s.IsWord(src_end) &&
         !IsClauseBoundary(s.LowerAt(src_end)))
    ++src_end;
  if (src_end == src_first) return false;
  Span verb = s.tokens[v].span;
  Span whole{verb.start, s.tokens[src_end - 1].span.end};
  out.push_back(Make(s, src_first, src_end, verb, whole));
  return true;
}

// "according to X": X runs to the next punctuation mark.
bool TryAccordingTo(const Sentence3& s, std::size_t k, std::vector<Attribution>& out) {
  if (k + 2 >= s.end || s.LowerAt(k) != "according" || s.LowerAt(k + 1) != "to") return false;
  std::size_t src_first = k + 2;
  std::size_t src_end = src_first;
  while (src_end < s.end && src_end - src_first < kMaxSourceTokens + 2 && s.IsWord(src_end) &&
         !IsClauseBoundary(s.LowerAt(src_end)))
    ++src_end;
  if (src_end == src_first) return false;
  Span verb{s.tokens[k].span.start, s.tokens[k + 1].span.end};
  Span whole{verb.start, s.tokens[src_end - 1].span.end};
  out.push_back(Make(s, src_first, src_end, verb, whole));
  return true;
}

// "it is claimed that", "it was reported", "reportedly": no source at all.
bool TryAgentless(const Sentence3& s, std::size_t k, std::vector<Attribution>& out) {
  std::string w = s.LowerAt(k);
  if (w == "reportedly" || w == "allegedly" || w == "purportedly") {
    Attribution a;
    a.span = a.verb = s.tokens[k].span;
    out.push_back(a);
    return true;
  }
  if (w != "it" || k + 2 >= s.end) return false;
  std::string be = s.LowerAt(k + 1);
  if (be != "is" && be != "was" && be != "has") return false;
  std::size_t v = k + 2;
  if (be == "has" && v < s.end && s.LowerAt(v) == "been") ++v;
  if (v >= s.end) return false;
  std::string verb = s.LowerAt(v);
  static const std::string_view kPassive[] = {"reported", "claimed", "said", "alleged", "believed", "rumored",
                                              "rumoured", "understood", "thought", "suggested"};
  bool passive = false;
  for (std::string_view p : kPassive) passive |= p == verb;
  if (!passive) return false;
  Attribution a;
  a.span = a.verb = Span{s.tokens[k].span.start, s.tokens[v].span.end};
  out.push_back(a);
  return true;
}

}  // namespace

std::vector<Attribution> FindAttributions(std::string_view text, const Structure& structure) {
  std::vector<Attribution> out;
  const auto& verbs = Verbs();
  for (const Paragraph& p : structure.paragraphs) {
    if (p.role != ParagraphRole::kBody) continue;
    for (std::size_t si = p.first_sentence; si < p.end_sentence; ++si) {
      const Sentence& sentence = structure.sentences[si];
      Sentence3 s{text, structure.tokens, sentence.first_token, sentence.end_token};
      for (std::size_t k = s.first; k < s.end; ++k) {
        if (!s.IsWord(k)) continue;
        // A word inside the last attribution ("claimed" in "it is claimed") starts no other.
        if (!out.empty() && out.back().span.end > structure.tokens[k].span.start) continue;
        if (TryAccordingTo(s, k, out) || TryAgentless(s, k, out)) continue;
        auto it = verbs.find(s.LowerAt(k));
        if (it == verbs.end()) continue;
        std::size_t before = out.size();
        TrySubjectVerb(s, k, it->second, out);
        if (out.size() == before && !it->second.noun_ambiguous) TryVerbSubject(s, k, out);
      }
    }
  }
  // Walking back from a later verb can start before an earlier phrase; keep input order.
  std::stable_sort(out.begin(), out.end(), [](const Attribution& a, const Attribution& b) { return a.span.start < b.span.start; });
  return out;
}

}  // namespace credence::internal
