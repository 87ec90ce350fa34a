// Tokenizer kernels for neon64: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but instantiations and the table.
#include "tokenize/classify.hpp"
#include "tokenize/lex_masks.hpp"

namespace wirespeed::tokenize_detail {

template void classify_kernel::operator()<xsimd::neon64>(xsimd::neon64, const std::uint8_t *,
                                                         std::size_t, block_masks *) const noexcept;
template std::uint64_t sum_kernel::operator()<xsimd::neon64>(xsimd::neon64, const std::uint8_t *,
                                                             std::size_t) const noexcept;

namespace isa_neon64 {
namespace {

void classify(const std::uint8_t *in, std::size_t blocks, block_masks *out) noexcept {
  classify_kernel{}(xsimd::neon64{}, in, blocks, out);
}

void lex(lex_state &st, const std::uint8_t *s, std::size_t n, std::uint32_t base,
         token_storage &out) {
  lex_masks(xsimd::neon64{}, st, s, n, base, out);
}

std::uint64_t sum_bytes(const std::uint8_t *in, std::size_t n) noexcept {
  return sum_kernel{}(xsimd::neon64{}, in, n);
}

} // namespace

extern const kernels table = {cpu::isa::neon64, &classify, &lex, &sum_bytes};

} // namespace isa_neon64
} // namespace wirespeed::tokenize_detail
