// Which words to check is where the precision comes from (the rules are in
// spell_checker.h). British spellings are accepted by rewriting them to the
// American ones hunspell-en-us knows, rather than by shipping a second
// dictionary: a dozen narrow rules cover what news text uses, and no
// rewrite turns a real typo into a known word.
#include "cues/spell_checker.h"

#include <hunspell/hunspell.hxx>
#include <sys/stat.h>
#include <unistd.h>

#include <functional>
#include <new>

namespace credence::internal {
namespace {

constexpr std::size_t kMinLetters = 3;
constexpr std::size_t kMaxWordBytes = 30;
constexpr std::size_t kMaxCacheEntriesPerShard = 1 << 16;  // bounds memory on endless input
constexpr std::size_t kMaxCacheEntriesPerThread = 1 << 17;

// Each SpellChecker, and each change of its dictionaries, gets a new id,
// so a thread's cache never serves another checker's answers.
std::atomic<std::uint64_t> next_cache_id{1};
constexpr std::size_t kMaxRunScan = 256;                   // bytes scanned each way for a URL around a word

bool ReadableFile(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), R_OK) == 0;
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// True when the token sits in a URL, e-mail address, handle or hashtag: the
// run of non-space bytes around it holds "://", "www.", '@', '#', '/' or a
// common domain ending.
bool InWebAddress(std::string_view text, Span s) {
  std::size_t a = s.start;
  while (a > 0 && s.start - a < kMaxRunScan && !IsSpaceByte(text[a - 1])) --a;
  std::size_t b = s.end;
  while (b < text.size() && b - s.end < kMaxRunScan && !IsSpaceByte(text[b])) ++b;
  std::string_view run = text.substr(a, b - a);
  for (std::string_view marker : {"://", "www.", "@", "#", "/", ".com", ".org", ".net", ".gov", ".html", ".co."})
    if (run.find(marker) != std::string_view::npos) return true;
  return false;
}

// True when U+FFFD (a repaired byte) touches the token: the tokenizer
// splits it off, and what remains is a fragment of a broken word.
bool NextToRepair(std::string_view text, Span s) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  return (s.start >= 3 && text.substr(s.start - 3, 3) == kReplacement) || text.substr(s.end, 3) == kReplacement;
}

// Returns the word to look up for `w` (one hyphen-free part of a token), or
// "" to skip it: lower-case ASCII letters and apostrophes only.
std::string Checkable(std::string_view w) {
  if (w.size() > kMaxWordBytes) return "";
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    if ((c >= 'a' && c <= 'z') || c == '\'') {
      out.push_back(static_cast<char>(c));
    } else if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(w[i + 2]) == 0x99 || static_cast<unsigned char>(w[i + 2]) == 0x98)) {
      out.push_back('\'');  // ’ or ‘
      i += 2;
    } else {
      return "";  // capitals, digits, periods, other scripts, U+FFFD
    }
  }
  if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) out.resize(out.size() - 2);
  while (!out.empty() && out.back() == '\'') out.pop_back();
  std::size_t letters = 0;
  for (char c : out) letters += c != '\'';
  return letters >= kMinLetters ? out : "";
}

std::string FoldApostrophes(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (i + 2 < word.size() && word.compare(i, 2, "\xE2\x80") == 0 && (word[i + 2] == '\x99' || word[i + 2] == '\x98')) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(word[i]);
    }
  }
  return out;
}

// British endings and their American forms, tried at the end of a word.
constexpr std::pair<std::string_view, std::string_view> kSuffixes[] = {
    {"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"},
    {"isers", "izers"},       {"iser", "izer"},       {"ise", "ize"},     {"ysing", "yzing"}, {"ysed", "yzed"},
    {"yses", "yzes"},         {"yse", "yze"},         {"tres", "ters"},   {"tred", "tered"},  {"tre", "ter"},
    {"ences", "enses"},       {"ence", "ense"},       {"lled", "led"},    {"lling", "ling"},  {"llers", "lers"},
    {"ller", "ler"},          {"ogues", "ogs"},       {"ogue", "og"},     {"ammes", "ams"},   {"amme", "am"},
    {"eing", "ing"},          {"gements", "gments"},  {"gement", "gment"}, {"ongst", "ong"},  {"ilst", "ile"},
};
// British spellings inside a word: colour, favourite; paediatric, anaemia.
constexpr std::pair<std::string_view, std::string_view> kInfixes[] = {{"our", "or"}, {"ae", "e"}};

// Returns the American spellings `word` may stand for, most likely first.
std::vector<std::string> AmericanSpellings(const std::string& word) {
  std::vector<std::string> infixed{word};
  for (auto [from, to] : kInfixes) {
    std::size_t at = word.rfind(from);
    if (at != std::string::npos && at > 0) infixed.push_back(word.substr(0, at) + std::string(to) + word.substr(at + from.size()));
  }
  std::vector<std::string> out(infixed.begin() + 1, infixed.end());
  for (const std::string& w : infixed)
    for (auto [from, to] : kSuffixes)
      if (w.size() > from.size() + 1 && w.compare(w.size() - from.size(), from.size(), from) == 0) {
        out.push_back(w.substr(0, w.size() - from.size()) + std::string(to));
        break;  // the list runs longest ending first
      }
  return out;
}

}  // namespace

