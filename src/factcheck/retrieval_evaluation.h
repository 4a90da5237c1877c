// Claim retrieval as CheckThat! 2020 task 2 measures it: queries (tweets or
// sentences) with the ids of the fact-checks that check them; rankings
// scored by MAP@1, MAP@5, MRR@5 and Recall@10; and the re-ranker trained on
// the train part's BM25 candidates, tuned and calibrated on dev.
//
//   Result<RetrievalQueries> q = ReadRetrievalQueries(bytes, "dev.jsonl");
//   RetrievalScores s = ScoreRankings(rankings, q->queries);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "credence/status.h"
#include "factcheck/fact_check_matcher.h"
#include "model/model_file.h"

namespace credence::internal {

struct RetrievalQuery {
  std::string id;
  std::string text;
  std::vector<std::string> relevant;  // fact-check ids; empty for a passage that none checks
};

struct RetrievalQueries {
  std::vector<RetrievalQuery> queries;
  std::vector<std::string> errors;  // "NAME: line N: reason"
};

// Reads JSON Lines {"id", "text", "relevant": [ids] (may be empty)}; a bad line is an error, skipped.
[[nodiscard]] Result<RetrievalQueries> ReadRetrievalQueries(std::string_view bytes, std::string_view name);

struct RetrievalScores {
  std::size_t queries = 0;
  double map_at_1 = 0.0;
  double map_at_5 = 0.0;
  double mrr_at_5 = 0.0;
  double recall_at_10 = 0.0;
  double recall_at_candidates = 0.0;  // relevant found among all the candidates ranked
};

// Scores `rankings` (each query's fact-check ids, best first) against the
// queries' relevant ids. AP@k divides by the number of relevant ids, as the
// task's scorer does. Queries with no relevant id are left out.
RetrievalScores ScoreRankings(const std::vector<std::vector<std::string>>& rankings,
                              const std::vector<RetrievalQuery>& queries);

// Each query's ranking of fact-check ids by `matcher` (its re-ranker, or BM25 alone).
std::vector<std::vector<std::string>> RankQueries(const FactCheckMatcher& matcher,
                                                  const std::vector<RetrievalQuery>& queries);

// What a report would show at `min_score`: for passages with a relevant
// fact-check, how many get a best match and how many of those are right;
// for passages without one (relevant empty), how many get a match anyway.
struct MatchRates {
  std::size_t matched = 0, matched_shown = 0, matched_right = 0;
  std::size_t unmatched = 0, unmatched_shown = 0;
};
MatchRates MeasureMatchRates(const FactCheckMatcher& matcher, const std::vector<RetrievalQuery>& queries, double min_score);

// Trains the re-ranker's two heads (fact_check_matcher.h) on the BM25
// candidates of `train`, choosing L2 and calibrating on those of `dev`
// (TrainModel): the order head from pairs of one query's candidates, the
// match head from the candidates themselves with those of `unmatched`
// (passages no fact-check checks: 4 in 5 for training, 1 in 5 for
// validation). Fails when a part has no relevant fact-check among its candidates.
[[nodiscard]] Result<ModelParams> TrainReranker(const FactCheckIndex& index, const std::vector<RetrievalQuery>& train,
                                                const std::vector<RetrievalQuery>& dev,
                                                const std::vector<RetrievalQuery>& unmatched, int threads);

}  // namespace credence::internal
