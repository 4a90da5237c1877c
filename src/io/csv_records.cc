// CSV records (RFC 4180) parsed as a stream: one pass over the buffered
// bytes, holding only the current row's fields, so a file of any size reads
// in bounded memory and an oversized row is passed over, not stored.
//
// Beyond the RFC, the choices Python's csv module makes: a quote inside an
// unquoted field, or text after a closing quote, is kept as data; "\n" and
// "\r\n" end a row while a lone "\r" is data; empty lines are skipped. A
// UTF-8 byte order mark before the header is dropped, and header names
// match RecordFields case-insensitively, surrounding blanks ignored (the
// first of two equal names wins). A header with neither a text nor an html
// column yields one error record and then the end: every row would fail
// the same way. A row's body is its text field when that has content, else
// its html field (html = true). An unterminated quote swallows the rest of
// the input, so it yields an error record and then the end.
#include <algorithm>
#include <string_view>
#include <vector>

#include "io/record_reader.h"
#include "io/stream_cursor.h"

namespace credence::internal {
namespace {

// More header columns than this is not a table of articles.
constexpr std::size_t kMaxColumns = 4096;

std::string LowerTrimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

enum class RowEnd { kRow, kBlank, kEnd, kUnterminated };

// One row as read: its first `keep` fields, how many it had in all, and
// whether it outgrew the record limit (its fields are then dropped).
struct Row {
  std::vector<std::string> fields;
  std::size_t count = 0;
  std::size_t bytes = 0;  // field bytes plus separators, quotes not counted
  bool too_large = false;
};

class CsvRecords : public RecordReader {
 public:
  CsvRecords(std::unique_ptr<ByteStream> in, std::string source, RecordFields fields, std::size_t max_record)
      : in_(std::move(in)),
        cursor_(*in_),
        source_(std::move(source)),
        names_(std::move(fields)),
        max_record_(max_record) {}

  Result<bool> Next(BatchRecord* out) override {
    *out = BatchRecord{};
    out->source = source_;
    if (done_) return false;
    if (columns_ == 0) {
      Result<bool> header = ReadHeader(out);
      if (!header || *header || done_) return header;
    }
    for (;;) {
      out->position = line_;
      Result<RowEnd> end = ReadRow(columns_);
      if (!end) return tl::unexpected(end.error());
      if (*end == RowEnd::kBlank) continue;
      if (*end == RowEnd::kEnd) {
        done_ = true;
        return false;
      }
      if (*end == RowEnd::kUnterminated) {
        done_ = true;
        out->error = "unterminated quoted field: the record runs to the end of the input";
      } else if (row_.too_large) {
        out->error = TooLargeMessage();
      } else if (row_.count != columns_) {
        out->error =
            "expected " + std::to_string(columns_) + " fields (as in the header), found " + std::to_string(row_.count);
      } else {
        FillRecord(out);
      }
      return true;
    }
  }

  std::uint64_t bytes_read() const override { return in_->raw_bytes_read(); }
  std::uint64_t size() const override { return in_->raw_size(); }

 private:
  std::string TooLargeMessage() const {
    return "record larger than the limit of " + std::to_string(max_record_) + " bytes (--max-bytes)";
  }

  // Reads the header row and finds the named columns. Returns true with an
  // error record (then the reader ends) when the header is unusable, false
  // when the input is empty; otherwise sets columns_ and returns false.
  Result<bool> ReadHeader(BatchRecord* out) {
    if (Result<bool> bom = SkipByteOrderMark(); !bom) return bom;
    RowEnd end = RowEnd::kBlank;
    while (end == RowEnd::kBlank) {
      out->position = line_;
      Result<RowEnd> got = ReadRow(kMaxColumns);
      if (!got) return tl::unexpected(got.error());
      end = *got;
    }
    done_ = true;  // unless the header proves usable
    if (end == RowEnd::kEnd) return false;
    if (end == RowEnd::kUnterminated)
      out->error = "unterminated quoted field in the header";
    else if (row_.too_large)
      out->error = "header: " + TooLargeMessage();
    else if (row_.count > kMaxColumns)
      out->error = "header has more than " + std::to_string(kMaxColumns) + " columns";
    if (!out->error.empty()) return true;
    const std::string wanted[] = {LowerTrimmed(names_.id), LowerTrimmed(names_.url), LowerTrimmed(names_.title),
                                  LowerTrimmed(names_.text), LowerTrimmed(names_.html)};
    int* slots[] = {&id_col_, &url_col_, &title_col_, &text_col_, &html_col_};
    for (std::size_t i = row_.fields.size(); i-- > 0;) {  // backwards, so the first equal name wins
      const std::string name = LowerTrimmed(row_.fields[i]);
      for (std::size_t k = 0; k < std::size(wanted); ++k) {
        if (!name.empty() && name == wanted[k]) *slots[k] = static_cast<int>(i);
      }
    }
    if (text_col_ < 0 && html_col_ < 0) {
      out->error = "no \"" + names_.text + "\" or \"" + names_.html + "\" column in the header";
      return true;
    }
    columns_ = row_.count;
    done_ = false;
    return false;
  }

