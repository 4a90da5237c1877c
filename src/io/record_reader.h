// RecordReader: the records of a batch input, one at a time, whatever the
// format: JSONL, CSV, WARC (plain or gzipped), or a list of text and HTML
// files. A record that cannot be read (bad JSON, a broken CSV row, a WARC
// record without a body) comes back with `error` set, so that the batch
// reports it and goes on; only a failure of the input itself (unreadable
// file, damaged gzip) ends a reader.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "credence/status.h"
#include "io/byte_stream.h"

namespace credence::internal {

struct BatchRecord {
  std::string source;         // the input file it came from ("-" for standard input)
  std::uint64_t position = 0; // line number (JSONL, CSV: 1-based) or byte offset of the record (WARC)
  std::string id;             // the record's id; "" when it has none (the batch then uses source:position)
  std::string url;
  std::string title;
  std::string body;           // the article: text, or HTML when `html`
  bool html = false;          // the body is known to be HTML (an html field, a WARC response, a .html file)
  bool detect_html = false;   // the body may be HTML: decide from its bytes
  bool json_pending = false;  // body is a JSONL line not parsed yet: ParseJsonRecord fills the record
                              //   (on a worker, so that parsing scales with the threads)
  std::string error;          // non-empty: this record is bad, and why
  bool error_kind_input = false;  // the error is the input's (cannot open or read on), not one record's
};

// Names of the fields of JSONL and CSV records.
struct RecordFields {
  std::string id = "id";
  std::string url = "url";
  std::string title = "title";
  std::string text = "text";
  std::string html = "html";
};

class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // Reads the next record into `*out` (cleared first). Returns false at the
  // end; fails when the input itself cannot be read on.
  virtual Result<bool> Next(BatchRecord* out) = 0;
  // Progress in the underlying file: bytes read and its size (0 unknown).
  virtual std::uint64_t bytes_read() const = 0;
  virtual std::uint64_t size() const = 0;
};

// Sets the record's body from its text and html fields: the text when it
// has content, else the HTML (html = true), else an error naming the two
// field names of `fields`. Shared by the JSONL and CSV readers.
void SetRecordBody(std::string text, std::string html, const RecordFields& fields, BatchRecord* out);

// Parses a record that a JSONL reader left pending (`json_pending`): its
// line becomes id, url, title and body (SetRecordBody), or an error ("not
// valid JSON", "not a JSON object"). Does nothing to other records.
void ParseJsonRecord(const RecordFields& fields, BatchRecord* record);

// `path` without a trailing ".gz": "a/b.html.gz" -> "a/b.html".
std::string_view NameWithoutGz(std::string_view path);

// What an article file holds, by its extension (a trailing .gz looked
// through): text (.txt), HTML (.html, .htm), or unknown.
enum class ArticleFileKind { kText, kHtml, kUnknown };
ArticleFileKind ArticleFileKindOf(std::string_view path);

// Each reader takes a stream opened by OpenByteStream and the name to
// report as the records' source. `max_record` bounds one record's size in
// bytes: a larger one becomes an error record, not an allocation.
// JSONL: each non-blank line is a record left for ParseJsonRecord.
std::unique_ptr<RecordReader> OpenJsonlRecords(std::unique_ptr<ByteStream> in, std::string source,
                                               std::size_t max_record);
// CSV (RFC 4180: quoted fields, "" escapes, newlines inside quotes), with a
// header row naming the fields.
std::unique_ptr<RecordReader> OpenCsvRecords(std::unique_ptr<ByteStream> in, std::string source,
                                             const RecordFields& fields, std::size_t max_record);
// WARC 1.0/1.1: each `response` record whose HTTP payload is HTML (or
// text/plain) becomes a record: id = WARC-Record-ID, url = WARC-Target-URI,
// body = the HTTP body (chunked transfer decoded; gzip/deflate
// Content-Encoding decoded), html = true for text/html. Other record types
// (request, metadata, warcinfo, resources that are not text) are skipped.
std::unique_ptr<RecordReader> OpenWarcRecords(std::unique_ptr<ByteStream> in, std::string source,
                                              std::size_t max_record);

// One record per file: `paths` are files (a folder's .txt, .html, .htm
// files and their .gz forms, listed by the caller). id = the path; body =
// the file's bytes (gunzipped); html for .html/.htm, text for .txt,
// detected otherwise. A file that cannot be read is an error record.
std::unique_ptr<RecordReader> OpenFileRecords(std::vector<std::string> paths, std::size_t max_record);

}  // namespace credence::internal
