// `credence extract`. With one FILE, --format json writes one JSON object
// (indented unless --compact); with several, one object per line (JSONL),
// each carrying its "file". --format text writes the article body alone,
// paragraphs separated by blank lines; with several files each body follows
// a "==> FILE <==" line, as head(1) does.
#include "cli/extract_command.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/byte_size.h"
#include "cli/exit_codes.h"
#include "credence/html.h"
#include "html/html_page.h"
#include "io/input_reader.h"
#include "io/page_json_writer.h"

namespace credence::internal {

CLI::App* AddExtractCommand(CLI::App& app, ExtractArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "extract", "Find the article in HTML pages (plain or .gz) and print its body or, as JSON, everything found");
  cmd->add_option("FILE", args->inputs, "HTML pages; - or nothing reads standard input");
  cmd->add_option("--format", args->format, "text: the body alone; json: metadata, body blocks, links, removed")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--url", args->url, "The page's address, to make relative links absolute");
  cmd->add_option("--max-bytes", args->max_bytes,
                  "Refuse pages larger than this (after decompression); K, M, G, T suffixes. Default 256M")
      ->transform(CLI::Validator(ByteSizeToDigits, "SIZE", "SIZE"));
  cmd->add_flag("--compact", args->compact, "Write JSON on one line");
  cmd->add_flag("--timing", args->timing,
                "Print to standard error the pages per second of extraction and of the bare HTML parse");
  return cmd;
}

int RunExtractCommand(const ExtractArgs& args) {
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  const bool several = inputs.size() > 1;
  int exit_code = kExitOk;
  double extract_seconds = 0, parse_seconds = 0;
  std::size_t pages = 0;
  using Clock = std::chrono::steady_clock;
  auto extract = [&](const std::string& input) -> Result<HtmlArticle> {
    Result<std::string> bytes = ReadInput(input, args.max_bytes);
    if (!bytes) return tl::unexpected(bytes.error());
    const auto start = Clock::now();
    Result<HtmlArticle> html = ExtractHtml(*bytes, {.url = args.url});
    extract_seconds += std::chrono::duration<double>(Clock::now() - start).count();
    if (args.timing) {  // the parse alone, for comparison
      const auto parse_start = Clock::now();
      (void)ParseHtmlPage(*bytes);
      parse_seconds += std::chrono::duration<double>(Clock::now() - parse_start).count();
    }
    ++pages;
    return html;
  };
  for (const std::string& input : inputs) {
    Result<HtmlArticle> html = extract(input);
    if (!html) {
      const Status& s = html.error();
      std::cerr << "credence: error: " << (several ? input + ": " : "") << s.message() << "\n";
      if (exit_code == kExitOk) exit_code = ExitCodeFor(s);
      continue;
    }
    for (const std::string& w : html->warnings)
      std::cerr << "credence: warning: " << (several ? input + ": " : "") << w << "\n";
    std::string out;
    if (args.format == "json") {
      nlohmann::ordered_json j;
      if (several) j["file"] = input;
      j.update(ExtractionToJson(*html));
      out = j.dump(several || args.compact ? -1 : 2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    } else {
      if (several) out = "==> " + input + " <==\n";
      out += BodyText(*html) + "\n";
      if (several) out += "\n";
    }
    if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) return WriteFailed("the output", errno);
  }
  if (std::fflush(stdout) != 0) return WriteFailed("the output", errno);
  if (args.timing && pages > 0) {
    std::fprintf(stderr, "extract: %zu pages in %.3f seconds (%.1f pages/s); bare parse: %.1f pages/s\n", pages,
                 extract_seconds, static_cast<double>(pages) / extract_seconds,
                 static_cast<double>(pages) / parse_seconds);
  }
  return exit_code;
}

}  // namespace credence::internal
