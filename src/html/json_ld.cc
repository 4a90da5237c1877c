// JSON-LD blocks are written by hand or by templates, so they are repaired
// before parsing rather than rejected, and nesting is followed with an
// explicit stack and limits, since a block is outside input.
#include "html/json_ld.h"

#include <algorithm>
#include <utility>

#include "html/markup_text.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxNodes = 4096;  // JSON-LD objects examined per page
constexpr int kMaxDepth = 6;             // how deep @graph / mainEntity nesting is followed

void Collect(const Json& root, JsonLd* ld) {
  std::vector<std::pair<const Json*, int>> stack = {{&root, 0}};
  while (!stack.empty() && ld->nodes.size() < kMaxNodes) {
    auto [v, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxDepth) continue;
    if (v->is_array()) {
      for (auto it = v->rbegin(); it != v->rend(); ++it) stack.push_back({&*it, depth + 1});
      continue;
    }
    if (!v->is_object()) continue;
    ld->nodes.push_back(v);
    auto id = v->find("@id");
    // A bare {"@id": ...} is a reference, not the object it names.
    if (id != v->end() && id->is_string() && v->size() > 1) ld->by_id.emplace(id->get_ref<const std::string&>(), v);
    for (const char* key : {"mainEntity", "@graph"}) {
      const Json* child = Field(v, key);
      if (child && (child->is_object() || child->is_array())) stack.push_back({child, depth + 1});
    }
  }
}

}  // namespace

std::string RepairJson(std::string_view s) {
  auto trim = [](std::string_view* v) {
    while (!v->empty() && IsAsciiSpace(v->front())) v->remove_prefix(1);
    while (!v->empty() && (IsAsciiSpace(v->back()) || v->back() == ';')) v->remove_suffix(1);
  };
  trim(&s);
  for (std::string_view open : {"<!--", "//<![CDATA[", "<![CDATA["})
    if (s.starts_with(open)) s.remove_prefix(open.size()), trim(&s);
  for (std::string_view close : {"-->", "//]]>", "]]>"})
    if (s.ends_with(close)) s.remove_suffix(close.size()), trim(&s);
  std::string valid;
  if (!IsValidUtf8(s)) {
    valid = ValidUtf8(s);
    s = valid;
  }
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\' && i + 1 < s.size()) {
        out.append(s.substr(i++, 2));
        continue;
      }
      if (c == '"') in_string = false;
      if (c == '\n') out.append("\\n");
      else if (c == '\t') out.append("\\t");
      else if (static_cast<unsigned char>(c) < 0x20) out.push_back(' ');
      else out.push_back(c);
    } else if (c == ',') {
      std::size_t j = i + 1;
      while (j < s.size() && IsAsciiSpace(s[j])) ++j;
      if (j == s.size() || (s[j] != '}' && s[j] != ']')) out.push_back(',');
    } else {
      if (c == '"') in_string = true;
      out.push_back(c);
    }
  }
  return out;
}

const Json* JsonLd::Resolve(const Json* v) const {
  if (v == nullptr || !v->is_object()) return v;
  auto id = v->find("@id");
  if (id == v->end() || !id->is_string() || v->contains("name")) return v;
  auto it = by_id.find(id->get_ref<const std::string&>());
  return it == by_id.end() ? v : it->second;
}

JsonLd ParseJsonLd(const std::vector<std::string>& texts) {
  JsonLd ld;
  ld.blocks.reserve(texts.size());  // nodes point into the blocks
  for (const std::string& text : texts) {
    Json j = Json::parse(RepairJson(text), nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (!j.is_discarded()) ld.blocks.push_back(std::move(j));
  }
  for (const Json& b : ld.blocks) Collect(b, &ld);
  return ld;
}

std::string_view LocalName(std::string_view type) {
  std::size_t cut = type.find_last_of("/:#");
  return cut == std::string_view::npos ? type : type.substr(cut + 1);
}

JsonLdRank RankOfType(std::string_view type) {
  std::string_view t = LocalName(type);
  if (t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report") return JsonLdRank::kArticle;
  if (t == "WebPage" || t == "ItemPage") return JsonLdRank::kPage;
  return JsonLdRank::kOther;
}

JsonLdRank RankOf(const Json& node) {
  const Json* type = Field(&node, "@type");
  if (type == nullptr) return JsonLdRank::kOther;
  JsonLdRank best = JsonLdRank::kOther;
  if (type->is_string()) best = RankOfType(type->get_ref<const std::string&>());
  if (type->is_array())
    for (const Json& t : *type)
      if (t.is_string()) best = std::min(best, RankOfType(t.get_ref<const std::string&>()));
  return best;
}

bool HasTypeEnding(const Json& node, std::string_view suffix) {
  const Json* type = Field(&node, "@type");
  if (type == nullptr) return false;
  if (type->is_string()) return type->get_ref<const std::string&>().ends_with(suffix);
  if (type->is_array())
    for (const Json& t : *type)
      if (t.is_string() && t.get_ref<const std::string&>().ends_with(suffix)) return true;
  return false;
}

std::string_view TextOf(const Json& v) {
  if (v.is_string()) return v.get_ref<const std::string&>();
  if (v.is_array()) {
    for (const Json& e : v)
      if (e.is_string() && !e.get_ref<const std::string&>().empty()) return e.get_ref<const std::string&>();
  }
  if (v.is_object()) {
    auto it = v.find("@value");
    if (it != v.end() && it->is_string()) return it->get_ref<const std::string&>();
  }
  return {};
}

const Json* Field(const Json* node, const char* key) {
  if (node == nullptr || !node->is_object()) return nullptr;
  auto it = node->find(key);
  return it == node->end() || it->is_null() ? nullptr : &*it;
}

std::string_view FieldText(const Json* node, const char* key) {
  const Json* v = Field(node, key);
  return v ? TextOf(*v) : std::string_view();
}

}  // namespace credence::internal