  Result<bool> SkipByteOrderMark() {
    while (cursor_.buffered().size() < 3) {
      Result<bool> more = cursor_.Fill();
      if (!more) return more;
      if (!*more) break;
    }
    if (cursor_.buffered().substr(0, 3) == "\xEF\xBB\xBF") cursor_.Consume(3);
    return true;
  }

  void FillRecord(BatchRecord* out) {
    auto take = [&](int col) { return col < 0 ? std::string() : std::move(row_.fields[col]); };
    out->id = take(id_col_);
    out->url = take(url_col_);
    out->title = take(title_col_);
    std::string text = take(text_col_);  // first: the two names may be one column
    SetRecordBody(std::move(text), take(html_col_), names_, out);
  }

  // Counts `n` more bytes of the row; false (and the row too large, its
  // fields dropped) when they pass the limit.
  bool Count(std::size_t n) {
    if (row_.too_large) return false;
    if (n > max_record_ - std::min(max_record_, row_.bytes)) {
      row_.too_large = true;
      row_.fields.clear();
      row_.fields.shrink_to_fit();
      return false;
    }
    row_.bytes += n;
    return true;
  }

  // Adds `data` to the row's current field if that field is kept.
  void Append(std::string_view data) {
    if (Count(data.size()) && row_.count == row_.fields.size()) row_.fields.back().append(data);
  }

  // Starts the next field, kept when it is among the first `keep`.
  void StartField(std::size_t keep) {
    ++row_.count;
    const bool counted = row_.count == 1 || Count(1);  // the separator
    if (counted && row_.count <= keep) row_.fields.emplace_back();
  }

  Result<RowEnd> ReadRow(std::size_t keep);

  std::unique_ptr<ByteStream> in_;
  StreamCursor cursor_;
  std::string source_;
  RecordFields names_;
  std::size_t max_record_;
  std::uint64_t line_ = 1;   // the line the cursor is on
  std::size_t columns_ = 0;  // 0 until the header is read
  int id_col_ = -1, url_col_ = -1, title_col_ = -1, text_col_ = -1, html_col_ = -1;
  bool done_ = false;
  Row row_;
};

// Reads one row into row_, keeping its first `keep` fields. The states are those of RFC 4180's
// grammar; `pending_cr` holds a "\r" until the next byte says whether it
// ends the row.
Result<RowEnd> CsvRecords::ReadRow(std::size_t keep) {
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
  row_.fields.clear();
  row_.count = 0;
  row_.bytes = 0;
  row_.too_large = false;
  StartField(keep);
  State state = State::kFieldStart;
  bool pending_cr = false;
  bool started = false;  // a byte other than a line ending was seen
  for (;;) {
    std::string_view buf = cursor_.buffered();
    if (buf.empty()) {
      Result<bool> more = cursor_.Fill();
      if (!more) return tl::unexpected(more.error());
      if (*more) continue;
      if (state == State::kQuoted) return RowEnd::kUnterminated;
      if (!started) return pending_cr ? RowEnd::kBlank : RowEnd::kEnd;
      return RowEnd::kRow;  // a last row without a newline
    }
    std::size_t i = 0;
    while (i < buf.size()) {
      const char c = buf[i];
      if (pending_cr) {
        pending_cr = false;
        if (c != '\n') {
          started = true;
          Append("\r");
          if (state != State::kQuoted) state = State::kUnquoted;
        }
      }
      if (state == State::kQuoted) {
        const std::size_t quote = buf.find('"', i);
        const std::size_t stop = quote == std::string_view::npos ? buf.size() : quote;
        line_ += static_cast<std::uint64_t>(std::count(buf.begin() + i, buf.begin() + stop, '\n'));
        Append(buf.substr(i, stop - i));
        i = stop;
        if (quote != std::string_view::npos) {
          state = State::kQuoteInQuoted;
          ++i;
        }
        continue;
      }
      if (state == State::kQuoteInQuoted && c == '"') {  // "" inside quotes
        Append("\"");
        state = State::kQuoted;
        ++i;
        continue;
      }
      if (c == '\n') {
        ++line_;
        cursor_.Consume(i + 1);
        return started ? RowEnd::kRow : RowEnd::kBlank;
      }
      if (c == '\r') {
        pending_cr = true;
        ++i;
        continue;
      }
      started = true;
      if (c == ',') {
        StartField(keep);
        state = State::kFieldStart;
        ++i;
      } else if (c == '"' && state == State::kFieldStart) {
        state = State::kQuoted;
        ++i;
      } else {
        // Unquoted data, or data after a closing quote: up to the next
        // separator or line ending.
        std::size_t stop = buf.find_first_of(",\r\n", i);
        if (stop == std::string_view::npos) stop = buf.size();
        Append(buf.substr(i, stop - i));
        state = State::kUnquoted;
        i = stop;
      }
    }
    cursor_.Consume(buf.size());
  }
}

}  // namespace

std::unique_ptr<RecordReader> OpenCsvRecords(std::unique_ptr<ByteStream> in, std::string source,
                                             const RecordFields& fields, std::size_t max_record) {
  return std::make_unique<CsvRecords>(std::move(in), std::move(source), fields, max_record);
}

}  // namespace credence::internal
