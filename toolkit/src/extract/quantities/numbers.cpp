#include "extract/quantities/numbers.hpp"

#include <charconv>
#include <string>

#include "extract/common/text.hpp"

namespace wirespeed::extract_detail {
namespace {

// Digits with grouping commas ("30,800") as a whole number, exactly as
// from_chars reads them (below 2^53 every integer is a double): most
// numbers in news are such, and this spares copying them for from_chars.
// False for anything else, which parse_number() leaves to from_chars.
bool parse_whole_number(std::string_view s, double &out) {
  constexpr std::size_t exact_digits = 15;
  std::uint64_t value = 0;
  std::size_t digits = 0;
  for (char c : s) {
    if (is_digit(c)) {
      value = value * 10 + static_cast<std::uint64_t>(c - '0');
      ++digits;
    } else if (c != ',') {
      return false;
    }
  }
  if (digits == 0 || digits > exact_digits) {
    return false;
  }
  out = static_cast<double>(value);
  return true;
}

} // namespace

bool parse_number(std::string_view s, double &out) {
  std::size_t comma = s.find(',');
  bool decimal_comma = comma != std::string_view::npos && s.find(',', comma + 1) == s.npos &&
                       s.find('.') == s.npos && s.size() - comma - 1 != 3;
  if (!decimal_comma && parse_whole_number(s, out)) {
    return true;
  }
  std::string digits;
  for (char c : s) {
    if (c != ',') {
      digits.push_back(c);
    } else if (decimal_comma) {
      digits.push_back('.');
    }
  }
  const char *end = digits.data() + digits.size();
  auto [ptr, ec] = std::from_chars(digits.data(), end, out);
  return ec == std::errc() && ptr == end;
}

bool unit_after_dash(std::string_view text, std::uint32_t dash, std::uint32_t end,
                     std::string_view &unit) {
  unit = text.substr(dash + 1, end - dash - 1);
  return !unit.empty() && !unit.ends_with("-old") && !is_digit(unit[0]);
}

} // namespace wirespeed::extract_detail
