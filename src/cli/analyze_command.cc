// `credence analyze`. The report is built whole in memory and written with
// one loop of write(2), so a reader that goes away (EPIPE, with SIGPIPE
// ignored by main) is noticed and ends the command quietly with exit 1.
#include "cli/analyze_command.h"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <limits>
#include <string_view>

#include "cli/byte_size.h"
#include "cli/exit_codes.h"
#include "credence/analyzer.h"
#include "io/input_reader.h"
#include "io/json_report_writer.h"
#include "io/text_report_writer.h"
#include "pipeline/analyze_input.h"

namespace credence::internal {
namespace {

// Returns 0, or the errno of the write that failed.
int WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

bool UseColor(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");  // https://no-color.org: set and non-empty turns colour off
  return ::isatty(STDOUT_FILENO) == 1 && (no_color == nullptr || *no_color == '\0');
}

// An explicitly named dictionary must exist; the default one may be absent
// (the Analyzer then turns the spelling cue off and says so in a warning).
Status CheckDictionary(const AnalyzeArgs& args) {
  if (!args.dictionary_given || args.dictionary.empty()) return Status::Ok();
  for (const char* ext : {".aff", ".dic"}) {
    std::string path = args.dictionary + ext;
    if (::access(path.c_str(), R_OK) != 0)
      return Status(StatusCode::kNotFound, "dictionary file not found or unreadable: " + path + ": " +
                                               std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace

CLI::App* AddAnalyzeCommand(CLI::App& app, AnalyzeArgs* args) {
  CLI::App* cmd = app.add_subcommand("analyze", "Analyze one article (UTF-8 text) and print a credibility report");
  cmd->add_option("FILE", args->input,
                  "The article as scraped text or as an HTML page (plain or .gz); - or nothing reads standard input")
      ->capture_default_str();
  cmd->add_option("--format", args->format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--title", args->title, "A headline given beside the text");
  cmd->add_option("--url", args->url, "Where the article came from");
  cmd->add_option("--max-bytes", args->max_bytes,
                  "Refuse inputs larger than this many bytes; suffixes K, M, G, T are powers of 1024, e.g. 64M. "
                  "Default 256M")
      ->transform(CLI::Validator(ByteSizeToDigits, "SIZE", "SIZE"));
  CLI::Option* html = cmd->add_flag("--html", args->html,
                                    "Read the input as an HTML page (default: detected from its first bytes)");
  cmd->add_flag("--text", args->text, "Read the input as plain text even if it looks like HTML")->excludes(html);
  cmd->add_flag("--compact", args->compact, "Write JSON on one line instead of indented");
  cmd->add_option("--dictionary", args->dictionary,
                  "Hunspell dictionary as PATH_BASE (PATH_BASE.aff and PATH_BASE.dic); \"\" turns the spelling "
                  "cue off. Default /usr/share/hunspell/en_US")
      ->each([args](const std::string&) { args->dictionary_given = true; });
  AddModelOptions(cmd, &args->models);
  cmd->add_option("--color", args->color, "Colour the text report: auto (when standard output is a terminal "
                                          "and NO_COLOR is unset), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  return cmd;
}

int RunAnalyzeCommand(const AnalyzeArgs& args) {
  if (Status s = CheckDictionary(args); !s.ok()) return Fail(s);
  if ((args.input.empty() || args.input == "-") && ::isatty(STDIN_FILENO) == 1)
    std::cerr << "credence: reading the article from standard input; end it with Ctrl-D\n";

  Result<std::string> bytes = ReadInput(args.input, args.max_bytes);
  if (!bytes) return Fail(bytes.error());
  AnalyzerOptions options;
  if (args.dictionary_given) options.spelling_dictionary = args.dictionary;
  ApplyModelOptions(args.models, &options);
  Result<Analyzer> analyzer = Analyzer::Create(options);
  if (!analyzer) return Fail(analyzer.error());
  const InputKind kind = args.html ? InputKind::kHtml : args.text ? InputKind::kText : InputKind::kAuto;
  Result<AnalyzedInput> done = AnalyzeInput(
      *analyzer, std::move(*bytes), {.url = args.url, .title = args.title, .kind = kind, .max_bytes = args.max_bytes});
  if (!done) return Fail(done.error());
  const Document& doc = done->document;
  const Report& report = done->report;

  std::string out = args.format == "json" ? WriteJsonReport(doc, report, !args.compact)
                                          : WriteTextReport(doc, report, UseColor(args.color));
  for (const std::string& w : report.warnings) std::cerr << "credence: warning: " << w << "\n";
  std::cerr.flush();
  if (int err = WriteAll(STDOUT_FILENO, out); err != 0) return WriteFailed("the report", err);
  return kExitOk;
}

}  // namespace credence::internal