SpellChecker::SpellChecker() : cache_id_(next_cache_id++) {}
SpellChecker::~SpellChecker() = default;

Result<std::unique_ptr<SpellChecker>> SpellChecker::Open(const std::string& base) {
  std::unique_ptr<SpellChecker> checker(new SpellChecker());
  if (Status s = checker->AddDictionary(base); !s.ok()) return tl::unexpected<Status>(std::move(s));
  return checker;
}

Status SpellChecker::AddDictionary(const std::string& base) {
  std::string aff = base + ".aff";
  std::string dic = base + ".dic";
  if (!ReadableFile(aff) || !ReadableFile(dic))
    return Status(StatusCode::kNotFound, "spelling dictionary " + aff + " / " + dic +
                                             " not found (Debian: apt-get install hunspell-en-us)");
  std::unique_ptr<Hunspell> dictionary;
  try {  // hunspell allocates with new and may throw; the core does not
    dictionary = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  } catch (const std::exception& e) {
    return Status(StatusCode::kIoError, "cannot load spelling dictionary " + base + ": " + e.what());
  }
  // Hunspell reports unreadable or foreign files only on stderr; a
  // dictionary that does not know "the" did not load.
  if (!dictionary->spell(std::string("the")))
    return Status(StatusCode::kDataError, "spelling dictionary " + base + " does not know the word 'the'");
  {
    std::lock_guard<std::mutex> lock(hunspell_mu_);
    dictionaries_.push_back(std::move(dictionary));
  }
  for (Shard& shard : shards_) {
    std::lock_guard<std::mutex> lock(shard.mu);
    shard.misspelled.clear();
  }
  cache_id_.store(next_cache_id++, std::memory_order_release);
  return Status::Ok();
}

bool SpellChecker::KnownLocked(const std::string& word) const {
  for (const auto& dictionary : dictionaries_)
    if (dictionary->spell(word)) return true;
  for (const std::string& american : AmericanSpellings(word))
    for (const auto& dictionary : dictionaries_)
      if (dictionary->spell(american)) return true;
  return false;
}

bool SpellChecker::IsMisspelled(std::string_view word) const {
  struct LocalCache {
    std::uint64_t id = 0;  // the cache_id_ of the checker whose words these are
    std::unordered_map<std::string, bool, WordHash> misspelled;
  };
  thread_local LocalCache local;
  const std::uint64_t id = cache_id_.load(std::memory_order_acquire);
  if (local.id != id) {
    local.misspelled.clear();
    local.id = id;
  }
  std::string key = FoldApostrophes(word);
  if (auto it = local.misspelled.find(key); it != local.misspelled.end()) return it->second;
  const bool wrong = SharedIsMisspelled(key);
  if (local.misspelled.size() >= kMaxCacheEntriesPerThread) local.misspelled.clear();
  local.misspelled.emplace(std::move(key), wrong);
  return wrong;
}

bool SpellChecker::SharedIsMisspelled(std::string key) const {
  Shard& shard = shards_[(WordHash()(key) >> 56) % kShards];  // top bits: the map's buckets use the low ones
  {
    std::lock_guard<std::mutex> lock(shard.mu);
    if (auto it = shard.misspelled.find(key); it != shard.misspelled.end()) return it->second;
  }
  bool wrong;
  {
    std::lock_guard<std::mutex> lock(hunspell_mu_);
    wrong = !KnownLocked(key);
  }
  std::lock_guard<std::mutex> lock(shard.mu);
  if (shard.misspelled.size() >= kMaxCacheEntriesPerShard) shard.misspelled.clear();
  shard.misspelled.emplace(std::move(key), wrong);
  return wrong;
}

std::vector<Span> SpellChecker::FindMisspellings(std::string_view text, const std::vector<Token>& tokens,
                                                 std::size_t first, std::size_t end) const {
  std::vector<Span> out;
  for (std::size_t i = first; i < end; ++i) {
    const Token& token = tokens[i];
    if (token.kind != TokenKind::kWord || token.span.size() > kMaxWordBytes) continue;
    bool web = false;  // in a URL or next to U+FFFD: decided once per token, when a part is worth checking
    bool web_known = false;
    // Hyphenated words are checked part by part: "well-known", "ez-Zor".
    std::string_view whole = text.substr(token.span.start, token.span.size());
    std::size_t part_start = token.span.start;
    while (part_start <= token.span.end) {
      std::size_t dash = whole.find('-', part_start - token.span.start);  // within the token only
      std::size_t part_end = dash == std::string_view::npos ? token.span.end : token.span.start + dash;
      std::string word = Checkable(text.substr(part_start, part_end - part_start));
      if (!word.empty()) {
        if (!web_known) web = InWebAddress(text, token.span) || NextToRepair(text, token.span), web_known = true;
        if (!web && IsMisspelled(word)) out.push_back({part_start, part_end});
      }
      part_start = part_end + 1;
    }
  }
  return out;
}

}  // namespace credence::internal
