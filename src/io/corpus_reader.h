// Reading the labelled corpus that tools/build_corpus.py writes: JSON Lines,
// one article per line with id, dataset, domain, url, title, text and label
// ("reliable" or "unreliable"). The field list is in docs/corpus.md.
#pragma once

#include <string>
#include <vector>

#include "credence/status.h"
#include "io/jsonl_file.h"

namespace credence::internal {

struct CorpusRecord {
  std::string id;
  std::string dataset;  // e.g. "fakenewsnet_politifact"
  std::string domain;   // registered domain, or a stated stand-in
  std::string url;
  std::string title;
  std::string text;
  bool unreliable = false;
  // The label belongs to the article's site, not to the article
  // (label_level "site"; "article" or absent: false).
  bool site_label = false;
};

// The records, and one message per line that could not be read ("line 12:
// ..."); such lines are skipped, the rest of the file is still read.
using CorpusFile = JsonlRecords<CorpusRecord>;

// Reads the JSONL corpus file at `path`. Fails only when the file cannot be
// opened or read; bad lines land in CorpusFile::errors.
[[nodiscard]] Result<CorpusFile> ReadCorpusFile(const std::string& path);

}  // namespace credence::internal
