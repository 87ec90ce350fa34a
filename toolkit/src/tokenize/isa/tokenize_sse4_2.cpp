// Tokenizer kernels for sse4_2: compiled with that level's flags
// (cmake/WirespeedIsa.cmake); nothing here but instantiations and the table.
#include "tokenize/classify.hpp"
#include "tokenize/lex_masks.hpp"

namespace wirespeed::tokenize_detail {

template void classify_kernel::operator()<xsimd::sse4_2>(xsimd::sse4_2, const std::uint8_t *,
                                                         std::size_t, block_masks *) const noexcept;
template std::uint64_t sum_kernel::operator()<xsimd::sse4_2>(xsimd::sse4_2, const std::uint8_t *,
                                                             std::size_t) const noexcept;

namespace isa_sse4_2 {
namespace {

void classify(const std::uint8_t *in, std::size_t blocks, block_masks *out) noexcept {
  classify_kernel{}(xsimd::sse4_2{}, in, blocks, out);
}

void lex(lex_state &st, const std::uint8_t *s, std::size_t n, std::uint32_t base,
         token_storage &out) {
  lex_masks(xsimd::sse4_2{}, st, s, n, base, out);
}

std::uint64_t sum_bytes(const std::uint8_t *in, std::size_t n) noexcept {
  return sum_kernel{}(xsimd::sse4_2{}, in, n);
}

} // namespace

extern const kernels table = {cpu::isa::sse4_2, &classify, &lex, &sum_bytes};

} // namespace isa_sse4_2
} // namespace wirespeed::tokenize_detail
