// `credence batch`: lists the inputs, opens a reader per input, runs the
// records through RunBatch with one shared Analyzer, and writes the lines.
#include "cli/batch_command.h"

#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "cli/byte_size.h"
#include "cli/exit_codes.h"
#include "credence/analyzer.h"
#include "io/batch_output.h"
#include "io/record_reader.h"
#include "io/resume_state.h"
#include "pipeline/batch_runner.h"
#include "pipeline/record_analysis.h"

namespace credence::internal {
namespace {

// The format of one input file, from --input-format or its extension.
std::string FormatOf(const std::string& path, const std::string& forced) {
  if (forced != "auto") return forced;
  std::string lower = path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view name = NameWithoutGz(lower);
  if (path == "-" || name.ends_with(".jsonl") || name.ends_with(".ndjson") || name.ends_with(".json")) return "jsonl";
  if (name.ends_with(".csv")) return "csv";
  if (name.ends_with(".warc")) return "warc";
  return "files";
}

bool IsArticleFile(const std::string& path) { return ArticleFileKindOf(path) != ArticleFileKind::kUnknown; }

// One input to read: a path and its format, or an error found while listing.
struct Input {
  std::string path;
  std::string format;
  std::string error;
};

// Expands folders (their .txt/.html/.htm files and .gz forms, recursively,
// sorted) and globs that match no file by name.
std::vector<Input> ListInputs(const BatchArgs& args) {
  std::vector<Input> out;
  std::vector<std::string> paths = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && std::filesystem::is_directory(p, ec)) {
      std::vector<std::string> files;
      for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && IsArticleFile(it->path().string())) files.push_back(it->path().string());
      if (ec) out.push_back({p, "files", "cannot list " + p + ": " + ec.message()});
      std::sort(files.begin(), files.end());
      for (std::string& f : files) out.push_back({std::move(f), "files", ""});
      continue;
    }
    if (p != "-" && !std::filesystem::exists(p, ec) && p.find_first_of("*?[") != std::string::npos) {
      glob_t g{};
      if (::glob(p.c_str(), 0, nullptr, &g) == 0) {
        for (std::size_t i = 0; i < g.gl_pathc; ++i)
          out.push_back({g.gl_pathv[i], FormatOf(g.gl_pathv[i], args.input_format), ""});
      } else {
        out.push_back({p, "files", "no file matches " + p});
      }
      ::globfree(&g);
      continue;
    }
    out.push_back({p, FormatOf(p, args.input_format), ""});
  }
  return out;
}

// Reads the inputs one after another; an input that fails to open or to
// read on becomes one error record, and the next input follows.
class InputSequence {
 public:
  InputSequence(std::vector<Input> inputs, RecordFields fields, std::size_t max_record)
      : inputs_(std::move(inputs)), fields_(std::move(fields)), max_record_(max_record) {}

  Result<bool> Next(BatchRecord* out) {
    for (;;) {
      if (!reader_) {
        if (next_ >= inputs_.size()) return false;
        if (Status s = Open(out); !s.ok()) return true;  // `out` holds the input's error
        if (!reader_) continue;
      }
      Result<bool> got = reader_->Next(out);
      const std::uint64_t read = reader_->bytes_read();
      progress_bytes_.store(done_bytes_ + read, std::memory_order_relaxed);
      if (got && *got) return true;
      const std::string source = inputs_[next_ - 1].path;
      done_bytes_ += read;
      reader_.reset();
      if (!got) {
        *out = BatchRecord{};
        out->source = source;
        out->error = got.error().message();
        out->error_kind_input = true;
        return true;
      }
    }
  }
  // Input bytes read so far and the inputs' total size (0 when unknown);
  // safe to call from another thread while Next runs.
  std::pair<std::uint64_t, std::uint64_t> Bytes() const {
    return {progress_bytes_.load(std::memory_order_relaxed), total_bytes_.load(std::memory_order_relaxed)};
  }

 private:
  // Opens inputs_[next_] (a run of consecutive plain files becomes one
  // reader). Returns an error status, with `out` set, when it cannot.
  Status Open(BatchRecord* out) {
    const Input& in = inputs_[next_++];
    if (!in.error.empty()) return Fail(in.path, in.error, out);
    if (in.format == "files") {
      std::vector<std::string> files{in.path};
      while (next_ < inputs_.size() && inputs_[next_].format == "files" && inputs_[next_].error.empty())
        files.push_back(inputs_[next_++].path);
      reader_ = OpenFileRecords(std::move(files), max_record_);
      return Status::Ok();
    }
    Result<std::unique_ptr<ByteStream>> stream = OpenByteStream(in.path);
    if (!stream) return Fail(in.path, stream.error().message(), out);
    total_bytes_ += (*stream)->raw_size();
    if (in.format == "csv") reader_ = OpenCsvRecords(std::move(*stream), in.path, fields_, max_record_);
    else if (in.format == "warc") reader_ = OpenWarcRecords(std::move(*stream), in.path, max_record_);
    else reader_ = OpenJsonlRecords(std::move(*stream), in.path, max_record_);
    return Status::Ok();
  }
  Status Fail(const std::string& path, const std::string& why, BatchRecord* out) {
    *out = BatchRecord{};
    out->source = path;
    out->error = why;
    out->error_kind_input = true;
    return Status(StatusCode::kIoError, why);
  }

