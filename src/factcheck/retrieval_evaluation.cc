// Claim-retrieval metrics and the re-ranker's training.
#include "factcheck/retrieval_evaluation.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "factcheck/match_features.h"
#include "model/trainer.h"

namespace credence::internal {
namespace {

using nlohmann::json;

Result<RetrievalQuery> QueryFromJson(const json& j) {
  RetrievalQuery q;
  auto id = j.find("id");
  auto text = j.find("text");
  auto relevant = j.find("relevant");
  if (id == j.end() || !(id->is_string() || id->is_number_integer())) return Error(StatusCode::kDataError, "no \"id\"");
  q.id = id->is_string() ? id->get<std::string>() : id->dump();
  if (text == j.end() || !text->is_string() || text->get_ref<const std::string&>().empty())
    return Error(StatusCode::kDataError, "no \"text\"");
  q.text = text->get<std::string>();
  if (relevant == j.end() || !relevant->is_array())
    return Error(StatusCode::kDataError, "no \"relevant\" array of fact-check ids (empty for a passage that none checks)");
  for (const json& r : *relevant) {
    if (!r.is_string()) return Error(StatusCode::kDataError, "\"relevant\" holds a value that is not a string");
    q.relevant.push_back(r.get<std::string>());
  }
  return q;
}

// The candidates of one query: their match features and whether each is relevant.
struct QueryCandidates {
  std::vector<std::array<float, kMatchFeatureNames.size()>> features;
  std::vector<bool> relevant;
};

std::vector<QueryCandidates> Candidates(const FactCheckIndex& index, const std::vector<std::string>& ids,
                                        const std::vector<RetrievalQuery>& queries) {
  std::vector<QueryCandidates> out(queries.size());
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const MatchQuery query = PrepareMatchQuery(queries[i].text);
    const std::vector<Bm25Hit> hits = index.Search(query.terms, kRerankCandidates);
    const std::unordered_set<std::string> relevant(queries[i].relevant.begin(), queries[i].relevant.end());
    for (std::size_t r = 0; r < hits.size(); ++r) {
      out[i].features.push_back(MatchFeatures(query, index.Signature(hits[r].doc), index.HasTitle(hits[r].doc),
                                              hits[r].score, hits.front().score, r));
      out[i].relevant.push_back(relevant.count(ids[hits[r].doc]) != 0);
    }
  }
  return out;
}

// Pairwise examples (RankNet's linear case): for each relevant candidate and
// each other candidate of the same query, the difference of their features,
// once each way round. A logistic regression on them learns weights whose
// dot product orders a query's candidates; no bias is needed.
TrainingSet PairExamples(const std::vector<QueryCandidates>& queries, std::uint32_t num_buckets) {
  TrainingSet out;
  for (const QueryCandidates& q : queries)
    for (std::size_t a = 0; a < q.relevant.size(); ++a) {
      if (!q.relevant[a]) continue;
      for (std::size_t b = 0; b < q.relevant.size(); ++b) {
        if (q.relevant[b]) continue;
        for (const bool forward : {true, false}) {
          TrainingExample e;
          for (std::size_t k = 0; k < q.features[a].size(); ++k) {
            const float d = q.features[a][k] - q.features[b][k];
            if (d != 0.0f) e.entries.push_back({num_buckets + static_cast<std::uint32_t>(k), forward ? d : -d});
          }
          e.positive = forward;
          out.push_back(std::move(e));
        }
      }
    }
  return out;
}

std::vector<std::string> RecordIds(const FactCheckIndex& index) {
  std::vector<std::string> ids;
  ids.reserve(index.size());
  for (std::uint32_t d = 0; d < index.size(); ++d) {
    Result<FactCheck> r = index.Record(d);
    ids.push_back(r ? r->id : std::string());
  }
  return ids;
}

}  // namespace

Result<RetrievalQueries> ReadRetrievalQueries(std::string_view bytes, std::string_view name) {
  RetrievalQueries out;
  std::size_t number = 0;
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto fail = [&](const std::string& why) {
      out.errors.push_back(std::string(name) + ": line " + std::to_string(number) + ": " + why);
    };
    json j;
    try {
      j = json::parse(line);
    } catch (const json::exception& e) {
      fail(std::string("bad JSON: ") + e.what());
      continue;
    }
    if (!j.is_object()) {
      fail("not a JSON object");
      continue;
    }
    Result<RetrievalQuery> q = QueryFromJson(j);
    if (!q) {
      fail(q.error().message());
      continue;
    }
    out.queries.push_back(std::move(*q));
  }
  if (out.queries.empty()) return Error(StatusCode::kDataError, std::string(name) + ": no query could be read");
  return out;
}

