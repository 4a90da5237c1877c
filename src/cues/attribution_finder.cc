// Attribution patterns, tried at every reporting verb of a body sentence:
//   SOURCE [aux] VERB          "Sputnik has reported", "The source said"
//   according to SOURCE        "According to the source,"
//   , VERB SOURCE              "“...,” said Jane Doe."
//   it is VERB that / reportedly  agentless: kUnattributed, no source
// The source phrase is found by walking back (or forward) over words up to
// a clause boundary, which keeps the rules general and fast. What the walk
// finds must be a subject, not a clause: a phrase holding "to", a modal, a
// form of be or do, a first- or second-person pronoun, or ending in a
// preposition or determiner is no source ("let me say", "can't say",
// "options for concluding"); a passive verb's subject is what was said or
// who was told ("Trump was declared", "consumers are being told"); and
// "will argue" reports nothing said yet.
// A source never reaches into an earlier attribution of its sentence, and
// a pronoun after one with only words between ("The ministry said it would
// respond") is that speaker's reported words, not a second attribution.
// A pronoun source ("he said", "his data") takes the kind of the nearest
// earlier source of the same or the previous sentence that it can refer to
// (he/his: a person, named or not; it/its: an institution or outlet;
// they/their: any), or the pronoun's own default when there is none.
#include "cues/attribution_finder.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "cues/phrase_lexicon.h"
#include "cues/source_classifier.h"
#include "cues/source_words.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

constexpr std::size_t kMaxSourceTokens = 10;

struct VerbInfo {
  bool noun_ambiguous = false;  // "reports", "claims": also nouns
  bool addressee = false;       // "told": the words after it are the one told
  bool aspect = false;          // "continues": no report before "to" or an -ing word
};

// data/reporting_verbs.txt, through the shared lexicon loader, with its
// flags noun, addressee and aspect.
const std::unordered_map<std::string, VerbInfo>& Verbs() {
  static const auto* verbs = [] {
    auto* map = new std::unordered_map<std::string, VerbInfo>();
    const PhraseLexicon& lexicon = PhraseLexicon::Builtin("reporting_verbs.txt");
    for (std::size_t e = 0; e < lexicon.size(); ++e) {
      const std::string& form = lexicon.phrase(e);
      if (form.find(' ') != std::string::npos) continue;  // "according to" is a pattern of its own
      uint32_t flags = lexicon.flags(e);
      (*map)[ToLower(form)] = VerbInfo{(flags & kNounFlag) != 0, (flags & kAddresseeFlag) != 0, (flags & kAspectFlag) != 0};
    }
    return map;
  }();
  return *verbs;
}

