// The fact-check index file: written once, then memory-mapped and checked
// whole before any search reads it, so that a damaged or hostile file is a
// kDataError, never a read out of bounds.
//
// Layout (little-endian, docs/fact-checks.md): a 72-byte header, then
//   terms       num_terms x {u64 term hash, u32 first posting, u32 document frequency}, by hash
//   postings    num_postings x {u32 record, f32 BM25 term weight}, grouped by term in the terms' order
//   lengths     num_docs x u32 (each record's term count), padded to 8 bytes
//   text_ends   (num_docs + 1) x u64 offsets into texts: claim '\0' title
//   json_ends   (num_docs + 1) x u64 offsets into jsons: the record in credence's format
//   sig_ends    (num_docs + 1) x u64 offsets (in 8-byte words) into signatures
//   signatures  per record: kCheckListCount u32 counts (padded to 8 bytes), then the
//               hashes of each list of its CheckSignature (match_features.h), sorted
//   texts, jsons
#include "factcheck/fact_check_index.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <new>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include "factcheck/fact_check_json.h"
#include "factcheck/match_features.h"
#include "factcheck/retrieval_terms.h"

namespace credence::internal {
namespace {

constexpr char kMagic[8] = {'C', 'R', 'E', 'D', 'F', 'C', 'I', 'X'};
constexpr std::uint32_t kVersion = 2;
constexpr std::size_t kCountWords = (kCheckListCount * 4 + 7) / 8;  // the counts at the head of a signature

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t num_docs;
  std::uint64_t num_terms;
  std::uint64_t num_postings;
  std::uint64_t text_bytes;
  std::uint64_t json_bytes;
  double avg_length;
  std::uint64_t checksum;  // XXH3-64 of every byte after the header
  std::uint64_t signature_words;
};
static_assert(sizeof(Header) == 72);

struct TermEntry {
  std::uint64_t hash;
  std::uint32_t first;
  std::uint32_t df;
};
static_assert(sizeof(TermEntry) == 16);

// A record holding a term, with BM25's term-frequency part for it,
// tf (k1 + 1) / (tf + k1 (1 - b + b len / avg len)), computed when indexed:
// a search then only multiplies by the term's idf.
struct Posting {
  std::uint32_t doc;
  float weight;
};
static_assert(sizeof(Posting) == 8);

std::uint64_t TermHash(std::string_view term) { return XXH3_64bits(term.data(), term.size()); }

std::uint64_t Pad8(std::uint64_t n) { return (n + 7) / 8 * 8; }

template <typename T>
std::string_view Bytes(const std::vector<T>& values) {
  return {reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T)};
}

// XXH3-64 of the sections one after another (as of their concatenation).
template <std::size_t N>
std::uint64_t Checksum(const std::array<std::string_view, N>& sections) {
  XXH3_state_t* state = XXH3_createState();
  if (state == nullptr) throw std::bad_alloc();
  XXH3_64bits_reset(state);
  for (std::string_view section : sections) XXH3_64bits_update(state, section.data(), section.size());
  const std::uint64_t hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return hash;
}

}  // namespace

struct FactCheckIndex::Mapping {
  void* base = nullptr;
  std::size_t bytes = 0;
  Header header{};
  const TermEntry* terms = nullptr;
  const Posting* postings = nullptr;
  const std::uint32_t* lengths = nullptr;
  const std::uint64_t* text_ends = nullptr;
  const std::uint64_t* json_ends = nullptr;
  const std::uint64_t* sig_ends = nullptr;
  const std::uint64_t* signatures = nullptr;
  const char* texts = nullptr;
  const char* jsons = nullptr;

  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (base != nullptr) munmap(base, bytes);
  }
};