RetrievalScores ScoreRankings(const std::vector<std::vector<std::string>>& rankings,
                              const std::vector<RetrievalQuery>& queries) {
  RetrievalScores s;
  for (std::size_t q = 0; q < queries.size(); ++q) {
    if (queries[q].relevant.empty()) continue;  // nothing to find: see MatchRates
    ++s.queries;
    const std::unordered_set<std::string> relevant(queries[q].relevant.begin(), queries[q].relevant.end());
    const std::vector<std::string>& ranked = rankings[q];
    auto average_precision = [&](std::size_t k) {
      double sum = 0.0;
      std::size_t found = 0;
      for (std::size_t i = 0; i < ranked.size() && i < k; ++i)
        if (relevant.count(ranked[i]) != 0) sum += static_cast<double>(++found) / static_cast<double>(i + 1);
      return sum / static_cast<double>(relevant.size());
    };
    auto recall = [&](std::size_t k) {
      std::size_t found = 0;
      for (std::size_t i = 0; i < ranked.size() && i < k; ++i) found += relevant.count(ranked[i]);
      return static_cast<double>(found) / static_cast<double>(relevant.size());
    };
    s.map_at_1 += average_precision(1);
    s.map_at_5 += average_precision(5);
    for (std::size_t i = 0; i < ranked.size() && i < 5; ++i)
      if (relevant.count(ranked[i]) != 0) {
        s.mrr_at_5 += 1.0 / static_cast<double>(i + 1);
        break;
      }
    s.recall_at_10 += recall(10);
    s.recall_at_candidates += recall(ranked.size());
  }
  if (s.queries == 0) return s;
  const double n = static_cast<double>(s.queries);
  s.map_at_1 /= n, s.map_at_5 /= n, s.mrr_at_5 /= n, s.recall_at_10 /= n, s.recall_at_candidates /= n;
  return s;
}

std::vector<std::vector<std::string>> RankQueries(const FactCheckMatcher& matcher,
                                                  const std::vector<RetrievalQuery>& queries) {
  const std::vector<std::string> ids = RecordIds(matcher.index());
  std::vector<std::vector<std::string>> rankings(queries.size());
  for (std::size_t i = 0; i < queries.size(); ++i)
    for (const RankedCandidate& c : matcher.Rank(queries[i].text)) rankings[i].push_back(ids[c.doc]);
  return rankings;
}

MatchRates MeasureMatchRates(const FactCheckMatcher& matcher, const std::vector<RetrievalQuery>& queries,
                             double min_score) {
  const std::vector<std::string> ids = RecordIds(matcher.index());
  MatchRates r;
  for (const RetrievalQuery& q : queries) {
    const std::vector<FactCheckMatch> best = matcher.Match(q.text, 1, min_score);
    if (q.relevant.empty()) {
      ++r.unmatched;
      r.unmatched_shown += best.empty() ? 0 : 1;
      continue;
    }
    ++r.matched;
    if (best.empty()) continue;
    ++r.matched_shown;
    if (std::find(q.relevant.begin(), q.relevant.end(), best[0].fact_check.id) != q.relevant.end()) ++r.matched_right;
  }
  return r;
}

Result<ModelParams> TrainReranker(const FactCheckIndex& index, const std::vector<RetrievalQuery>& train,
                                  const std::vector<RetrievalQuery>& dev, const std::vector<RetrievalQuery>& unmatched,
                                  int threads) {
  const std::vector<std::string> ids = RecordIds(index);
  constexpr std::uint32_t kNoBuckets = 1;  // dense features only
  const std::vector<QueryCandidates> train_candidates = Candidates(index, ids, train);
  const std::vector<QueryCandidates> dev_candidates = Candidates(index, ids, dev);
  TrainOptions options{.num_buckets = kNoBuckets,
                       .num_dense = static_cast<std::uint32_t>(kMatchFeatureNames.size()),
                       .threads = threads,
                       .l2_grid = {1e-2, 1e-3, 1e-4, 1e-5},
                       .nb_smoothing = 0.0,
                       .head_name = std::string(kOrderHead)};
  // Head 1: the order of one passage's candidates, from pairs.
  Result<TrainedModel> order = TrainModel(PairExamples(train_candidates, kNoBuckets), PairExamples(dev_candidates, kNoBuckets), options);
  if (!order) return tl::unexpected(order.error());
  // Head 2: the probability that a candidate checks the passage's claim, from
  // the candidates themselves, with news sentences that no fact-check checks
  // among them (4 in 5 to training, 1 in 5 to validation).
  std::vector<RetrievalQuery> unmatched_train, unmatched_valid;
  for (std::size_t i = 0; i < unmatched.size(); ++i) (i % 5 == 4 ? unmatched_valid : unmatched_train).push_back(unmatched[i]);
  auto pointwise = [&](const std::vector<QueryCandidates>& matched, const std::vector<RetrievalQuery>& none) {
    TrainingSet out;
    std::vector<QueryCandidates> all = matched;
    for (const QueryCandidates& q : Candidates(index, ids, none)) all.push_back(q);
    for (const QueryCandidates& q : all)
      for (std::size_t c = 0; c < q.features.size(); ++c) {
        TrainingExample e;
        for (std::size_t k = 0; k < q.features[c].size(); ++k)
          e.entries.push_back({kNoBuckets + static_cast<std::uint32_t>(k), q.features[c][k]});
        e.positive = q.relevant[c];
        out.push_back(std::move(e));
      }
    return out;
  };
  options.head_name = std::string(kMatchHead);
  Result<TrainedModel> match = TrainModel(pointwise(train_candidates, unmatched_train), pointwise(dev_candidates, unmatched_valid), options);
  if (!match) return tl::unexpected(match.error());
  const FeatureSetId id = RerankFeatureSetId();
  return ModelParams{.feature_set = id.name,
                     .dense_names = id.dense_names,
                     .num_buckets = kNoBuckets,
                     .run_id = "checkthat2020-train" + std::to_string(train.size()) + "-unmatched" + std::to_string(unmatched.size()),
                     .heads = {order->head, match->head}};
}

}  // namespace credence::internal
