// Fuzz target: a fact-check index file from any bytes. FactCheckIndex::Open
// must refuse a damaged file with a Status; an index it accepts must answer
// searches and record reads within its mapping. The first byte picks whether
// the input is taken as an index file or as a collection to index and search
// (so that well-formed indexes are reached too), and whether a file's
// checksum is recomputed before it is opened.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include <xxhash.h>

#include "factcheck/collection_reader.h"
#include "factcheck/fact_check_index.h"
#include "factcheck/match_features.h"
#include "factcheck/retrieval_terms.h"

namespace {

std::string TempPath() { return "/tmp/credence-fuzz-index-" + std::to_string(::getpid()) + ".idx"; }

void Exercise(const credence::internal::FactCheckIndex& index, std::string_view query) {
  for (const credence::internal::Bm25Hit& hit : index.Search(credence::internal::RetrievalTerms(query), 5)) {
    if (hit.doc >= index.size()) std::abort();
    (void)index.Claim(hit.doc);
    (void)index.Title(hit.doc);
    (void)index.Record(hit.doc);
    (void)credence::internal::MatchFeatures(credence::internal::PrepareMatchQuery(query), index.Signature(hit.doc),
                                            index.HasTitle(hit.doc), hit.score, hit.score, 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  using namespace credence::internal;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string path = TempPath();
  if (data[0] & 1) {
    // The checksum is made right (when the first byte's second bit is set),
    // so that mutated files reach the structural checks behind it.
    std::string file(bytes);
    constexpr std::size_t kHeader = 72, kChecksumAt = 56;
    if ((data[0] & 2) && file.size() >= kHeader) {
      const std::uint64_t sum = XXH3_64bits(file.data() + kHeader, file.size() - kHeader);
      file.replace(kChecksumAt, sizeof sum, reinterpret_cast<const char*>(&sum), sizeof sum);
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(file.data(), static_cast<std::streamsize>(file.size()));
    if (credence::Result<FactCheckIndex> index = FactCheckIndex::Open(path)) Exercise(*index, bytes.substr(0, 200));
  } else if (credence::Result<FactCheckCollection> c = ReadFactCheckCollection(bytes, "fuzz")) {
    if (!WriteFactCheckIndex(path, c->records).ok()) std::abort();
    credence::Result<FactCheckIndex> index = FactCheckIndex::Open(path);
    if (!index || index->size() != c->records.size()) std::abort();
    for (const credence::FactCheck& f : c->records) Exercise(*index, f.claim);
  }
  ::unlink(path.c_str());
  return 0;
}