  std::vector<Input> inputs_;
  RecordFields fields_;
  std::size_t max_record_;
  std::size_t next_ = 0;
  std::unique_ptr<RecordReader> reader_;
  std::uint64_t done_bytes_ = 0;                  // of the inputs already finished
  std::atomic<std::uint64_t> progress_bytes_{0};  // done_bytes_ + the current reader's
  std::atomic<std::uint64_t> total_bytes_{0};     // sizes of the inputs opened so far
};

}  // namespace

CLI::App* AddBatchCommand(CLI::App& app, BatchArgs* args) {
  CLI::App* cmd = app.add_subcommand(
      "batch", "Analyze many articles (JSONL, CSV, WARC, folders of .txt/.html, .gz) on every core");
  cmd->add_option("INPUT", args->inputs,
                  "Inputs: .jsonl/.csv/.warc files (plain or .gz), folders or globs of .txt/.html files; "
                  "- or nothing reads JSONL from standard input");
  cmd->add_option("-o,--output", args->output, "Write here instead of standard output");
  cmd->add_option("--format", args->format, "jsonl: one report per line; csv: one summary row per record")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_option("--fields", args->fields,
                  "Comma-separated fields to write. JSONL: id, source, position, label, probability and the "
                  "report's top-level keys (verdict, site, page, article, removed, structure, quotes, "
                  "attributions, cues, techniques, claims, headline, fact_checks, warnings, input). CSV: id, source, "
                  "position, url, title, label, probability, words, cues, clickbait, techniques, claims, site, "
                  "removed, error; also fact_checks (matches found) and fact_check_falsity (the best match's)");
  cmd->add_option("--threads", args->threads, "Worker threads; 0 = one per core")->capture_default_str();
  cmd->add_flag("--unordered", args->unordered, "Write results as they finish instead of in input order");
  cmd->add_option("--input-format", args->input_format, "Input format, when the extension does not say")
      ->check(CLI::IsMember({"auto", "jsonl", "csv", "warc", "files"}))
      ->capture_default_str();
  cmd->add_option("--id-field", args->id_field, "JSONL/CSV field holding the record id")->capture_default_str();
  cmd->add_option("--url-field", args->url_field, "JSONL/CSV field holding the url")->capture_default_str();
  cmd->add_option("--title-field", args->title_field, "JSONL/CSV field holding the title")->capture_default_str();
  cmd->add_option("--text-field", args->text_field, "JSONL/CSV field holding the text")->capture_default_str();
  cmd->add_option("--html-field", args->html_field, "JSONL/CSV field holding HTML")->capture_default_str();
  cmd->add_option("--max-bytes", args->max_bytes,
                  "Largest record (bytes; K, M, G suffixes); larger ones become error lines. Default 64M")
      ->transform(CLI::Validator(ByteSizeToDigits, "SIZE", "SIZE"));
  cmd->add_flag("-q,--quiet", args->quiet, "No progress line and no summary");
  cmd->add_flag("--resume", args->resume,
                "Continue an interrupted run: keep the complete lines of -o OUT, skip the records they report, "
                "append the rest (same inputs and options as before)");
  AddModelOptions(cmd, &args->models);
  return cmd;
}

