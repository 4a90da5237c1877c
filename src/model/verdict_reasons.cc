// Turns the model's largest contributions into reasons in plain words,
// grouping those that say the same thing (see verdict_reasons.h).
#include "model/verdict_reasons.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>

#include "credence/cue.h"
#include "model/features.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

constexpr std::size_t kMaxSpansPerReason = 20;
constexpr std::size_t kMaxQuotedPassages = 3;
constexpr std::size_t kMaxQuoteBytes = 48;

// What a dense feature means, in words, and the theme it shares with others
// (a cue and the attributions it counts say the same thing).
struct DenseMeaning {
  std::string_view name;
  std::string_view theme;  // features of one theme become one reason; "" = its own
  std::string_view words;
};

constexpr DenseMeaning kDenseMeanings[] = {
    {"cue:anonymous_sourcing", "unnamed", "Rests claims on unnamed or undisclosed sources"},
    {"attributions:anonymous", "unnamed", "Attributes statements to unnamed sources"},
    {"attributions:unattributed", "unnamed", "Reports claims without saying who makes them"},
    {"cue:questionable_source", "state", "Cites state-affiliated or questionable outlets as sources"},
    {"attributions:state_affiliated_outlet", "state", "Attributes statements to state-affiliated outlets"},
    {"cue:hedging", "", "Hedges: speculative wording where a fact would be stated"},
    {"cue:loaded_language", "", "Uses loaded, inflammatory or pejorative words"},
    {"cue:emotional_tone", "", "Uses strongly emotional wording"},
    {"cue:clickbait_headline", "", "Its headline is written to lure clicks rather than inform"},
    {"cue:spelling_errors", "", "Has misspelled words, a sign of little editing"},
    {"cue:appeal_for_money", "", "Asks readers for money"},
    {"cue:media_attack", "", "Attacks the mainstream media"},
    {"cue:shouting", "", "Shouts: words in capitals, runs of exclamation marks"},
    {"cue:missing_byline_or_date", "", "Gives no byline or no date"},
    {"cue:propaganda_techniques", "", "Has passages a trained detector finds to use propaganda techniques"},
    {"attributions:named_person", "", "Attributes statements to named people"},
    {"attributions:institution", "", "Attributes statements to institutions"},
    {"attributions:media_outlet", "", "Attributes statements to news outlets"},
    {"quotes_per_100_words", "", "Quotes people directly"},
    {"log_word_count", "", "Its length"},
};

const DenseMeaning* MeaningOf(std::string_view name) {
  for (const DenseMeaning& m : kDenseMeanings)
    if (m.name == name) return &m;
  return nullptr;
}

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// The passage as a reader sees it: white space collapsed, cut at a code
// point boundary with an ellipsis when long.
std::string Quoted(std::string_view passage) {
  std::string s;
  bool space = false;
  for (std::size_t i = 0; i < passage.size();) {
    const CodePoint cp = DecodeAt(passage, i);
    if (IsSpace(cp.value)) {
      space = !s.empty();
    } else {
      if (s.size() >= kMaxQuoteBytes) {
        s += "\u2026";
        break;
      }
      if (space) s += ' ';
      space = false;
      s.append(passage.substr(i, cp.length));
    }
    i += cp.length;
  }
  return "\u201c" + s + "\u201d";
}

bool HasLetterOrDigit(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = DecodeAt(s, i);
    if (IsLetter(cp.value) || IsDigit(cp.value)) return true;
    i += cp.length;
  }
  return false;
}

// Sorts and joins overlapping spans.
std::vector<Span> MergedSpans(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (!merged.empty() && s.start < merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
    else merged.push_back(s);
  }
  return merged;
}

// An n-gram as the model counts it, for a reader: a masked name reads
// "[a name]", so that "“[a name] ez-zor” (5 times)" says what was counted.
std::string ShownNgram(const std::string& name) {
  std::string shown;
  for (std::size_t pos = 0; pos < name.size();) {
    const std::size_t mask = name.find(kNamePlaceholder, pos);
    shown.append(name, pos, mask == std::string::npos ? std::string::npos : mask - pos);
    if (mask == std::string::npos) break;
    shown += "[a name]";
    pos = mask + kNamePlaceholder.size();
  }
  return Quoted(shown);
}

// "“loyal to”, “according to” (2 times) and 1 more": the largest first.
std::string QuotedNgrams(const std::vector<const FeatureContribution*>& members) {
  std::string out;
  for (std::size_t i = 0; i < members.size() && i < kMaxQuotedPassages; ++i) {
    if (i > 0) out += ", ";
    out += ShownNgram(members[i]->name);
    if (members[i]->spans.size() > 1) out += " (" + std::to_string(members[i]->spans.size()) + " times)";
  }
  if (members.size() > kMaxQuotedPassages) out += " and " + std::to_string(members.size() - kMaxQuotedPassages) + " more";
  return out;
}

