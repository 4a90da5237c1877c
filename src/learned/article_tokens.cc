// Building ArticleTokens: evidence spans and quotes are mapped onto tokens by
// binary search over the token starts, so the cost is linear in the article
// plus the evidence.
#include "learned/article_tokens.h"

#include <algorithm>

#include "model/features.h"

namespace credence::internal {
namespace {

std::uint16_t FlagOfCue(CueId id) {
  switch (id) {
    case CueId::kHedging: return kHedgingEvidence;
    case CueId::kLoadedLanguage: return kLoadedEvidence;
    case CueId::kEmotionalTone: return kEmotionalEvidence;
    case CueId::kMediaAttack: return kMediaAttackEvidence;
    case CueId::kShouting: return kShoutingEvidence;
    case CueId::kAnonymousSourcing: return kAnonymousEvidence;
    case CueId::kQuestionableSource: return kQuestionableEvidence;
    case CueId::kAppealForMoney: return kAppealEvidence;
    default: return 0;
  }
}

// Sets `flag` on every token that overlaps `span`.
void MarkSpan(const std::vector<Token>& tokens, Span span, std::uint16_t flag, std::vector<std::uint16_t>* flags) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), span.start,
                             [](const Token& t, std::size_t start) { return t.span.end <= start; });
  for (; it != tokens.end() && it->span.start < span.end; ++it) (*flags)[static_cast<std::size_t>(it - tokens.begin())] |= flag;
}

}  // namespace

ArticleTokens ReadArticleTokens(std::string_view text, const Report& report, const std::vector<std::string>& normalized) {
  const Structure& st = report.structure;
  ArticleTokens a;
  a.text = text;
  a.structure = &st;
  a.normalized = &normalized;
  a.hashes = HashTokens(text, st.tokens, &normalized);
  a.sentence_of.assign(st.tokens.size(), 0);
  for (std::size_t s = 0; s < st.sentences.size(); ++s)
    for (std::size_t t = st.sentences[s].first_token; t < st.sentences[s].end_token && t < st.tokens.size(); ++t)
      a.sentence_of[t] = static_cast<std::uint32_t>(s);

  a.flags.assign(st.tokens.size(), 0);
  for (const Paragraph& p : st.paragraphs)
    if (p.role == ParagraphRole::kHeadline) MarkSpan(st.tokens, p.span, kInHeadline, &a.flags);
  for (const Quote& q : report.quotes) MarkSpan(st.tokens, q.inner, kInQuote, &a.flags);
  for (const Cue& c : report.cues)
    if (const std::uint16_t flag = FlagOfCue(c.id); flag != 0)
      for (const Span& e : c.evidence) MarkSpan(st.tokens, e, flag, &a.flags);

  // Token indices ordered by hash: each run of equal hashes is one word,
  // whose count every token of the run gets.
  std::vector<std::uint32_t> order(a.hashes.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return a.hashes[x] < a.hashes[y]; });
  a.repeats.resize(a.hashes.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && a.hashes[order[j]] == a.hashes[order[i]]) ++j;
    for (std::size_t k = i; k < j; ++k) a.repeats[order[k]] = static_cast<std::uint32_t>(j - i);
    i = j;
  }
  return a;
}

}  // namespace credence::internal
