// Tokenizer kernels for avx512bw: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but instantiations and the table.
#include "tokenize/classify.hpp"
#include "tokenize/emit_vbmi2.hpp"
#include "tokenize/lex_masks.hpp"

namespace wirespeed::tokenize_detail {

template void classify_kernel::operator()<xsimd::avx512bw>(xsimd::avx512bw, const std::uint8_t *,
                                                           std::size_t,
                                                           block_masks *) const noexcept;
template std::uint64_t sum_kernel::operator()<xsimd::avx512bw>(xsimd::avx512bw,
                                                               const std::uint8_t *,
                                                               std::size_t) const noexcept;

namespace isa_avx512bw {
namespace {

void classify(const std::uint8_t *in, std::size_t blocks, block_masks *out) noexcept {
  classify_kernel{}(xsimd::avx512bw{}, in, blocks, out);
}

void lex(lex_state &st, const std::uint8_t *s, std::size_t n, std::uint32_t base,
         token_storage &out) {
  // The compressing emitter needs VBMI and VBMI2 beyond the level.
  static const bool compress =
      __builtin_cpu_supports("avx512vbmi") && __builtin_cpu_supports("avx512vbmi2");
  if (compress) {
    lex_masks(xsimd::avx512bw{}, st, s, n, base, out, compress_emitter{});
  } else {
    lex_masks(xsimd::avx512bw{}, st, s, n, base, out);
  }
}

std::uint64_t sum_bytes(const std::uint8_t *in, std::size_t n) noexcept {
  return sum_kernel{}(xsimd::avx512bw{}, in, n);
}

} // namespace

extern const kernels table = {cpu::isa::avx512bw, &classify, &lex, &sum_bytes};

} // namespace isa_avx512bw
} // namespace wirespeed::tokenize_detail
