// Runs a fuzz target without libFuzzer, for the test suite (any compiler,
// under ASan and UBSan): every file of the seed folder, then a fixed number
// of deterministic mutations of each (bytes flipped, inserted, deleted,
// cut, and seeds spliced). Usage: TARGET_replay SEED_DIR [MUTATIONS_PER_SEED]
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int Run(const std::string& bytes) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

std::string Mutate(std::string s, const std::vector<std::string>& seeds, std::mt19937_64& rng) {
  const int edits = 1 + static_cast<int>(rng() % 8);
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = s.empty() ? 0 : rng() % s.size();
    switch (rng() % 6) {
      case 0: if (!s.empty()) s[at] = static_cast<char>(rng()); break;
      case 1: s.insert(at, 1, static_cast<char>(rng())); break;
      case 2: if (!s.empty()) s.erase(at, 1 + rng() % 16); break;
      case 3: s.resize(at); break;
      case 4: { const std::string& other = seeds[rng() % seeds.size()];
                if (!other.empty()) s.insert(at, other.substr(rng() % other.size(), 64)); } break;
      default: { static const char* kTokens[] = {"{", "}", "[", "]", "\"", ":", ",", "\\u0000", "\n", "null", "1e999",
                                                  "\"@graph\"", "\"claimReviewed\"", "\"claim\"", "\xff", "\0"};
                 s.insert(at, kTokens[rng() % (sizeof kTokens / sizeof *kTokens)]); } break;
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " SEED_DIR [MUTATIONS_PER_SEED]\n";
    return 2;
  }
  const int mutations = argc > 2 ? std::atoi(argv[2]) : 200;
  std::vector<std::string> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    seeds.push_back(bytes.str());
  }
  if (seeds.empty()) {
    std::cerr << "no seeds in " << argv[1] << "\n";
    return 2;
  }
  std::mt19937_64 rng(20261207);
  std::size_t runs = 0;
  for (const std::string& seed : seeds) {
    Run(seed), ++runs;
    for (int m = 0; m < mutations; ++m) Run(Mutate(seed, seeds, rng)), ++runs;
  }
  std::cout << runs << " inputs, no crash\n";
  return 0;
}