bool StartsUpper(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// One sentence's tokens [first, end); a source may not start before `floor`,
// the first token after the sentence's latest attribution.
struct Sentence3 {
  std::string_view text;
  const std::vector<Token>& tokens;
  std::size_t first, end;
  std::size_t floor;
  std::string_view At(std::size_t i) const { return text.substr(tokens[i].span.start, tokens[i].span.size()); }
  std::string LowerAt(std::size_t i) const { return NormalizeForLookup(At(i)); }
  bool IsWord(std::size_t i) const { return tokens[i].kind == TokenKind::kWord; }
  bool IsPunctAt(std::size_t i, char c) const {
    return tokens[i].kind == TokenKind::kPunct && text[tokens[i].span.start] == c;
  }
  bool IsQuoteAt(std::size_t i) const {
    std::string_view t = At(i);
    return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D";
  }
};

// An attribution with what the finder needs to resolve a pronoun source.
struct Found {
  Attribution attribution;
  PronounClass refers_back = PronounClass::kNone;
};

// Returns whether words [first, end) can be a subject: no clause word, no
// first- or second-person pronoun, no preposition, determiner or word of
// time at the end ("last week").
bool IsSubjectPhrase(const Sentence3& s, std::size_t first, std::size_t end) {
  for (std::size_t i = first; i < end; ++i)
    if (IsFirstOrSecondPerson(s.LowerAt(i)) || IsClauseWord(s.At(i), i == s.first)) return false;
  std::string last = s.LowerAt(end - 1);
  return !IsDeterminerOrPossessive(last) && !IsPreposition(last) && !IsTimeWord(s.At(end - 1));
}

// A third-person pronoun, alone or with what may follow it ("he himself",
// "he wryly"): the walk back stops at a pronoun, so it comes first.
bool IsPronounSubject(const Sentence3& s, std::size_t first) {
  return SubjectPronounClass(s.LowerAt(first)) != PronounClass::kNone;
}

// "continues to grow", "continued working": aspect, not a report.
bool IsAspectUse(const Sentence3& s, std::size_t v, const VerbInfo& info) {
  return info.aspect && v + 1 < s.end && s.IsWord(v + 1) &&
         (s.LowerAt(v + 1) == "to" || s.LowerAt(v + 1).ends_with("ing"));
}

Found Make(const Sentence3& s, std::size_t src_first, std::size_t src_end, Span verb, Span whole) {
  Found f;
  f.attribution.span = whole;
  f.attribution.verb = verb;
  f.attribution.source = Span{s.tokens[src_first].span.start, s.tokens[src_end - 1].span.end};
  SourceClass c = ClassifySource(s.text, s.tokens, src_first, src_end, src_first == s.first);
  f.attribution.kind = c.kind;
  f.attribution.outlet = c.outlet;
  f.refers_back = c.refers_back;
  return f;
}

// Walks back from `v` over auxiliaries, then over the source phrase.
void TrySubjectVerb(const Sentence3& s, std::size_t v, const VerbInfo& info, std::vector<Found>& out) {
  if (IsAspectUse(s, v, info)) return;
  std::size_t verb_first = v;
  while (verb_first > s.floor && s.IsWord(verb_first - 1) &&
         (IsAuxiliary(s.LowerAt(verb_first - 1)) ||
          (IsLyAdverb(s.LowerAt(verb_first - 1)) && !StartsUpper(s.At(verb_first - 1)))))
    --verb_first;
  bool passive = false, future = false;
  for (std::size_t i = verb_first; i < v; ++i) {
    passive |= IsBeForm(s.LowerAt(i));
    future |= s.LowerAt(i) == "will";
  }
  // "The government will argue": nothing has been said yet.
  if (future || (passive && !s.LowerAt(v).ends_with("ing"))) return;
  std::size_t src_end = verb_first;
  std::size_t src_first = src_end;
  while (src_first > s.floor && src_end - src_first < kMaxSourceTokens && s.IsWord(src_first - 1) &&
         !IsClauseBoundary(s.LowerAt(src_first - 1))) {
    --src_first;
    // A pronoun is a whole subject: "in a press conference he said" is his.
    if (SubjectPronounClass(s.LowerAt(src_first)) != PronounClass::kNone) break;
  }
  if (src_first == src_end || !IsSubjectPhrase(s, src_first, src_end)) return;
  if (info.noun_ambiguous) {
    // "Sputnik reports," is a verb; "police reports show" is a noun.
    bool verb_like_next = v + 1 >= s.end || s.IsPunctAt(v + 1, ',') || s.IsPunctAt(v + 1, ':') ||
                          s.IsQuoteAt(v + 1) || s.LowerAt(v + 1) == "that";
    if (!verb_like_next) return;
  }
  // "X said (on Monday) (that) it would respond": with only words between,
  // the pronoun is X again, inside X's own words.
  if (s.floor > s.first && IsPronounSubject(s, src_first)) {
    bool only_words = true;
    for (std::size_t i = s.floor; i < src_first; ++i) only_words &= s.IsWord(i);
    if (only_words) return;
  }
  Span verb{s.tokens[verb_first].span.start, s.tokens[v].span.end};
  Span whole{s.tokens[src_first].span.start, s.tokens[v].span.end};
  out.push_back(Make(s, src_first, src_end, verb, whole));
}

// ", said Jane Doe" after a quotation or a comma.
bool TryVerbSubject(const Sentence3& s, std::size_t v, const VerbInfo& info, std::vector<Found>& out) {
  if (info.addressee || v == s.first || !(s.IsPunctAt(v - 1, ',') || s.IsQuoteAt(v - 1))) return false;
  std::size_t src_first = v + 1;
  std::size_t src_end = src_first;
  while (src_end < s.end && src_end - src_first < kMaxSourceTokens && s.IsWord(src_end) &&
         !IsClauseBoundary(s.LowerAt(src_end)))
    ++src_end;
  if (src_end == src_first || !IsSubjectPhrase(s, src_first, src_end)) return false;
  // An inverted subject ends its clause ("said Jane Doe." or ", who"), or
  // runs on to a second name ("write Doe and Roe"); ", warned the governor
  // that ..." names the one warned.
  if (src_end < s.end && s.IsWord(src_end)) {
    std::string next = s.LowerAt(src_end);
    bool second_name = next == "and" && src_end + 1 < s.end && StartsUpper(s.At(src_end + 1));
    if (next != "who" && next != "which" && !second_name) return false;
  }
  // "said he", but not "said the minister he would": a pronoun after the
  // first word starts a clause, the verb's object.
  for (std::size_t i = src_first + 1; i < src_end; ++i)
    if (SubjectPronounClass(s.LowerAt(i)) != PronounClass::kNone) return false;
  Span verb = s.tokens[v].span;
  Span whole{verb.start, s.tokens[src_end - 1].span.end};
  out.push_back(Make(s, src_first, src_end, verb, whole));
  return true;
}

// "according to X": X runs to the next punctuation mark.
bool TryAccordingTo(const Sentence3& s, std::size_t k, std::vector<Found>& out) {
  if (k + 2 >= s.end || s.LowerAt(k) != "according" || s.LowerAt(k + 1) != "to") return false;
  std::size_t src_first = k + 2;
  std::size_t src_end = src_first;
  while (src_end < s.end && src_end - src_first < kMaxSourceTokens + 2 && s.IsWord(src_end) &&
         !IsClauseBoundary(s.LowerAt(src_end)))
    ++src_end;
  if (src_end == src_first) return false;
  for (std::size_t i = src_first; i < src_end; ++i)
    if (IsFirstOrSecondPerson(s.LowerAt(i))) return true;  // "according to me": the writer, no source
  Span verb{s.tokens[k].span.start, s.tokens[k + 1].span.end};
  Span whole{verb.start, s.tokens[src_end - 1].span.end};
  out.push_back(Make(s, src_first, src_end, verb, whole));
  return true;
}

// "it is claimed that", "it was reported", "reportedly": no source at all.
bool TryAgentless(const Sentence3& s, std::size_t k, std::vector<Found>& out) {
  std::string w = s.LowerAt(k);
  if (w == "reportedly" || w == "allegedly" || w == "purportedly") {
    Found f;
    f.attribution.span = f.attribution.verb = s.tokens[k].span;
    out.push_back(f);
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
  Found f;
  f.attribution.span = f.attribution.verb = Span{s.tokens[k].span.start, s.tokens[v].span.end};
  out.push_back(f);
  return true;
}

// Whether a pronoun of class `c` can refer to a source of kind `kind`.
bool CanReferTo(PronounClass c, SourceKind kind) {
  switch (c) {
    case PronounClass::kPerson: return kind == SourceKind::kNamedPerson || kind == SourceKind::kAnonymous;
    case PronounClass::kThing:
      return kind == SourceKind::kInstitution || kind == SourceKind::kMediaOutlet ||
             kind == SourceKind::kStateAffiliatedOutlet;
    case PronounClass::kGroup: return kind != SourceKind::kUnattributed;
    case PronounClass::kNone: return false;
  }
  return false;
}

// Gives each pronoun source of `found` (in input order, `sentence_of` each
// one's sentence) the kind and outlet of its antecedent, if it has one.
void ResolvePronounSources(std::vector<Found>& found, const std::vector<std::size_t>& sentence_of) {
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (found[i].refers_back == PronounClass::kNone) continue;
    for (std::size_t j = i; j-- > 0 && sentence_of[j] + 1 >= sentence_of[i];) {
      const Attribution& earlier = found[j].attribution;
      if (!earlier.source || !CanReferTo(found[i].refers_back, earlier.kind)) continue;
      found[i].attribution.kind = earlier.kind;
      found[i].attribution.outlet = earlier.outlet;
      break;
    }
  }
}

}  // namespace

