// The HTML5 parser candidates for issue 4, side by side: gumbo 0.10.1,
// libxml2 2.9.14's HTML parser, and myhtml (Debian's libmodest). Each
// (parser, workload) runs in a forked child, so a crash or runaway memory in
// one parser is reported instead of ending the run, and each child's peak
// memory is its own.
//
// Workloads:
//   pages       the 123 pages of ../shared/bench/extraction/html (gunzipped,
//               loaded before timing), parsed 5 times; median pages/s, MB/s
//   big_20mb    one 20 MB page: the pages' bodies joined inside one <body>
//   nested_100k 100,000 nested <div>s, then text
//   truncated   every page cut in the middle of its bytes
//   garbage     4 MB of random bytes (fixed seed)
//   bad_charset the pages with every byte >= 0x80 flipped to a Latin-1 byte
//               sequence, parsed as UTF-8
// For each: outcome (ok, or the signal or exit code), elements in the tree
// (walked without recursion), wall ms (median; nested_100k runs once), peak
// RSS of the child.
//
// Usage: html_parsers [PAGES_DIR] (default $CREDENCE_SHARED/bench/extraction/html)
// Output: one tab-separated line per (parser, workload).
#include <dirent.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <myhtml/api.h>

namespace {

std::string Gunzip(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

std::vector<std::string> LoadPages(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (std::strstr(e->d_name, ".html.gz")) names.push_back(e->d_name);
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> pages;
  for (const std::string& n : names) pages.push_back(Gunzip(dir + "/" + n));
  return pages;
}

// Each parser: parse `html`, return the number of element nodes, free all.
std::size_t ParseGumbo(const std::string& html) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::size_t elements = 0;
  std::vector<const GumboNode*> stack{out->root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
    ++elements;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return elements;
}

std::size_t ParseLibxml2(const std::string& html) {
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
  if (!doc) return 0;
  std::size_t elements = 0;
  std::vector<xmlNodePtr> stack{xmlDocGetRootElement(doc)};
  while (!stack.empty()) {
    xmlNodePtr n = stack.back();
    stack.pop_back();
    if (!n || n->type != XML_ELEMENT_NODE) continue;
    ++elements;
    for (xmlNodePtr c = n->children; c; c = c->next) stack.push_back(c);
  }
  xmlFreeDoc(doc);
  return elements;
}

std::size_t ParseMyhtml(const std::string& html) {
  static myhtml_t* engine = [] {
    myhtml_t* m = myhtml_create();
    myhtml_init(m, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
    return m;
  }();
  myhtml_tree_t* tree = myhtml_tree_create();
  myhtml_tree_init(tree, engine);
  myhtml_parse(tree, MyENCODING_UTF_8, html.data(), html.size());
  std::size_t elements = 0;
  std::vector<myhtml_tree_node_t*> stack{myhtml_tree_get_document(tree)};
  while (!stack.empty()) {
    myhtml_tree_node_t* n = stack.back();
    stack.pop_back();
    if (!n) continue;
    if (myhtml_node_tag_id(n) > MyHTML_TAG__COMMENT) ++elements;
    for (myhtml_tree_node_t* c = myhtml_node_child(n); c; c = myhtml_node_next(c)) stack.push_back(c);
  }
  myhtml_tree_destroy(tree);
  return elements;
}

struct Parser {
  const char* name;
  std::size_t (*parse)(const std::string&);
};

struct ChildResult {
  double median_ms = 0;
  std::size_t elements = 0;
};

void Run(const Parser& p, const char* workload, const std::vector<std::string>& docs, int reps) {
  int fds[2];
  if (pipe(fds) != 0) return;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::vector<double> ms;
    std::size_t elements = 0;
    for (int r = 0; r < reps; ++r) {
      elements = 0;
      auto t0 = std::chrono::steady_clock::now();
      for (const std::string& d : docs) elements += p.parse(d);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    ChildResult res{ms[ms.size() / 2], elements};
    if (write(fds[1], &res, sizeof res) != sizeof res) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  ChildResult res;
  const bool got = read(fds[0], &res, sizeof res) == sizeof res;
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  std::string outcome = "ok";
  if (WIFSIGNALED(status)) outcome = std::string("killed: ") + strsignal(WTERMSIG(status));
  else if (WEXITSTATUS(status) != 0 || !got) outcome = "exit " + std::to_string(WEXITSTATUS(status));
  std::size_t bytes = 0;
  for (const std::string& d : docs) bytes += d.size();
  const double secs = res.median_ms / 1000.0;
  std::printf("%s\t%s\t%s\t%zu\t%.1f\t%.1f\t%.0f\t%ld\n", p.name, workload, outcome.c_str(), res.elements,
              res.median_ms, got && secs > 0 ? bytes / 1e6 / secs : 0.0,
              got && secs > 0 ? docs.size() / secs : 0.0, usage.ru_maxrss / 1024);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const char* shared = std::getenv("CREDENCE_SHARED");
  std::string dir = argc > 1 ? argv[1] : std::string(shared ? shared : "../shared") + "/bench/extraction/html";
  std::vector<std::string> pages = LoadPages(dir);
  if (pages.empty()) {
    std::fprintf(stderr, "no pages in %s\n", dir.c_str());
    return 1;
  }
  std::string big = "<!doctype html><html><head><title>big</title></head><body>";
  while (big.size() < 20'000'000)
    for (const std::string& p : pages) {
      std::size_t b = p.find("<body");
      big += p.substr(b == std::string::npos ? 0 : b);
      if (big.size() >= 20'000'000) break;
    }
  std::string nested = "<!doctype html><html><body>";
  for (int i = 0; i < 100000; ++i) nested += "<div>";
  nested += "deep text</body></html>";
  std::vector<std::string> truncated;
  for (const std::string& p : pages) truncated.push_back(p.substr(0, p.size() / 2));
  std::string garbage(4'000'000, '\0');
  std::mt19937 rng(7);
  for (char& c : garbage) c = static_cast<char>(rng());
  std::vector<std::string> bad_charset;
  for (const std::string& p : pages) {
    std::string s;
    for (unsigned char c : p) s += c >= 0x80 ? static_cast<char>(0xC0 | (c & 0x1F)) : static_cast<char>(c);
    bad_charset.push_back(s);
  }

  const Parser parsers[] = {{"gumbo", ParseGumbo}, {"libxml2", ParseLibxml2}, {"myhtml", ParseMyhtml}};
  std::printf("parser\tworkload\toutcome\telements\tmedian_ms\tMB/s\tpages/s\tpeak_rss_MB\n");
  for (const Parser& p : parsers) {
    Run(p, "pages", pages, 5);
    Run(p, "big_20mb", {big}, 3);
    Run(p, "nested_100k", {nested}, 1);  // seconds per run in the HTML5 parsers: one is enough
    Run(p, "truncated", truncated, 3);
    Run(p, "garbage", {garbage}, 3);
    Run(p, "bad_charset", bad_charset, 3);
  }
  return 0;
}