Status WriteFactCheckIndex(const std::string& path, const std::vector<FactCheck>& records) {
  if (records.size() >= 0xFFFFFFFFu) return Status(StatusCode::kTooLarge, "more than 4 billion fact-checks");
  std::unordered_map<std::uint64_t, std::vector<Posting>> by_term;
  std::vector<std::uint32_t> lengths(records.size());
  std::string texts, jsons;
  std::vector<std::uint64_t> text_ends{0}, json_ends{0}, sig_ends{0}, signatures;
  double total_length = 0;
  std::unordered_map<std::uint64_t, std::uint32_t> tf;
  for (std::size_t d = 0; d < records.size(); ++d) {
    const FactCheck& f = records[d];
    const std::vector<std::string> terms = RetrievalTerms(f.claim + "\n" + f.title);
    tf.clear();
    for (const std::string& t : terms) ++tf[TermHash(t)];
    for (const auto& [hash, count] : tf) by_term[hash].push_back({static_cast<std::uint32_t>(d), static_cast<float>(count)});
    lengths[d] = static_cast<std::uint32_t>(terms.size());
    total_length += static_cast<double>(terms.size());
    texts += f.claim;
    texts += '\0';
    texts += f.title;
    text_ends.push_back(texts.size());
    jsons += FactCheckToJson(f).dump();
    json_ends.push_back(jsons.size());
    const CheckSignature sig = MakeCheckSignature(f.claim, f.title);
    std::array<std::uint32_t, kCountWords * 2> counts{};
    for (std::size_t k = 0; k < kCheckListCount; ++k) counts[k] = static_cast<std::uint32_t>(sig[k].size());
    const std::size_t at = signatures.size();
    signatures.resize(at + kCountWords);
    std::memcpy(signatures.data() + at, counts.data(), kCountWords * 8);
    for (const auto& list : sig) signatures.insert(signatures.end(), list.begin(), list.end());
    sig_ends.push_back(signatures.size());
  }
  // Term frequencies become BM25 weights, now that the mean length is known.
  const double avg = records.empty() || total_length == 0 ? 1.0 : total_length / static_cast<double>(records.size());
  for (auto& [hash, list] : by_term)
    for (Posting& p : list) {
      const double count = p.weight;
      const double norm = kBm25K1 * (1.0 - kBm25B + kBm25B * lengths[p.doc] / avg);
      p.weight = static_cast<float>(count * (kBm25K1 + 1.0) / (count + norm));
    }
  std::vector<std::uint64_t> hashes;
  hashes.reserve(by_term.size());
  for (const auto& entry : by_term) hashes.push_back(entry.first);
  std::sort(hashes.begin(), hashes.end());
  std::vector<TermEntry> terms;
  std::vector<Posting> postings;
  for (std::uint64_t h : hashes) {
    std::vector<Posting>& p = by_term[h];
    std::sort(p.begin(), p.end(), [](const Posting& a, const Posting& b) { return a.doc < b.doc; });
    if (postings.size() + p.size() >= 0xFFFFFFFFu) return Status(StatusCode::kTooLarge, "more than 4 billion postings");
    terms.push_back({h, static_cast<std::uint32_t>(postings.size()), static_cast<std::uint32_t>(p.size())});
    postings.insert(postings.end(), p.begin(), p.end());
  }
  // The sections in file order, hashed and written in place (a copy of the
  // whole body would double the writer's peak memory).
  const std::uint64_t unpadded = Bytes(terms).size() + Bytes(postings).size() + Bytes(lengths).size();
  const std::string padding(Pad8(unpadded) - unpadded, '\0');
  const std::array<std::string_view, 10> sections = {
      Bytes(terms), Bytes(postings), Bytes(lengths), padding, Bytes(text_ends), Bytes(json_ends), Bytes(sig_ends),
      Bytes(signatures), texts, jsons};
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kVersion;
  h.num_docs = static_cast<std::uint32_t>(records.size());
  h.num_terms = terms.size();
  h.num_postings = postings.size();
  h.text_bytes = texts.size();
  h.json_bytes = jsons.size();
  h.signature_words = signatures.size();
  h.avg_length = records.empty() ? 0.0 : total_length / static_cast<double>(records.size());
  h.checksum = Checksum(sections);
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Status(StatusCode::kIoError, "cannot write " + temp + ": " + std::strerror(errno));
    out.write(reinterpret_cast<const char*>(&h), sizeof h);
    for (std::string_view section : sections) out.write(section.data(), static_cast<std::streamsize>(section.size()));
    out.close();
    if (!out) {
      std::remove(temp.c_str());
      return Status(StatusCode::kIoError, "cannot write " + temp + " (disk full?)");
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(temp.c_str());
    return Status(StatusCode::kIoError, "cannot move the index into place at " + path + ": " + why);
  }
  return Status::Ok();
}

