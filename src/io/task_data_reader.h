// Reading the labelled files of the learned detectors, as
// tools/build_task_data.py writes them (docs/learned-detectors.md):
//   propaganda.jsonl  {"id", "fold", "text", "spans": [[start, end, technique], ...]}
//   claims.jsonl      {"id", "text", "label", "part"}
//   clickbait.jsonl   {"id", "text", "label", "style", "cluster", "random", "publisher"}
// Offsets are UTF-8 byte offsets into "text"; a technique is one of the
// corpus's 14 labels (TechniqueCorpusLabel).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "credence/detections.h"
#include "credence/span.h"
#include "credence/status.h"
#include "io/jsonl_file.h"

namespace credence::internal {

struct GoldTechniqueSpan {
  Span span;
  Technique technique = Technique::kLoadedLanguage;
};

struct PropagandaArticle {
  std::string id;
  int fold = 0;  // 0-4
  std::string text;
  std::vector<GoldTechniqueSpan> spans;
};

// A sentence or headline with a binary label, and the part of each split it
// belongs to ("train", "valid" or "test"), keyed by split name: "part" for
// claims; "random" and "publisher" for clickbait.
struct LabelledText {
  std::string id;
  std::string text;
  bool positive = false;
  std::map<std::string, std::string> parts;
};

template <typename Record>
using TaskFile = JsonlRecords<Record>;

// Each fails only when the file cannot be opened or read; bad lines land in
// errors.
[[nodiscard]] Result<TaskFile<PropagandaArticle>> ReadPropagandaArticles(const std::string& path);
[[nodiscard]] Result<TaskFile<LabelledText>> ReadLabelledTexts(const std::string& path,
                                                               const std::vector<std::string>& split_fields);

}  // namespace credence::internal
