// Paragraphs in input order, each tokenized and split into sentences.
#include "text/structure_builder.h"

#include <algorithm>
#include <utility>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace credence::internal {

Structure BuildStructure(std::string_view text, const Article& article) {
  std::vector<std::pair<Span, ParagraphRole>> blocks;
  blocks.reserve(article.body.size() + 2);
  if (article.headline) blocks.emplace_back(*article.headline, ParagraphRole::kHeadline);
  if (article.standfirst) blocks.emplace_back(*article.standfirst, ParagraphRole::kStandfirst);
  std::size_t bytes = 0;
  for (const Span& s : article.body) {
    blocks.emplace_back(s, ParagraphRole::kBody);
    bytes += s.size();
  }
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const auto& a, const auto& b) { return a.first.start < b.first.start; });

  Structure s;
  s.paragraphs.reserve(blocks.size());
  s.tokens.reserve(std::min(bytes, text.size()) / 4);  // news prose: a token per 4-5 bytes
  std::size_t done = 0;  // where the last block ended
  for (auto [span, role] : blocks) {
    // Extraction should never hand over overlapping or out-of-range blocks;
    // if it does, cut them rather than emit a token twice.
    span.end = std::min(span.end, text.size());
    span.start = std::min(std::max(span.start, done), std::max(span.end, done));
    span.end = std::max(span.end, span.start);
    done = span.end;

    Paragraph p{.span = span, .role = role};
    const std::size_t first_token = s.tokens.size();
    Tokenize(text, span, &s.tokens);
    p.first_sentence = s.sentences.size();
    SplitSentences(text, span, s.tokens, first_token, s.tokens.size(), &s.sentences);
    p.end_sentence = s.sentences.size();
    s.paragraphs.push_back(p);
  }
  return s;
}

}  // namespace credence::internal