Result<FactCheckIndex> FactCheckIndex::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Error(errno == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                 "cannot open the fact-check index " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error(StatusCode::kIoError, "the fact-check index " + path + " is not a regular file");
  }
  auto bad = [&](const std::string& why) { return Error(StatusCode::kDataError, "the fact-check index " + path + " is damaged: " + why); };
  const auto bytes = static_cast<std::uint64_t>(st.st_size);
  if (bytes < sizeof(Header)) {
    ::close(fd);
    return bad("shorter than its header");
  }
  auto m = std::make_shared<Mapping>();
  m->base = mmap(nullptr, bytes, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (m->base == MAP_FAILED) {
    m->base = nullptr;
    return Error(StatusCode::kIoError, "cannot map " + path + ": " + std::strerror(errno));
  }
  m->bytes = bytes;
  const char* p = static_cast<const char*>(m->base);
  std::memcpy(&m->header, p, sizeof(Header));
  const Header& h = m->header;
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return bad("not a credence fact-check index (wrong magic)");
  if (h.version != kVersion) return bad("version " + std::to_string(h.version) + ", this credence reads " + std::to_string(kVersion));
  // Sizes, each bounded by the file before they are multiplied.
  const std::uint64_t rest = bytes - sizeof(Header);
  if (h.num_terms > rest / sizeof(TermEntry) || h.num_postings > rest / sizeof(Posting) || h.num_docs > rest / 4 ||
      h.text_bytes > rest || h.json_bytes > rest || h.signature_words > rest / 8)
    return bad("counts larger than the file");
  const std::uint64_t terms_at = sizeof(Header);
  const std::uint64_t postings_at = terms_at + h.num_terms * sizeof(TermEntry);
  const std::uint64_t lengths_at = postings_at + h.num_postings * sizeof(Posting);
  const std::uint64_t text_ends_at = Pad8(lengths_at + std::uint64_t{h.num_docs} * 4);
  const std::uint64_t json_ends_at = text_ends_at + (std::uint64_t{h.num_docs} + 1) * 8;
  const std::uint64_t sig_ends_at = json_ends_at + (std::uint64_t{h.num_docs} + 1) * 8;
  const std::uint64_t signatures_at = sig_ends_at + (std::uint64_t{h.num_docs} + 1) * 8;
  const std::uint64_t texts_at = signatures_at + h.signature_words * 8;
  const std::uint64_t jsons_at = texts_at + h.text_bytes;
  if (jsons_at + h.json_bytes != bytes) return bad("its size does not match its counts");
  if (XXH3_64bits(p + sizeof(Header), rest) != h.checksum) return bad("checksum mismatch");
  m->terms = reinterpret_cast<const TermEntry*>(p + terms_at);
  m->postings = reinterpret_cast<const Posting*>(p + postings_at);
  m->lengths = reinterpret_cast<const std::uint32_t*>(p + lengths_at);
  m->text_ends = reinterpret_cast<const std::uint64_t*>(p + text_ends_at);
  m->json_ends = reinterpret_cast<const std::uint64_t*>(p + json_ends_at);
  m->sig_ends = reinterpret_cast<const std::uint64_t*>(p + sig_ends_at);
  m->signatures = reinterpret_cast<const std::uint64_t*>(p + signatures_at);
  m->texts = p + texts_at;
  m->jsons = p + jsons_at;
  // Every offset in range, so that searches need no checks of their own.
  std::uint64_t next = 0;
  for (std::uint64_t t = 0; t < h.num_terms; ++t) {
    const TermEntry& e = m->terms[t];
    if (e.first != next || e.df == 0 || (t > 0 && m->terms[t - 1].hash >= e.hash)) return bad("term table out of order");
    next += e.df;
  }
  if (next != h.num_postings) return bad("postings do not add up");
  for (std::uint64_t i = 0; i < h.num_postings; ++i)
    if (m->postings[i].doc >= h.num_docs || !(m->postings[i].weight > 0.0f && m->postings[i].weight <= kBm25K1 + 1.0f))
      return bad("a posting names no record or has no weight");
  if (m->text_ends[0] != 0 || m->json_ends[0] != 0 || m->text_ends[h.num_docs] != h.text_bytes ||
      m->json_ends[h.num_docs] != h.json_bytes)
    return bad("record offsets out of range");
  for (std::uint32_t d = 0; d < h.num_docs; ++d) {
    if (m->text_ends[d + 1] < m->text_ends[d] || m->json_ends[d + 1] < m->json_ends[d]) return bad("record offsets out of order");
    if (std::memchr(m->texts + m->text_ends[d], '\0', m->text_ends[d + 1] - m->text_ends[d]) == nullptr)
      return bad("a record's texts are not claim and title");
    // A signature: its counts, then exactly as many hashes as they say.
    const std::uint64_t from = m->sig_ends[d], to = m->sig_ends[d + 1];
    if (to < from || to > h.signature_words || to - from < kCountWords) return bad("record signatures out of range");
    std::array<std::uint32_t, kCountWords * 2> counts{};
    std::memcpy(counts.data(), m->signatures + from, kCountWords * 8);
    std::uint64_t total = 0;
    for (std::size_t k = 0; k < kCheckListCount; ++k) total += counts[k];
    if (total != to - from - kCountWords) return bad("a record's signature does not add up");
  }
  if (m->sig_ends[0] != 0 || m->sig_ends[h.num_docs] != h.signature_words) return bad("record signatures out of range");
  if (!std::isfinite(h.avg_length) || h.avg_length < 0) return bad("average length not a number");
  return FactCheckIndex(std::move(m));
}

