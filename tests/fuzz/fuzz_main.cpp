// Runs the fuzz target without libFuzzer, so it builds and runs in every
// CTest run and never bitrots: fixed inputs, the sample news with random
// mutations, and random byte strings. Arguments are extra input files.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

int run(const std::string &input) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.data()), input.size());
}

std::string read_file(const char *path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

} // namespace

int main(int argc, char **argv) {
  const std::string news = read_file(WIRESPEED_SOURCE_DIR "/tests/data/tokenize/news_sample.txt");
  if (news.empty()) {
    std::fprintf(stderr, "tokenize_fuzz: sample text missing\n");
    return 1;
  }
  const std::vector<std::string> fixed = {"",        " ",      "a",  ".",  "U.S.",     "www.",
                                          "http://", "a@b.co", "@",  "#",  "\xE2\x80", "\xFF",
                                          "x-",      "-x",     "1,", ",1", "Mr.",      news};
  for (const std::string &input : fixed) {
    run(input);
  }
  for (int i = 1; i < argc; ++i) {
    run(read_file(argv[i]));
  }
  std::mt19937_64 rng(2024);
  for (int round = 0; round < 2000; ++round) {
    std::string input = news.substr(rng() % news.size(), rng() % 400);
    for (int flips = static_cast<int>(rng() % 6); flips > 0 && !input.empty(); --flips) {
      input[rng() % input.size()] = static_cast<char>(rng());
    }
    run(input);
    std::string noise(rng() % 200, '\0');
    for (char &c : noise) {
      c = "a1 .,-'@#:/\n\xC3\xA9\xE2\x80\x99"[rng() % 17];
    }
    run(noise);
  }
  std::printf("tokenize_fuzz: 4000 random and %zu fixed inputs agree on every level\n",
              fixed.size() + static_cast<std::size_t>(argc - 1));
  return 0;
}
