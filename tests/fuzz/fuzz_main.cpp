// A main for libFuzzer targets in normal builds: runs the target on fixed
// inputs, then on deterministic random ones, so CTest exercises every fuzz
// target without libFuzzer. Usage: <target> [iterations] [seed]
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

const char *const fixed_inputs[] = {
    "",
    "\n",
    "New York\tre:[0-9]+\n#c\nZ\xC3\xBCrich\n",
    "re:(a)\\1\nre:(\nre:\nlabel\t\n",
    "\xFF\xFE\xC3\n\xE2\x80\x99\r\n\\re:x",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
};

} // namespace

int main(int argc, char **argv) {
  const long iterations = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 2000;
  const unsigned long seed = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1;
  for (const char *input : fixed_inputs) {
    const std::string bytes(input);
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
  }
  // Bytes biased towards the ones pattern files and news text are made of.
  static const char alphabet[] = "aeinrstNYZ \t\n#\\re:[]()|*+?.^$01-\xC3\xBC\xE2\x80\x99\xFF";
  std::mt19937_64 rng(seed);
  std::vector<std::uint8_t> data;
  for (long i = 0; i < iterations; ++i) {
    data.resize(rng() % 300);
    for (auto &b : data) {
      b = rng() % 4 == 0 ? static_cast<std::uint8_t>(rng())
                         : static_cast<std::uint8_t>(alphabet[rng() % (sizeof alphabet - 1)]);
    }
    LLVMFuzzerTestOneInput(data.data(), data.size());
  }
  return 0;
}
