#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "core/load_bytes.hpp"
#include "io/utf8.hpp"
#include "wirespeed/jsonl.hpp"

namespace wirespeed {
namespace {

/// 0: copy the byte; 'u': write \u00XX; anything else: write '\\' and it.
constexpr std::array<char, 256> escape_table = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 0x20; ++c) {
    table[c] = 'u';
  }
  table['\b'] = 'b';
  table['\f'] = 'f';
  table['\n'] = 'n';
  table['\r'] = 'r';
  table['\t'] = 't';
  table['"'] = '"';
  table['\\'] = '\\';
  return table;
}();

constexpr std::string_view replacement_character = "\xef\xbf\xbd";

void append_escaped(std::string &out, unsigned char c) {
  const char kind = escape_table[c];
  if (kind == 'u') {
    constexpr char hex[] = "0123456789abcdef";
    const char code[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf]};
    out.append(code, sizeof code);
  } else {
    const char code[] = {'\\', kind};
    out.append(code, sizeof code);
  }
}

constexpr std::uint64_t ones = 0x0101010101010101;
constexpr std::uint64_t highs = 0x8080808080808080;

/// The high bit of each byte of `word` that JSON must escape ('"', '\\',
/// < 0x20). A byte of `v - ones * n` borrows into its high bit when it is
/// < n; "& ~v" keeps bytes that were below 0x80. Only the lowest flagged
/// byte is exact (a borrow may flag bytes above it), which is enough to find
/// the first or to know there is one.
constexpr std::uint64_t escape_flags(std::uint64_t word) noexcept {
  const auto below = [](std::uint64_t v, std::uint64_t n) { return (v - ones * n) & ~v & highs; };
  return below(word, 0x20) | below(word ^ (ones * '"'), 1) | below(word ^ (ones * '\\'), 1);
}

/// The first byte in [from, end) that JSON must escape, or `end`. Eight
/// bytes at a time: news text has long runs without one.
const char *find_escape(const char *from, const char *end) noexcept {
  static_assert(std::endian::native == std::endian::little, "the lowest flagged byte comes first");
  for (; end - from >= 8; from += 8) {
    std::uint64_t word;
    std::memcpy(&word, from, sizeof word);
    if (const std::uint64_t flagged = escape_flags(word); flagged != 0) {
      return from + (std::countr_zero(flagged) >> 3);
    }
  }
  while (from < end && escape_table[static_cast<unsigned char>(*from)] == 0) {
    ++from;
  }
  return from;
}

/// Whether every byte is below 0x80; it stops at the first word with one
/// that is not.
bool is_ascii(std::string_view text) noexcept {
  const char *from = text.data();
  const char *const end = from + text.size();
  for (; end - from >= 8; from += 8) {
    std::uint64_t word;
    std::memcpy(&word, from, sizeof word);
    if ((word & highs) != 0) {
      return false;
    }
  }
  unsigned char seen = 0;
  for (; from < end; ++from) {
    seen |= static_cast<unsigned char>(*from);
  }
  return seen < 0x80;
}

/// Escapes text known to be valid UTF-8: copies runs of ordinary bytes whole.
void append_valid(std::string &out, std::string_view text) {
  const char *from = text.data();
  const char *const end = from + text.size();
  for (;;) {
    const char *stop = find_escape(from, end);
    out.append(from, static_cast<std::size_t>(stop - from));
    if (stop == end) {
      return;
    }
    append_escaped(out, static_cast<unsigned char>(*stop));
    from = stop + 1;
  }
}

} // namespace

bool is_verbatim_json(std::string_view text) noexcept {
  // Without a branch per byte: the strings asked about are short (a match's
  // text), their lengths vary, and a mispredicted byte loop cost more than
  // the check. The last bytes come in a word zeroed above them; the zeros
  // flag as controls, but above every real byte, where a borrow cannot reach.
  const char *from = text.data();
  const char *const end = from + text.size();
  std::uint64_t flagged = 0;
  for (; end - from >= 8; from += 8) {
    std::uint64_t word;
    std::memcpy(&word, from, sizeof word);
    flagged |= escape_flags(word) | (word & highs);
  }
  if (const auto rest = static_cast<std::size_t>(end - from); rest > 0) {
    const std::uint64_t word = core::load_bytes(from, rest);
    const std::uint64_t real = (std::uint64_t{1} << (8 * rest)) - 1;
    flagged |= (escape_flags(word) | (word & highs)) & real;
  }
  return flagged == 0;
}

void append_json_number(std::string &out, std::uint64_t value) {
  char digits[20]; // 2^64 - 1 has 20
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

void append_json_string(std::string &out, std::string_view text) {
  out.push_back('"');
  // Most strings written (names, ids, words) are ASCII, which a word-wide
  // pass confirms in a few cycles: the validator's call and set-up cost more.
  if (is_ascii(text) || io::is_valid_utf8(text)) {
    append_valid(out, text);
  } else {
    // Rare (readers reject invalid text): each valid stretch goes through the
    // fast path, each byte that starts no valid sequence becomes U+FFFD.
    while (!text.empty()) {
      std::size_t bad = io::first_invalid_utf8(text);
      append_valid(out, text.substr(0, bad));
      if (bad == text.size()) {
        break;
      }
      out.append(replacement_character);
      text.remove_prefix(bad + 1);
    }
  }
  out.push_back('"');
}

void append_document_json(std::string &out, const document &doc) {
  out.append("{\"id\":");
  append_json_string(out, doc.id);
  out.append(",\"source\":");
  append_json_string(out, doc.source);
  out.append(",\"url\":");
  append_json_string(out, doc.url);
  out.append(",\"published\":");
  append_json_string(out, doc.published);
  out.append(",\"title\":");
  append_json_string(out, doc.title);
  out.append(",\"text\":");
  append_json_string(out, doc.text);
  out.push_back('}');
}

void append_rejection_json(std::string &out, const rejection &why) {
  out.append("{\"file\":");
  append_json_string(out, why.file);
  out.append(",\"line\":");
  out.append(std::to_string(why.line));
  out.append(",\"reason\":");
  append_json_string(out, why.reason);
  out.push_back('}');
}

} // namespace wirespeed
