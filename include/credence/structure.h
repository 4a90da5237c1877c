// Structure: the paragraphs, sentences and tokens of an Article's headline,
// standfirst and body, all as Spans into the Document.
//
// A Structure is a plain value, made by the `text` stage.
#pragma once

#include <cstddef>
#include <vector>

#include "credence/span.h"

namespace credence {

enum class TokenKind {
  kWord,    // letters, with inner apostrophes, hyphens and periods (U.S.)
  kNumber,  // digits, with inner separators (1,000.5) and a trailing %
  kPunct,   // punctuation, one character per token
  kSymbol,  // anything else that is not white space (emoji, currency, ...)
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

struct Sentence {
  Span span;
  std::size_t first_token = 0;  // index into Structure::tokens
  std::size_t end_token = 0;    // one past the last token
};

enum class ParagraphRole { kHeadline, kStandfirst, kBody };

struct Paragraph {
  Span span;
  ParagraphRole role = ParagraphRole::kBody;
  std::size_t first_sentence = 0;  // index into Structure::sentences
  std::size_t end_sentence = 0;
};

struct Structure {
  std::vector<Paragraph> paragraphs;  // headline, standfirst, then body, in input order
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
};

}  // namespace credence
