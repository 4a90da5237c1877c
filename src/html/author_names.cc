// Splitting bylines into person names. Commas and semicolons separate
// names, except "Doe, Jane" (one inverted name) and a ';' that ends an
// entity; " and " / " & " separate only capitalised names, so "Example
// staff and agencies" stays whole.
#include "html/author_names.h"

#include <algorithm>

#include "html/markup_text.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

// Bylines that are roles, not people: "Staff Writer", "News Desk".
bool IsRoleOnly(std::string_view name) {
  static const std::unordered_set<std::string_view> kRoleWords = {
      "staff", "writer", "writers", "reporter", "reporters", "correspondent", "editor", "editors", "senior",
      "chief", "contributor", "contributing", "columnist", "political", "special", "news", "desk"};
  std::string lower = ToLower(name);
  std::string_view rest = lower;
  while (!rest.empty()) {
    std::size_t sp = std::min(rest.find(' '), rest.size());
    if (!kRoleWords.count(rest.substr(0, sp))) return false;
    rest.remove_prefix(std::min(sp + 1, rest.size()));
  }
  return true;
}

std::string_view DropBy(std::string_view s) {
  for (std::string_view by : {"by:", "by "})
    if (StartsWithNoCase(s, by)) {
      s.remove_prefix(by.size());
      while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    }
  return s;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool IsUrlLike(std::string_view s) {
  return s.find("://") != std::string_view::npos || StartsWithNoCase(s, "www.") ||
         s.find('/') != std::string_view::npos || s.find('@') != std::string_view::npos;
}

// Whether the ';' at s[i] ends an entity ("&eacute;") rather than a name.
bool EndsEntity(std::string_view s, std::size_t i) {
  std::size_t amp = s.rfind('&', i);
  if (amp == std::string_view::npos || i - amp > 10 || i - amp < 2) return false;
  for (std::size_t k = amp + 1; k < i; ++k)
    if (!IsAsciiAlpha(s[k]) && !IsAsciiDigit(s[k]) && s[k] != '#') return false;
  return true;
}

void SplitOn(std::string_view s, std::string_view seps, std::vector<std::string_view>* out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || seps.find(s[i]) != std::string_view::npos || (s[i] == ';' && !EndsEntity(s, i)) ||
        s[i] == '|') {
      out->push_back(Trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
}

// Splits on " and " / " & " only between capitalised names, so "Guardian
// staff and agencies" stays whole.
void SplitAnd(std::string_view s, std::vector<std::string_view>* out) {
  for (std::string_view sep : {" and ", " & "}) {
    std::size_t at = s.find(sep);
    if (at == std::string_view::npos) continue;
    std::string_view left = Trim(s.substr(0, at)), right = Trim(s.substr(at + sep.size()));
    if (!left.empty() && !right.empty() && !IsLower(DecodeAt(left, 0).value) && !IsLower(DecodeAt(right, 0).value)) {
      SplitAnd(left, out);
      SplitAnd(right, out);
      return;
    }
  }
  out->push_back(s);
}

}  // namespace

void AuthorList::AddByline(std::string_view raw) {
  std::string s = CollapseWhiteSpace(raw);
  std::string_view rest = DropBy(s);
  if (IsUrlLike(rest)) return;
  // "Doe, Jane" is one name, inverted; "Jane Doe, John Roe" are two.
  std::size_t comma = rest.find(',');
  bool inverted = comma != std::string_view::npos && rest.find(',', comma + 1) == std::string_view::npos &&
                  CountSpacedWords(Trim(rest.substr(0, comma))) == 1 &&
                  CountSpacedWords(Trim(rest.substr(comma + 1))) == 1;
  std::vector<std::string_view> parts;
  SplitOn(rest, inverted ? std::string_view() : std::string_view(","), &parts);
  for (std::string_view p : parts) {
    std::vector<std::string_view> names;
    SplitAnd(p, &names);
    for (std::string_view n : names) AddName(n);
  }
}

void AuthorList::AddName(std::string_view n) {
  n = Trim(DropBy(Trim(n)));
  if (StartsWithNoCase(n, "and ")) n = Trim(n.substr(4));
  if (n.empty() || n.size() > kMaxNameBytes || out_->size() >= kMaxNames || IsUrlLike(n)) return;
  if (IsLower(DecodeAt(n, 0).value) || IsRoleOnly(n)) return;
  bool letter = false;
  for (std::size_t i = 0; i < n.size() && !letter; i += DecodeAt(n, i).length)
    letter = IsLetter(DecodeAt(n, i).value);
  if (!letter) return;
  std::string key = ToLower(n);
  if (!seen_.insert(key).second) return;
  out_->emplace_back(n);
}

}  // namespace credence::internal
