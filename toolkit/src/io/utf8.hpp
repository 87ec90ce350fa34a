#pragma once
// UTF-8 checks for the readers and the writer. Validation is simdjson's SIMD
// validator; locating the first bad byte is a scalar walk, run only once a
// validation has failed.
#include <cstddef>
#include <string_view>

namespace wirespeed::io {

[[nodiscard]] bool is_valid_utf8(std::string_view text) noexcept;

/// Offset of the first byte that does not start a valid UTF-8 sequence (an
/// overlong form, a surrogate, a code point past U+10FFFF, a stray
/// continuation or a truncated sequence); text.size() if there is none.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text) noexcept;

/// Length of the valid UTF-8 sequence starting at text[0], or 0 if none does.
[[nodiscard]] std::size_t utf8_sequence_length(std::string_view text) noexcept;

} // namespace wirespeed::io
