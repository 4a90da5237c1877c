// Tests for FindMediaAttacks: which words a media attack's span covers.
#include "cues/media_attack.h"

#include <gtest/gtest.h>

#include <string>

#include "cues/phrase_lexicon.h"
#include "text/tokenizer.h"

namespace credence::internal {
namespace {

std::vector<std::string> Attacks(const std::string& text) {
  std::vector<Token> tokens;
  Tokenize(text, Span{0, text.size()}, &tokens);
  std::vector<Span> evidence;
  FindMediaAttacks(text, tokens, NormalizeTokens(text, tokens), &evidence);
  std::vector<std::string> out;
  for (const Span& s : evidence) out.push_back(text.substr(s.start, s.size()));
  return out;
}

TEST(MediaAttack, SpansFromTheFarthestAttackWordBefore) {
  EXPECT_EQ(Attacks("Will you help expose the lies of the mainstream media?"),
            std::vector<std::string>{"expose the lies of the mainstream media"});
}

TEST(MediaAttack, MediaAsSubjectPairsWithTheAttackAfterIt) {
  EXPECT_EQ(Attacks("Critics called it a hoax, but the mainstream media is hiding the truth."),
            std::vector<std::string>{"mainstream media is hiding"});
}

TEST(MediaAttack, NeutralMentionIsNoAttack) {
  EXPECT_TRUE(Attacks("The mainstream media covered the hearing on Tuesday.").empty());
  EXPECT_TRUE(Attacks("He lied about the budget. The mainstream media reported it.").empty());
}

}  // namespace
}  // namespace credence::internal
