// Which words to check is where the precision comes from: a capitalised
// word is most often a name hunspell cannot know, so only lower-case words
// are checked; words in URLs, e-mail addresses, handles and hashtags, words
// with digits, and very short or very long words are skipped.
#include "cues/spell_checker.h"

#include <hunspell/hunspell.hxx>
#include <sys/stat.h>

namespace credence::internal {
namespace {

constexpr std::size_t kMinLetters = 3;
constexpr std::size_t kMaxWordBytes = 30;
constexpr std::size_t kMaxCacheEntries = 1 << 20;  // bounds memory on huge inputs
constexpr std::size_t kMaxRunScan = 256;

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// True when the token sits in a URL, e-mail address, handle or hashtag:
// the run of non-space bytes around it holds "://", "www.", '@', '#' or a
// dotted domain ending.
bool InWebAddress(std::string_view text, Span s) {
  std::size_t a = s.start;
  while (a > 0 && s.start - a < kMaxRunScan && !IsSpaceByte(text[a - 1])) --a;
  std::size_t b = s.end;
  while (b < text.size() && b - s.end < kMaxRunScan && !IsSpaceByte(text[b])) ++b;
  std::string_view run = text.substr(a, b - a);
  for (std::string_view marker : {"://", "www.", "@", "#", ".com", ".org", ".net", ".html", ".gov", ".co.", "/"})
    if (run.find(marker) != std::string_view::npos) return true;
  return false;
}

// Returns the word to check for `w`, or "" to skip it.
std::string Checkable(std::string_view w) {
  if (w.size() > kMaxWordBytes) return "";
  std::string out;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    auto c = static_cast<unsigned char>(w[i]);
    if (c >= 'a' && c <= 'z') {
      ++letters;
      out.push_back(static_cast<char>(c));
    } else if (c == '\'' || c == '-') {
      out.push_back(static_cast<char>(c));
    } else if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
               static_cast<unsigned char>(w[i + 2]) == 0x99) {
      out.push_back('\'');  // ’
      i += 2;
    } else {
      return "";  // capitals (names, acronyms), digits, periods, other scripts
    }
  }
  if (letters < kMinLetters) return "";
  // Possessives and elisions: "state's", "students'".
  if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) out.resize(out.size() - 2);
  while (!out.empty() && out.back() == '\'') out.pop_back();
  return out;
}

}  // namespace

SpellChecker::~SpellChecker() = default;

Result<std::unique_ptr<SpellChecker>> SpellChecker::Open(const std::string& base) {
  std::unique_ptr<SpellChecker> checker(new SpellChecker());
  if (Status s = checker->AddDictionary(base); !s.ok()) return tl::unexpected<Status>(s);
  return checker;
}

Status SpellChecker::AddDictionary(const std::string& base) {
  std::string aff = base + ".aff";
  std::string dic = base + ".dic";
  if (!FileExists(aff) || !FileExists(dic))
    return Status(StatusCode::kNotFound, "spelling dictionary " + aff + " / " + dic +
                                             " not found (Debian: apt-get install hunspell-en-us)");
  std::lock_guard<std::mutex> lock(mu_);
  dictionaries_.push_back(std::make_unique<Hunspell>(aff.c_str(), dic.c_str()));
  cache_.clear();
  return Status::Ok();
}

bool SpellChecker::IsMisspelled(std::string_view word) const {
  std::string key(word);
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  bool wrong = true;
  for (const auto& dictionary : dictionaries_) wrong = wrong && !dictionary->spell(key);
  if (cache_.size() >= kMaxCacheEntries) cache_.clear();
  cache_.emplace(std::move(key), wrong);
  return wrong;
}

std::vector<Span> SpellChecker::FindMisspellings(std::string_view text, const std::vector<Token>& tokens,
                                                 std::size_t first, std::size_t end) const {
  std::vector<Span> out;
  for (std::size_t i = first; i < end; ++i) {
    if (tokens[i].kind != TokenKind::kWord) continue;
    std::string word = Checkable(text.substr(tokens[i].span.start, tokens[i].span.size()));
    if (word.empty() || InWebAddress(text, tokens[i].span)) continue;
    bool wrong;
    if (word.find('-') != std::string::npos) {
      // Hyphenated compounds are checked part by part: "well-known", "air-force".
      wrong = false;
      std::size_t p = 0;
      while (p <= word.size() && !wrong) {
        std::size_t dash = word.find('-', p);
        std::string part = word.substr(p, dash == std::string::npos ? std::string::npos : dash - p);
        if (part.size() >= kMinLetters) wrong = IsMisspelled(part);
        if (dash == std::string::npos) break;
        p = dash + 1;
      }
    } else {
      wrong = IsMisspelled(word);
    }
    if (wrong) out.push_back(tokens[i].span);
  }
  return out;
}

}  // namespace credence::internal
