// Paragraphs in input order, each tokenized and split into sentences.
#include "text/structure_builder.h"

#include <algorithm>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace credence::internal {

Structure BuildStructure(std::string_view text, const Article& article) {
  std::vector<std::pair<Span, ParagraphRole>> blocks;
  if (article.headline) blocks.emplace_back(*article.headline, ParagraphRole::kHeadline);
  if (article.standfirst) blocks.emplace_back(*article.standfirst, ParagraphRole::kStandfirst);
  for (const Span& s : article.body) blocks.emplace_back(s, ParagraphRole::kBody);
  std::sort(blocks.begin(), blocks.end(), [](const auto& a, const auto& b) { return a.first.start < b.first.start; });

  Structure s;
  s.paragraphs.reserve(blocks.size());
  for (const auto& [span, role] : blocks) {
    Paragraph p;
    p.span = span;
    p.role = role;
    std::size_t first_token = s.tokens.size();
    Tokenize(text, span, &s.tokens);
    p.first_sentence = s.sentences.size();
    SplitSentences(text, s.tokens, first_token, s.tokens.size(), &s.sentences);
    p.end_sentence = s.sentences.size();
    s.paragraphs.push_back(p);
  }
  return s;
}

}  // namespace credence::internal
