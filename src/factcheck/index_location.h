// Where the fact-check index and the re-ranker are found when no path is
// given: $CREDENCE_FACTCHECKS, else the user's index (written by
// `credence factchecks add`), else the built-in index beside the binary
// (built from data/factchecks.jsonl.gz with it).
#pragma once

#include <string>

namespace credence::internal {

inline constexpr const char* kBuiltInIndexName = "factchecks.idx";
inline constexpr const char* kRerankerName = "credence-factcheck-reranker.bin";

// $XDG_DATA_HOME/credence/factchecks.idx, or ~/.local/share/credence/factchecks.idx; "" without a home.
std::string UserIndexPath();

// The index to use: `given` when not empty, else $CREDENCE_FACTCHECKS, else
// the user's index if it exists, else the built-in one ("" when none is found).
std::string FindFactCheckIndex(const std::string& given);

// The built-in index: beside the binary, in ../share/credence, or in the
// build tree it was built in ("" when none is there).
std::string BuiltInIndexPath();

// The shipped re-ranker model ("" when missing).
std::string ShippedRerankerPath();

}  // namespace credence::internal
