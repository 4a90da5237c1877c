// AuthorList: collects person names from bylines and author fields ("By
// Jane Doe and John Roe", "Doe, Jane", "A, B & C"), dropping what is not a
// person: URLs, handles and e-mail addresses, roles ("Staff Writer"),
// lower-case text, duplicates (ignoring case).
//
//   std::vector<std::string> names;
//   AuthorList list(&names);
//   list.AddByline("By Jane Doe and John Roe");  // names: {"Jane Doe", "John Roe"}
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace credence::internal {

class AuthorList {
 public:
  // At most 20 names of at most 100 bytes each are kept.
  static constexpr std::size_t kMaxNames = 20;
  static constexpr std::size_t kMaxNameBytes = 100;

  // Appends names to `*out`, which must outlive the list.
  explicit AuthorList(std::vector<std::string>* out) : out_(out) {}

  // Adds the names in one byline or author value.
  void AddByline(std::string_view raw);

 private:
  void AddName(std::string_view name);

  std::vector<std::string>* out_;
  std::unordered_set<std::string> seen_;  // lower-cased names already added
};

}  // namespace credence::internal
