// BuildStructure: the paragraphs, sentences and tokens of an Article's
// headline, standfirst and body blocks.
//
//   Structure s = BuildStructure(doc.text(), article);
//   for (const Paragraph& p : s.paragraphs) ...
//
// Thread-safe; linear in the length of the blocks.
#pragma once

#include <string_view>

#include "credence/article.h"
#include "credence/structure.h"

namespace credence::internal {

// Returns the Structure of `article` over `text` (the Document's working
// copy): one Paragraph per headline, standfirst and body block, ordered by
// start offset (ties keep headline, standfirst, body order), each tokenized
// and split into sentences. A block that overlaps the one before it starts
// where that one ends, and spans are cut to `text`, so tokens never overlap
// and always increase. A block with no tokens is a Paragraph with no
// sentences. The given title (Article::given_title) has no span: it is not
// a Paragraph.
Structure BuildStructure(std::string_view text, const Article& article);

}  // namespace credence::internal
