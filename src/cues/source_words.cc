// The word classes are closed and short, so each is a plain array: a
// lexicon file would suggest they are meant to grow with the data.
#include "cues/source_words.h"

#include <string>

#include "text/utf8.h"

namespace credence::internal {
namespace {

template <std::size_t N>
bool In(const std::string_view (&words)[N], std::string_view w) {
  for (std::string_view x : words)
    if (x == w) return true;
  return false;
}

bool EndsWith(std::string_view w, std::string_view suffix) {
  return w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

}  // namespace

bool IsAuxiliary(std::string_view w) {
  static const std::string_view kAux[] = {
      "has",    "have",      "had",        "is",     "was",     "were",   "are",   "will",    "would",
      "be",     "being",     "been",       "also",   "reportedly", "previously", "earlier", "later", "then",
      "once",   "recently",  "just",       "further", "again",  "long",   "often", "repeatedly", "publicly",
      "privately", "already", "first",    "still",  "only",  "even",  "ever",    "always",  "never",
      "almost",    "soon"};
  return In(kAux, w);
}

bool IsLyAdverb(std::string_view w) {
  static const std::string_view kNouns[] = {"family", "assembly", "ally",  "rally", "supply",  "monopoly",
                                            "anomaly", "bully",   "belly", "jelly", "homily", "italy"};
  return w.size() > 4 && EndsWith(w, "ly") && !In(kNouns, w);
}

bool IsBeForm(std::string_view w) {
  static const std::string_view kBe[] = {"is", "are", "was", "were", "be", "been", "being"};
  return In(kBe, w);
}

bool IsClauseBoundary(std::string_view w) {
  static const std::string_view kStop[] = {"that", "which", "who", "whom", "and", "but", "when", "while", "as",
                                           "if", "because", "so", "what", "how", "where", "after", "before",
                                           "since", "than", "or", "nor", "though", "although", "whether", "why",
                                           "also", "now", "then", "yet", "once", "until", "unless"};
  return In(kStop, w);
}

bool IsDeterminerOrPossessive(std::string_view w) {
  static const std::string_view kDet[] = {"the", "a", "an", "this", "that", "these", "those", "his", "her",
                                          "its", "their", "our", "my", "your", "new", "such", "some", "any",
                                          "no", "every"};
  return In(kDet, w);
}

PronounClass SubjectPronounClass(std::string_view w) {
  if (w == "he" || w == "she") return PronounClass::kPerson;
  if (w == "it") return PronounClass::kThing;
  if (w == "they") return PronounClass::kGroup;
  return PronounClass::kNone;
}

PronounClass PossessivePronounClass(std::string_view w) {
  if (w == "his" || w == "her") return PronounClass::kPerson;
  if (w == "its") return PronounClass::kThing;
  if (w == "their") return PronounClass::kGroup;
  return PronounClass::kNone;
}

bool IsFirstOrSecondPerson(std::string_view w) {
  static const std::string_view kPersons[] = {
      "i",     "me",    "we",    "us",    "you",    "i'm",    "i've",  "i'll",  "i'd",    "we're", "we've",
      "we'll", "we'd",  "you're", "you've", "you'll", "you'd", "let's", "myself", "ourselves", "yourself"};
  return In(kPersons, w);
}

bool IsClauseWord(std::string_view word, bool sentence_initial) {
  if (word.empty()) return false;
  bool capitalised = word[0] >= 'A' && word[0] <= 'Z';
  std::string w = NormalizeForLookup(word);
  if (capitalised && (!sentence_initial || w == "may" || w == "will")) return false;
  static const std::string_view kClause[] = {
      "not",    "can",   "cannot", "could",  "will",   "would",  "shall",  "should", "may",
      "might",  "must",   "do",    "does",   "did",    "is",     "are",    "was",    "were",   "be",
      "been",   "being",  "am",    "have",   "has",    "had",    "let",    "it's",   "that's", "there's",
      "here's", "what's", "who's", "he's",   "she's",  "where's", "how's", "it'll",  "he'll",  "she'll",
      "they'll", "they're", "they've", "it'd", "he'd", "she'd", "they'd"};
  return In(kClause, w) || EndsWith(w, "n't");
}

bool IsTimeWord(std::string_view word) {
  static const std::string_view kTimes[] = {"yesterday", "today", "tonight", "week",    "weeks", "month",
                                            "months",    "year",  "years",   "day",     "days",  "morning",
                                            "afternoon", "evening", "night", "weekend", "ago"};
  static const std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  std::string w = NormalizeForLookup(word);
  bool capitalised = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
  return In(kWeekdays, w) || (!capitalised && In(kTimes, w));
}

bool IsQuantifier(std::string_view w) {
  static const std::string_view kQuantifiers[] = {"some", "many", "most",  "all",      "several",  "each",
                                                  "both", "few",  "none",  "one",      "two",      "three",
                                                  "any",  "half", "majority", "minority", "number", "dozens",
                                                  "hundreds"};
  return In(kQuantifiers, w);
}

bool IsPreposition(std::string_view w) {
  static const std::string_view kPrepositions[] = {
      "of",   "for",  "to",      "between", "with",    "about",  "on",   "in",     "at",   "by",
      "from", "into", "without", "against", "over",    "under",  "through", "toward", "towards",
      "during", "upon", "among", "via",     "out",     "like",    "than",   "despite"};
  return In(kPrepositions, w);
}

}  // namespace credence::internal