std::size_t FactCheckIndex::size() const { return mapping_->header.num_docs; }

std::string_view FactCheckIndex::Claim(std::uint32_t doc) const {
  const char* start = mapping_->texts + mapping_->text_ends[doc];
  return {start, std::strlen(start)};
}

std::string_view FactCheckIndex::Title(std::uint32_t doc) const {
  const std::string_view claim = Claim(doc);
  const char* start = claim.data() + claim.size() + 1;
  const char* end = mapping_->texts + mapping_->text_ends[doc + 1];
  return {start, static_cast<std::size_t>(end - start)};
}

bool FactCheckIndex::HasTitle(std::uint32_t doc) const {
  // claim '\0' title: the title is empty when the record's text ends with
  // the separator (Open checked that every record's text holds one).
  return mapping_->texts[mapping_->text_ends[doc + 1] - 1] != '\0';
}

std::uint32_t FactCheckIndex::Length(std::uint32_t doc) const { return mapping_->lengths[doc]; }

CheckSignatureView FactCheckIndex::Signature(std::uint32_t doc) const {
  const std::uint64_t* block = mapping_->signatures + mapping_->sig_ends[doc];
  std::array<std::uint32_t, kCountWords * 2> counts{};
  std::memcpy(counts.data(), block, kCountWords * 8);
  const std::uint64_t* at = block + kCountWords;
  CheckSignatureView view;
  for (std::size_t k = 0; k < kCheckListCount; ++k) {
    view[k] = std::span<const std::uint64_t>(at, counts[k]);
    at += counts[k];
  }
  return view;
}

