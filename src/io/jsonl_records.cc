// JSONL records: one JSON object per line, read with a bounded line length.
// The reader only cuts lines; ParseJsonRecord (run by the batch's workers)
// parses them. A line that is not a JSON object, or has neither a text nor
// an html field, is an error record carrying its line number (text is used
// when both are present, html otherwise); blank lines are skipped. Also the
// file-list reader, one record per file.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "io/input_reader.h"
#include "io/record_reader.h"

namespace credence::internal {
namespace {

// A JSON value as a record field: strings as they are, numbers as JSON
// text (ids are often numbers), anything else "".
std::string FieldString(const nlohmann::json& j, const std::string& key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number() || it->is_boolean()) return it->dump();
  return "";
}

class JsonlRecords : public RecordReader {
 public:
  JsonlRecords(std::unique_ptr<ByteStream> in, std::string source, std::size_t max_record)
      : in_(std::move(in)), lines_(*in_, max_record), source_(std::move(source)), max_record_(max_record) {}

  Result<bool> Next(BatchRecord* out) override {
    for (;;) {
      *out = BatchRecord{};
      Result<LineStatus> status = lines_.Next(&line_);
      if (!status) return tl::unexpected(status.error());
      if (*status == LineStatus::kEnd) return false;
      out->source = source_;
      out->position = lines_.line_number();
      if (*status == LineStatus::kTooLong) {
        out->error = "record larger than the limit of " + std::to_string(max_record_) + " bytes (--max-bytes)";
        return true;
      }
      if (std::all_of(line_.begin(), line_.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; }))
        continue;  // blank line
      out->body.swap(line_);
      out->json_pending = true;
      return true;
    }
  }
  std::uint64_t bytes_read() const override { return in_->raw_bytes_read(); }
  std::uint64_t size() const override { return in_->raw_size(); }

 private:
  std::unique_ptr<ByteStream> in_;
  LineReader lines_;
  std::string source_;
  std::size_t max_record_;
  std::string line_;
};

class FileRecords : public RecordReader {
 public:
  FileRecords(std::vector<std::string> paths, std::size_t max_record)
      : paths_(std::move(paths)), max_record_(max_record) {}

  Result<bool> Next(BatchRecord* out) override {
    if (next_ >= paths_.size()) return false;
    *out = BatchRecord{};
    const std::string& path = paths_[next_++];
    out->source = path;
    out->position = next_;
    out->id = path;
    const ArticleFileKind kind = ArticleFileKindOf(path);
    out->html = kind == ArticleFileKind::kHtml;
    out->detect_html = kind == ArticleFileKind::kUnknown;
    Result<std::string> bytes = ReadInput(path, max_record_);
    if (!bytes) {
      out->error = bytes.error().message();
    } else {
      bytes_ += bytes->size();
      out->body = std::move(*bytes);
    }
    return true;
  }
  std::uint64_t bytes_read() const override { return bytes_; }
  std::uint64_t size() const override { return 0; }

 private:
  std::vector<std::string> paths_;
  std::size_t max_record_;
  std::size_t next_ = 0;
  std::uint64_t bytes_ = 0;  // (decompressed) bytes of the files read
};

}  // namespace

void ParseJsonRecord(const RecordFields& fields, BatchRecord* record) {
  if (!record->json_pending) return;
  record->json_pending = false;
  const std::string line = std::move(record->body);
  record->body.clear();
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    record->error = "not valid JSON";
    return;
  }
  if (!j.is_object()) {
    record->error = "not a JSON object";
    return;
  }
  record->id = FieldString(j, fields.id);
  record->url = FieldString(j, fields.url);
  record->title = FieldString(j, fields.title);
  SetRecordBody(FieldString(j, fields.text), FieldString(j, fields.html), fields, record);
}

std::unique_ptr<RecordReader> OpenJsonlRecords(std::unique_ptr<ByteStream> in, std::string source,
                                               std::size_t max_record) {
  return std::make_unique<JsonlRecords>(std::move(in), std::move(source), max_record);
}

std::unique_ptr<RecordReader> OpenFileRecords(std::vector<std::string> paths, std::size_t max_record) {
  return std::make_unique<FileRecords>(std::move(paths), max_record);
}

}  // namespace credence::internal