std::vector<Attribution> FindAttributions(std::string_view text, const Structure& structure) {
  std::vector<Found> found;
  std::vector<std::size_t> sentence_of;
  const auto& verbs = Verbs();
  for (const Paragraph& p : structure.paragraphs) {
    if (p.role != ParagraphRole::kBody) continue;
    for (std::size_t si = p.first_sentence; si < p.end_sentence; ++si) {
      const Sentence& sentence = structure.sentences[si];
      Sentence3 s{text, structure.tokens, sentence.first_token, sentence.end_token, sentence.first_token};
      std::vector<Found> in_sentence;
      std::size_t last_end = 0;  // byte end of the sentence's latest attribution
      for (std::size_t k = s.first; k < s.end; ++k) {
        if (!s.IsWord(k)) continue;
        // A word inside the last attribution ("claimed" in "it is claimed") starts no other.
        if (last_end > structure.tokens[k].span.start) continue;
        std::size_t before = in_sentence.size();
        if (!TryAccordingTo(s, k, in_sentence) && !TryAgentless(s, k, in_sentence)) {
          auto it = verbs.find(s.LowerAt(k));
          if (it == verbs.end()) continue;
          TrySubjectVerb(s, k, it->second, in_sentence);
          if (in_sentence.size() == before && !it->second.noun_ambiguous) TryVerbSubject(s, k, it->second, in_sentence);
        }
        if (in_sentence.size() == before) continue;
        last_end = std::max(last_end, in_sentence.back().attribution.span.end);
        while (s.floor < s.end && structure.tokens[s.floor].span.start < last_end) ++s.floor;
      }
      // Walking back from a later verb can start before an earlier phrase; keep input order.
      std::stable_sort(in_sentence.begin(), in_sentence.end(), [](const Found& a, const Found& b) {
        return a.attribution.span.start < b.attribution.span.start;
      });
      for (Found& f : in_sentence) {
        found.push_back(std::move(f));
        sentence_of.push_back(si);
      }
    }
  }
  ResolvePronounSources(found, sentence_of);
  std::vector<Attribution> out;
  out.reserve(found.size());
  for (Found& f : found) out.push_back(std::move(f.attribution));
  return out;
}

}  // namespace credence::internal