int RunBatchCommand(const BatchArgs& args) {
  BatchFormat format{.csv = args.format == "csv", .fields = ParseFieldList(args.fields)};
  if (std::string bad = CheckFields(format); !bad.empty()) {
    std::cerr << "credence: error: " << bad << "\n";
    return kExitUsage;
  }
  AnalyzerOptions options;
  ApplyModelOptions(args.models, &options);
  Result<Analyzer> analyzer = Analyzer::Create(options);
  if (!analyzer) return Fail(analyzer.error());

  if (args.resume && args.output.empty()) {
    std::cerr << "credence: error: --resume needs -o OUT (the output of the interrupted run)\n";
    return kExitUsage;
  }
  Result<ResumeState> resumed = args.resume ? ReadResumeState(args.output, format.csv) : ResumeState{};
  if (!resumed) return Fail(resumed.error());
  const ResumeState* resume = args.resume ? &*resumed : nullptr;
  std::FILE* out = stdout;
  if (!args.output.empty()) {
    out = std::fopen(args.output.c_str(), resume != nullptr ? "ab" : "wb");
    if (!out) {
      std::cerr << "credence: error: cannot write " << args.output << ": " << std::strerror(errno) << "\n";
      return kExitNotFound;
    }
  }
  // The first write error ends the batch: no record is read after it (a
  // reader that went away, `credence batch ... | head`, stops the work at once).
  bool write_failed = false;
  int write_errno = 0;
  auto note_write_error = [&] {
    if (!write_failed) write_errno = errno;
    write_failed = true;
  };
  auto emit = [&](const std::string& s) {
    if (!write_failed && std::fwrite(s.data(), 1, s.size(), out) != s.size()) note_write_error();
  };
  if (format.csv && !(resume != nullptr && resume->has_header)) emit(CsvHeader(format));

  const RecordFields fields{args.id_field, args.url_field, args.title_field, args.text_field, args.html_field};
  InputSequence inputs(ListInputs(args), fields, args.max_bytes);
  const Analyzer& a = *analyzer;
  auto work = [&](BatchRecord&& r) { return AnalyzeRecord(a, std::move(r), fields, format, args.max_bytes); };

  std::map<std::string, std::uint64_t> errors, labels;
  std::uint64_t records = 0, bytes = 0;
  auto write = [&](BatchResult&& r) {
    ++records;
    bytes += r.input_bytes;
    if (!r.error_kind.empty()) ++errors[r.error_kind];
    else if (!r.label.empty()) ++labels[r.label];
    emit(r.line);
  };
  const bool show_progress = !args.quiet && ::isatty(STDERR_FILENO) == 1;
  auto progress = [&](const BatchProgress& p) {
    const double secs = std::chrono::duration<double>(p.elapsed).count();
    std::string eta;
    if (p.total_bytes > 0 && p.bytes_read > 0 && secs > 0) {
      const double left = secs * (static_cast<double>(p.total_bytes) / static_cast<double>(p.bytes_read) - 1);
      char buf[32];
      std::snprintf(buf, sizeof buf, "  ETA %d:%02d", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
      eta = buf;
    }
    std::fprintf(stderr, "\r\033[K%llu records  %.1f MB  %.0f records/s%s%s",
                 static_cast<unsigned long long>(p.records), static_cast<double>(p.bytes_read) / 1e6,
                 secs > 0 ? static_cast<double>(p.records) / secs : 0.0, eta.c_str(),
                 p.errors ? ("  " + std::to_string(p.errors) + " errors").c_str() : "");
  };
  const auto start = std::chrono::steady_clock::now();
  BatchOptions batch{.threads = args.threads, .ordered = !args.unordered, .window = 0};
  std::uint64_t skipped = 0;
  auto next = [&](BatchRecord* r) -> Result<bool> {
    for (;;) {
      if (write_failed) return false;
      Result<bool> got = inputs.Next(r);
      if (!got || !*got || resume == nullptr || !resume->done.count(ResumeKey(r->source, r->position))) return got;
      ++skipped;  // written by the interrupted run
    }
  };
  const Status status = RunBatch(next, work, write, batch,
                                 show_progress ? std::function<void(const BatchProgress&)>(progress) : nullptr,
                                 std::chrono::milliseconds(250), [&] { return inputs.Bytes(); });
  if (show_progress) std::fprintf(stderr, "\r\033[K");
  if (std::fflush(out) != 0) note_write_error();
  if (out != stdout && std::fclose(out) != 0) note_write_error();
  // The reader went away: the output is incomplete, nothing is wrong (no summary either).
  if (write_failed && write_errno == EPIPE) return WriteFailed("the output", EPIPE);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!args.quiet) {
    std::uint64_t error_total = 0;
    std::string error_text, label_text;
    for (const auto& [kind, n] : errors) {
      error_total += n;
      error_text += (error_text.empty() ? "" : ", ") + kind + " " + std::to_string(n);
    }
    for (const auto& [label, n] : labels) label_text += (label_text.empty() ? "" : ", ") + label + " " + std::to_string(n);
    if (resume != nullptr)
      std::fprintf(stderr, "credence batch: resumed %s: %llu records already there\n", args.output.c_str(),
                   static_cast<unsigned long long>(skipped));
    std::fprintf(stderr, "credence batch: %llu records, %llu analyzed, %llu errors%s%s%s; labels: %s; "
                 "%.1f MB in %.2f s (%.0f records/s, %.2f MB/s)\n",
                 static_cast<unsigned long long>(records), static_cast<unsigned long long>(records - error_total),
                 static_cast<unsigned long long>(error_total), error_text.empty() ? "" : " (",
                 error_text.c_str(), error_text.empty() ? "" : ")", label_text.empty() ? "none" : label_text.c_str(),
                 static_cast<double>(bytes) / 1e6, secs, secs > 0 ? static_cast<double>(records) / secs : 0.0,
                 secs > 0 ? static_cast<double>(bytes) / 1e6 / secs : 0.0);
  }
  if (write_failed) return WriteFailed("the output", write_errno);
  if (!status.ok()) return Fail(status);
  return kExitOk;
}

}  // namespace credence::internal
