// Pairs each media phrase with the farthest attack word before it (so the
// span reads "expose the lies of the mainstream media") within a small
// window that does not cross a sentence end, else with the nearest after it.
#include "cues/media_attack.h"

#include <optional>

#include "cues/phrase_lexicon.h"

namespace credence::internal {
namespace {

constexpr std::size_t kWindowBefore = 8;  // tokens between an attack word and the media phrase
constexpr std::size_t kWindowAfter = 6;
constexpr double kSelfAttackWeight = 2.0;  // media_attack.txt: a media phrase that attacks on its own

bool EndsSentence(std::string_view text, const Token& t) {
  std::string_view s = text.substr(t.span.start, t.span.size());
  return t.kind == TokenKind::kPunct && (s == "." || s == "!" || s == "?");
}

}  // namespace

void FindMediaAttacks(std::string_view text, const std::vector<Token>& tokens, std::vector<Span>* evidence) {
  std::vector<PhraseMatch> matches;
  PhraseLexicon::Builtin("media_attack.txt").FindAll(text, tokens, 0, tokens.size(), &matches);
  std::vector<bool> used(matches.size(), false);
  for (std::size_t m = 0; m < matches.size(); ++m) {
    const PhraseMatch& media = matches[m];
    if (!(media.flags & kMediaFlag)) continue;
    if ((media.flags & kAttackFlag) || media.weight >= kSelfAttackWeight) {  // "presstitutes", "lamestream media"
      evidence->push_back(media.span);
      continue;
    }
    std::optional<std::size_t> partner;
    for (std::size_t k = m; k-- > 0;) {
      const PhraseMatch& a = matches[k];
      if (media.first_token - a.end_token > kWindowBefore) break;
      bool crosses = false;
      for (std::size_t t = a.end_token; t < media.first_token && !crosses; ++t) crosses = EndsSentence(text, tokens[t]);
      if (crosses) break;
      if ((a.flags & kAttackFlag) && !(a.flags & kMediaFlag) && !used[k]) partner = k;  // keep the farthest
    }
    if (!partner) {
      for (std::size_t k = m + 1; k < matches.size(); ++k) {
        const PhraseMatch& a = matches[k];
        if (a.first_token - media.end_token > kWindowAfter) break;
        bool crosses = false;
        for (std::size_t t = media.end_token; t < a.first_token && !crosses; ++t) crosses = EndsSentence(text, tokens[t]);
        if (crosses) break;
        if ((a.flags & kAttackFlag) && !(a.flags & kMediaFlag) && !used[k]) {
          partner = k;
          break;
        }
      }
    }
    if (!partner) continue;
    used[*partner] = true;
    const PhraseMatch& a = matches[*partner];
    evidence->push_back({std::min(a.span.start, media.span.start), std::max(a.span.end, media.span.end)});
  }
}

}  // namespace credence::internal