const Cue* FindCue(const Report& report, std::string_view feature_name) {
  for (const Cue& c : report.cues)
    if (feature_name == "cue:" + std::string(GetCueInfo(c.id).name)) return &c;
  return nullptr;
}

// The words of a reason made of dense features (a cue, attribution counts,
// quotes, length), led by the one that moved the score most.
std::string DenseReasonText(const std::vector<const FeatureContribution*>& members, const Report& report) {
  const FeatureContribution& lead = *members.front();
  // A cue, when one is among them, says it best and carries the detail.
  const FeatureContribution* cue_member = nullptr;
  for (const FeatureContribution* f : members)
    if (f->name.starts_with("cue:")) cue_member = f;
  const FeatureContribution& speaker = cue_member ? *cue_member : lead;
  const DenseMeaning* meaning = MeaningOf(speaker.name);
  std::string text = meaning ? std::string(meaning->words) : speaker.name;
  if (const Cue* cue = cue_member ? FindCue(report, cue_member->name) : nullptr; cue && !cue->detail.empty())
    return text + " (" + cue->detail + ")";
  if (speaker.name.starts_with("attributions:")) {
    const std::size_t n = static_cast<std::size_t>(std::count_if(
        report.attributions.begin(), report.attributions.end(),
        [&](const Attribution& a) { return speaker.name == "attributions:" + std::string(SourceKindName(a.kind)); }));
    return text + " (" + std::to_string(n) + (n == 1 ? " attribution)" : " attributions)");
  }
  if (speaker.name == "quotes_per_100_words") {
    const std::size_t n = report.quotes.size();
    return text + " (" + std::to_string(n) + (n == 1 ? " quote)" : " quotes)");
  }
  if (IsAdjustmentFeature(speaker.name)) {
    const double words = std::expm1(speaker.value * 10.0);
    return text + ", " + std::to_string(static_cast<long long>(std::llround(words))) +
           " words: the model allows for length, which is no sign of credibility either way";
  }
  return text;
}

std::string WordReasonText(const std::vector<const FeatureContribution*>& members, double contribution) {
  bool punctuation_only = true;
  for (const FeatureContribution* f : members) {
    std::string name = f->name;
    for (std::size_t mask; (mask = name.find(kNamePlaceholder)) != std::string::npos;)
      name.replace(mask, kNamePlaceholder.size(), "N");
    if (HasLetterOrDigit(name)) punctuation_only = false;
  }
  std::string what = punctuation_only ? "Punctuation" : "Wording";
  if (members.front()->kind == FeatureKind::kHeadline) what = punctuation_only ? "Headline punctuation" : "Headline wording";
  return what + " more common in the " + (contribution > 0 ? "unreliable" : "reliable") +
         " articles the model learned from: " + QuotedNgrams(members);
}

// Union-find over the word n-grams, joined when their spans overlap (of the
// same kind: headline words never join body words). Sweeps the spans in
// order of start, so the cost is that of a sort.
std::vector<std::size_t> OverlapGroups(const std::vector<const FeatureContribution*>& words) {
  std::vector<std::size_t> parent(words.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  struct Occurrence {
    Span span;
    std::size_t word;
  };
  for (FeatureKind kind : {FeatureKind::kWords, FeatureKind::kHeadline}) {
    std::vector<Occurrence> occurrences;
    for (std::size_t w = 0; w < words.size(); ++w)
      if (words[w]->kind == kind)
        for (const Span& s : words[w]->spans) occurrences.push_back({s, w});
    std::sort(occurrences.begin(), occurrences.end(),
              [](const Occurrence& x, const Occurrence& y) { return x.span.start < y.span.start; });
    // The occurrence reaching furthest so far: any later one starting before its end overlaps it.
    std::size_t reach = 0;
    for (std::size_t k = 0; k < occurrences.size(); ++k) {
      if (k > 0 && occurrences[k].span.start < occurrences[reach].span.end)
        parent[root(occurrences[k].word)] = root(occurrences[reach].word);
      if (k == 0 || occurrences[k].span.end > occurrences[reach].span.end) reach = k;
    }
  }
  for (std::size_t i = 0; i < words.size(); ++i) parent[i] = root(i);
  return parent;
}

// Whether a dense feature's spans are the very words of its evidence (a
// loaded word, "sources say", "Sputnik reported"), not passages around it.
bool HoldsWords(std::string_view name) {
  return (name.starts_with("cue:") && name != "cue:propaganda_techniques") || name.starts_with("attributions:");
}

bool InsideAny(const Span& s, const std::vector<Span>& spans) {
  return std::any_of(spans.begin(), spans.end(), [&](const Span& t) { return t.Contains(s); });
}

void CapSpans(std::vector<Span>& spans) {
  spans = MergedSpans(std::move(spans));
  if (spans.size() > kMaxSpansPerReason) spans.resize(kMaxSpansPerReason);
}

}  // namespace

