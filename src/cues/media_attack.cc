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
constexpr std::size_t kSubjectGap = 3;    // "the media (is|are|will) hiding": attack just after the media phrase
constexpr double kSelfAttackWeight = 2.0;  // media_attack.txt: a media phrase that attacks on its own

// A sentence end or a clause break (", but the media ...") separates an
// attack word from a media phrase.
bool EndsClause(std::string_view text, const Token& t) {
  std::string_view s = text.substr(t.span.start, t.span.size());
  return t.kind == TokenKind::kPunct && (s == "." || s == "!" || s == "?" || s == "," || s == ";");
}

}  // namespace

void FindMediaAttacks(std::string_view text, const std::vector<Token>& tokens,
                      const std::vector<std::string>& normalized, std::vector<Span>* evidence) {
  std::vector<PhraseMatch> matches;
  PhraseLexicon::Builtin("media_attack.txt").FindAll(normalized, tokens, 0, tokens.size(), &matches);
  std::vector<bool> used(matches.size(), false);
  for (std::size_t m = 0; m < matches.size(); ++m) {
    const PhraseMatch& media = matches[m];
    if (!(media.flags & kMediaFlag)) continue;
    if ((media.flags & kAttackFlag) || media.weight >= kSelfAttackWeight) {  // "presstitutes", "lamestream media"
      evidence->push_back(media.span);
      continue;
    }
    // The media as subject ("the mainstream media is hiding the truth") pairs
    // with the attack right after it; otherwise with the farthest attack
    // word before it in the clause ("expose the lies of the mainstream media").
    auto attack_at = [&](std::size_t k) { return (matches[k].flags & kAttackFlag) && !(matches[k].flags & kMediaFlag) && !used[k]; };
    auto clause_between = [&](std::size_t from, std::size_t to) {
      for (std::size_t t = from; t < to; ++t)
        if (EndsClause(text, tokens[t])) return true;
      return false;
    };
    std::optional<std::size_t> partner;
    if (m + 1 < matches.size() && attack_at(m + 1) && matches[m + 1].first_token - media.end_token <= kSubjectGap &&
        !clause_between(media.end_token, matches[m + 1].first_token))
      partner = m + 1;
    for (std::size_t k = m; !partner && k-- > 0;) {
      const PhraseMatch& a = matches[k];
      if (media.first_token - a.end_token > kWindowBefore || clause_between(a.end_token, media.first_token)) break;
      if (attack_at(k)) {
        std::size_t farthest = k;
        while (farthest > 0 && attack_at(farthest - 1) &&
               media.first_token - matches[farthest - 1].end_token <= kWindowBefore &&
               !clause_between(matches[farthest - 1].end_token, media.first_token))
          --farthest;
        partner = farthest;
      }
    }
    for (std::size_t k = m + 1; !partner && k < matches.size(); ++k) {
      const PhraseMatch& a = matches[k];
      if (a.first_token - media.end_token > kWindowAfter || clause_between(media.end_token, a.first_token)) break;
      if (attack_at(k)) partner = k;
    }
    if (!partner) continue;
    used[*partner] = true;
    const PhraseMatch& a = matches[*partner];
    evidence->push_back({std::min(a.span.start, media.span.start), std::max(a.span.end, media.span.end)});
  }
}

}  // namespace credence::internal
