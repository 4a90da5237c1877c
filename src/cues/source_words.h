// Closed word classes that delimit and check the source phrase of an
// attribution: auxiliaries, clause boundaries, pronouns, and the words that
// show a phrase is a clause rather than a subject ("to", "can't", "it's").
// Every function but IsClauseWord takes a word as NormalizeForLookup gives
// it: lower case, curly apostrophes folded to '.
#pragma once

#include <string_view>

namespace credence::internal {

// Auxiliaries and adverbs that may stand between a source and its verb
// ("has", "was", "reportedly", "also").
bool IsAuxiliary(std::string_view w);

// An adverb in -ly written in lower case ("correctly", "wryly"): between a
// source and its verb it belongs to the verb ("Trump correctly noted").
// Nouns in -ly ("family", "assembly") are not adverbs.
bool IsLyAdverb(std::string_view w);

// A form of "be": among a verb's auxiliaries it makes the verb passive
// ("was told", "is said") unless the verb is an -ing form ("is reporting").
bool IsBeForm(std::string_view w);

// Words that end a source phrase when walking back from the verb ("that",
// "and", "when").
bool IsClauseBoundary(std::string_view w);

// Determiners and possessive determiners ("the", "his"): a phrase ending in
// one is no subject.
bool IsDeterminerOrPossessive(std::string_view w);

// What a third-person pronoun refers back to.
enum class PronounClass {
  kNone,
  kPerson,  // he, she; his, her
  kThing,   // it; its: an organisation, an outlet
  kGroup,   // they; their: anyone
};

// Returns the class of a third-person subject pronoun ("he"), or kNone.
PronounClass SubjectPronounClass(std::string_view w);

// Returns the class of a possessive determiner ("his"), or kNone.
PronounClass PossessivePronounClass(std::string_view w);

// A first- or second-person pronoun, alone or contracted ("me", "us",
// "you", "I'm", "we've", "let's"): the speaker or the reader, no source.
bool IsFirstOrSecondPerson(std::string_view w);

// A word that cannot stand inside a subject noun phrase, so that words
// before a verb holding one are a clause ("the government will likely
// argue", "ouster was first revealed", "can't say", "it's worth
// mentioning"): "not", modals, forms of be, have and do, contractions
// with n't, a pronoun contracted with is ("it's", "there's"). `word` is as
// written: a capitalised word counts only at the start of a sentence, and
// never "May" or "Will", which are names there too ("Did Congress add",
// but "Theresa May said", "Will Smith said").
bool IsClauseWord(std::string_view word, bool sentence_initial);

// A preposition: a phrase ending in one is no subject ("options for
// concluding", "his failure to disclose"). "to" inside a phrase is a
// preposition ("a source close to the talks"), so it is no clause word.
bool IsPreposition(std::string_view w);

// A word of time as written: a weekday, or "yesterday", "week" in lower
// case ("Today" may be the show). A phrase ending in one is a time, not a
// source (", announced last week", ", said Monday").
bool IsTimeWord(std::string_view word);

// A quantifier ("some", "two", "most"): in "several of these studies" its
// "of" leads to the phrase's head instead of ending it.
bool IsQuantifier(std::string_view w);

}  // namespace credence::internal