std::vector<Reason> ExplainContributions(const std::vector<FeatureContribution>& candidates, double logit,
                                         const Report& report) {
  std::vector<Reason> reasons;
  // Per reason: where its cue words or attributions show. Words inside them
  // say the same thing (quotes and propaganda passages are whole passages
  // whose words say other things too).
  std::vector<std::vector<Span>> evidence;

  // Dense features: one reason per theme and direction.
  std::unordered_map<std::string, std::size_t> by_theme;
  std::vector<std::vector<const FeatureContribution*>> dense_members;
  std::vector<const FeatureContribution*> words;
  for (const FeatureContribution& f : candidates) {
    if (f.contribution == 0.0) continue;
    if (f.kind != FeatureKind::kCue) {
      words.push_back(&f);
      continue;
    }
    const DenseMeaning* meaning = MeaningOf(f.name);
    const std::string theme =
        (meaning && !meaning->theme.empty() ? std::string(meaning->theme) : f.name) + (f.contribution > 0 ? "+" : "-");
    auto [it, added] = by_theme.try_emplace(theme, reasons.size());
    if (added) {
      reasons.emplace_back();
      evidence.emplace_back();
      dense_members.emplace_back();
    }
    Reason& r = reasons[it->second];
    r.role = IsAdjustmentFeature(f.name) ? ReasonRole::kAdjustment : ReasonRole::kEvidence;
    r.contribution += f.contribution;
    r.features.push_back(f.name);
    r.spans.insert(r.spans.end(), f.spans.begin(), f.spans.end());
    if (HoldsWords(f.name)) evidence[it->second].insert(evidence[it->second].end(), f.spans.begin(), f.spans.end());
    dense_members[it->second].push_back(&f);
  }
  for (std::size_t i = 0; i < dense_members.size(); ++i) reasons[i].text = DenseReasonText(dense_members[i], report);

  // Word n-grams: overlapping ones are one passage; a passage inside a
  // cue's evidence that pushes the same way joins the cue's reason.
  const std::vector<std::size_t> group = OverlapGroups(words);
  for (std::size_t g = 0; g < words.size(); ++g) {
    std::vector<const FeatureContribution*> members;
    for (std::size_t i = 0; i < words.size(); ++i)
      if (group[i] == g) members.push_back(words[i]);
    if (members.empty()) continue;
    double contribution = 0.0;
    std::vector<Span> spans;
    for (const FeatureContribution* f : members) {
      contribution += f->contribution;
      spans.insert(spans.end(), f->spans.begin(), f->spans.end());
    }
    spans = MergedSpans(std::move(spans));
    std::size_t host = reasons.size();
    for (std::size_t r = 0; r < dense_members.size() && !spans.empty(); ++r) {
      const bool same_way = (reasons[r].contribution > 0) == (contribution > 0);
      if (same_way && reasons[r].role == ReasonRole::kEvidence &&
          std::all_of(spans.begin(), spans.end(), [&](const Span& s) { return InsideAny(s, evidence[r]); })) {
        host = r;
        break;
      }
    }
    if (host == reasons.size()) {
      Reason r;
      r.kind = members.front()->kind;
      r.text = WordReasonText(members, contribution);
      r.spans = spans;
      reasons.push_back(std::move(r));
    }
    Reason& r = reasons[host];
    if (host < dense_members.size()) r.contribution += contribution;
    else r.contribution = contribution;
    for (const FeatureContribution* f : members) r.features.push_back(f->name);
  }

  for (Reason& r : reasons) {
    CapSpans(r.spans);
    r.effect = Logistic(logit) - Logistic(logit - r.contribution);
  }
  std::stable_sort(reasons.begin(), reasons.end(),
                   [](const Reason& a, const Reason& b) { return std::abs(a.contribution) > std::abs(b.contribution); });
  if (reasons.size() > kMaxReasons) reasons.resize(kMaxReasons);
  return reasons;
}

}  // namespace credence::internal