Result<FactCheck> FactCheckIndex::Record(std::uint32_t doc) const {
  const char* start = mapping_->jsons + mapping_->json_ends[doc];
  const char* end = mapping_->jsons + mapping_->json_ends[doc + 1];
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(start, end);
  } catch (const nlohmann::json::exception& e) {
    return Error(StatusCode::kDataError, std::string("fact-check index: record ") + std::to_string(doc) + ": " + e.what());
  }
  if (!j.is_object()) return Error(StatusCode::kDataError, "fact-check index: record " + std::to_string(doc) + " is not an object");
  return ReadFactCheckRecord(j);
}

std::vector<FactCheck> FactCheckIndex::AllRecords() const {
  std::vector<FactCheck> out;
  out.reserve(size());
  for (std::uint32_t d = 0; d < size(); ++d)
    if (Result<FactCheck> r = Record(d)) out.push_back(std::move(*r));
  return out;
}

std::vector<Bm25Hit> FactCheckIndex::Search(const std::vector<std::string>& query, std::size_t k) const {
  const Mapping& m = *mapping_;
  const std::uint32_t n = m.header.num_docs;
  if (n == 0 || k == 0) return {};
  // Distinct terms found in the index, rarest first.
  std::vector<const TermEntry*> found;
  std::vector<std::uint64_t> hashes;
  hashes.reserve(query.size());
  for (const std::string& t : query) hashes.push_back(TermHash(t));
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  const TermEntry* begin = m.terms;
  const TermEntry* end = m.terms + m.header.num_terms;
  for (std::uint64_t h : hashes) {
    const TermEntry* e = std::lower_bound(begin, end, h, [](const TermEntry& a, std::uint64_t v) { return a.hash < v; });
    if (e != end && e->hash == h) found.push_back(e);
  }
  std::sort(found.begin(), found.end(), [](const TermEntry* a, const TermEntry* b) { return a->df < b->df; });
  if (found.size() > kMaxQueryTerms) found.resize(kMaxQueryTerms);
  // Terms in more than kMaxTermShare of the records weigh little (idf below ~4)
  // and cost the most: they add to records that the rarer terms found only.
  const double common = kMaxTermShare * n;
  thread_local std::vector<float> score;
  thread_local std::vector<std::uint32_t> touched;
  if (score.size() < n) score.assign(n, 0.0f);
  touched.clear();
  // The scores go back to 0 however this search ends (an allocation that
  // throws included), so that the thread's next search starts clean.
  struct ResetScores {
    std::vector<float>& score;
    std::vector<std::uint32_t>& touched;
    ~ResetScores() {
      for (std::uint32_t d : touched) score[d] = 0.0f;
    }
  } reset{score, touched};
  for (const TermEntry* e : found) {
    const double idf = std::log(1.0 + (n - e->df + 0.5) / (e->df + 0.5));
    const bool only_add = e->df > common && !touched.empty();
    for (std::uint32_t i = e->first; i < e->first + e->df; ++i) {
      const Posting& post = m.postings[i];
      // Checked at Open; checked again because the file may have been
      // changed in place since (cp over it): never write out of bounds.
      if (post.doc >= n) continue;
      if (score[post.doc] == 0.0f) {
        if (only_add) continue;
        touched.push_back(post.doc);
      }
      score[post.doc] += static_cast<float>(idf) * post.weight;
    }
  }
  std::vector<Bm25Hit> hits;
  hits.reserve(touched.size());
  for (std::uint32_t d : touched) hits.push_back({d, score[d]});
  auto better = [](const Bm25Hit& a, const Bm25Hit& b) { return a.score != b.score ? a.score > b.score : a.doc < b.doc; };
  if (hits.size() > k) {
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(k), hits.end(), better);
    hits.resize(k);
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
  return hits;
}

}  // namespace credence::internal
