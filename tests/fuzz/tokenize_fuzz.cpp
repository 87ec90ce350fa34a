// Differential fuzz target: on any input, every SIMD level this machine runs
// and a chunked stream must give exactly the scalar reference's output.
// Aborts on a mismatch, printing the input in hex and the first difference.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "internal/tokenize_diff.hpp"
#include "tokenize/kernels.hpp"

namespace {

using namespace wirespeed;

[[noreturn]] void fail(std::string_view what, std::string_view input, const std::string &diff) {
  std::fprintf(stderr,
               "tokenize_fuzz: %.*s differs from the scalar reference: %s\ninput (%zu "
               "bytes): %s\n",
               static_cast<int>(what.size()), what.data(), diff.c_str(), input.size(),
               testing::hex(input).c_str());
  std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static token_buffer want, got, streamed;
  const std::string_view input(reinterpret_cast<const char *>(data), size);
  if (tokenize_detail::tokenize_with(*tokenize_detail::kernels_for(cpu::isa::scalar), input,
                                     want) != tokenize_status::ok) {
    std::abort();
  }
  for (cpu::isa level : cpu::available_isas()) {
    const tokenize_detail::kernels *k = tokenize_detail::kernels_for(level);
    if (tokenize_detail::tokenize_with(*k, input, got) != tokenize_status::ok) {
      std::abort();
    }
    if (std::string diff = testing::difference(got, want, input); !diff.empty()) {
      fail(cpu::to_string(level), input, diff);
    }
    // The same level fed in three chunks cut where the input's first bytes say.
    tokenizer stream(level);
    streamed.clear();
    const std::size_t cut1 = size == 0 ? 0 : data[0] % (size + 1);
    const std::size_t cut2 = size < 2 ? cut1 : cut1 + data[1] % (size - cut1 + 1);
    if (stream.feed(input.substr(0, cut1), streamed) != tokenize_status::ok ||
        stream.feed(input.substr(cut1, cut2 - cut1), streamed) != tokenize_status::ok ||
        stream.feed(input.substr(cut2), streamed) != tokenize_status::ok ||
        stream.finish(streamed) != tokenize_status::ok) {
      std::abort();
    }
    if (std::string diff = testing::difference(streamed, want, input); !diff.empty()) {
      fail(std::string(cpu::to_string(level)) + " streamed", input, diff);
    }
  }
  return 0;
}
