// Reading a fact-check collection: credence's JSON Lines format (one
// record a line: claim, verdict, rating_scale, falsity, publisher, date, url,
// language, speaker, title, id, source) or schema.org ClaimReview as
// fact-checkers publish it (JSON-LD: one object, an array, an @graph, a
// DataFeed or ItemList of them, or one ClaimReview a line). Bad records are
// reported and skipped, never the whole file. Format: docs/fact-checks.md.
//
//   Result<FactCheckCollection> c = ReadFactCheckCollection(bytes, "mine.jsonl");
//   for (const std::string& e : c->errors) std::cerr << e << "\n";
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "credence/fact_checks.h"
#include "credence/status.h"

namespace credence::internal {

// Longest claim kept, in bytes: a longer one is a record error (a claim is
// one statement; 4,000 bytes is ~15 times the longest in LIAR), not cut.
inline constexpr std::size_t kMaxClaimBytes = 4000;

struct FactCheckCollection {
  std::vector<FactCheck> records;
  std::vector<std::string> errors;  // "NAME: line N: reason" or "NAME: record N: reason"
};

// Reads the collection in `bytes`, naming it `name` in errors, ids ("NAME:N"
// when a record has neither id nor url) and provenance. Fails with
// kEmptyInput for empty input and kDataError when no line or document is
// JSON at all; otherwise returns what it could read and one error per
// record skipped.
[[nodiscard]] Result<FactCheckCollection> ReadFactCheckCollection(std::string_view bytes, std::string_view name);

// How false a verdict's words say the claim is (0 true .. 1 false), from the
// words fact-checkers use ("Pants on Fire", "Mostly False", "Mixture",
// "Misleading", "Correct", ...); nullopt for words it does not know.
std::optional<double> FalsityOfVerdictWords(std::string_view verdict);

}  // namespace credence::internal
