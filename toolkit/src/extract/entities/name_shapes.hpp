#pragma once
// The shapes (first byte, length) of a set of names, a bit per length for
// each first byte: most words the tagger looks up are in no table, and this
// says so in a load and a test, before the word is hashed. A name of 63
// bytes or more counts as 63 bytes.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace wirespeed::extract_detail {

class name_shapes {
public:
  void add(std::string_view name) noexcept {
    bits_[first_byte(name)] |= lengths(name.size(), name.size());
  }
  /// Whether a name of `name`'s shape was added: false for certain, true maybe.
  [[nodiscard]] bool may_hold(std::string_view name) const noexcept {
    return (bits_[first_byte(name)] & lengths(name.size(), name.size())) != 0;
  }
  /// Whether a name of `name`'s first byte and a length from `shortest` to
  /// `longest` was added: false for certain, true maybe.
  [[nodiscard]] bool may_hold(std::string_view name, std::size_t shortest,
                              std::size_t longest) const noexcept {
    return (bits_[first_byte(name)] & lengths(shortest, longest)) != 0;
  }

private:
  static std::size_t first_byte(std::string_view name) noexcept {
    return name.empty() ? 0 : static_cast<unsigned char>(name.front());
  }
  // The bits of the lengths from `shortest` to `longest`.
  static std::uint64_t lengths(std::size_t shortest, std::size_t longest) noexcept {
    const std::size_t low = std::min<std::size_t>(shortest, 63);
    const std::size_t high = std::min<std::size_t>(longest, 63);
    const std::uint64_t up_to_high =
        high == 63 ? ~std::uint64_t{0} : (std::uint64_t{2} << high) - 1;
    return up_to_high & ~((std::uint64_t{1} << low) - 1);
  }

  std::array<std::uint64_t, 256> bits_{};
};

} // namespace wirespeed::extract_detail
