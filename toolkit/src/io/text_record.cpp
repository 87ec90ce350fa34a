#include "io/text_record.hpp"

#include <cstring>
#include <string_view>

#include "core/huge_pages.hpp"
#include "io/utf8.hpp"

namespace wirespeed::io {
namespace {

constexpr std::string_view byte_order_mark = "\xef\xbb\xbf";

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_blank(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string_view first_nonempty_line(std::string_view text) {
  while (!text.empty()) {
    std::size_t stop = text.find('\n');
    std::string_view line = trim(text.substr(0, stop));
    if (!line.empty()) {
      return line;
    }
    if (stop == std::string_view::npos) {
      break;
    }
    text.remove_prefix(stop + 1);
  }
  return {};
}

} // namespace

bool read_text_record(byte_source &source, std::size_t max_bytes, std::uint64_t size_hint,
                      document &doc, std::string &why, std::uint64_t &bytes_read) {
  std::string &text = doc.text;
  text.clear();
  // Read one byte past the limit so "exactly the limit" is not refused; with
  // the size known, one allocation and (usually) one read() suffice: growing
  // a multi-megabyte text by doubling costs more in page faults than the read.
  const std::size_t limit = max_bytes + 1;
  // The extra byte lets the read that finds the end do so without growing.
  const std::size_t expected =
      size_hint > 0 ? static_cast<std::size_t>(std::min<std::uint64_t>(size_hint + 1, limit)) : 0;
  core::reserve_in_huge_pages(text, expected); // read() touches every page
  constexpr std::size_t chunk = std::size_t{1} << 20;
  for (;;) {
    std::size_t size = text.size();
    std::size_t want = std::min(size < expected ? expected - size : chunk, limit - size);
    text.resize(size + want);
    std::size_t got = source.read(text.data() + size, want);
    text.resize(size + got);
    bytes_read += got;
    if (got == 0) {
      break;
    }
    if (text.size() > max_bytes) {
      why = "file longer than the limit of " + std::to_string(max_bytes) + " bytes";
      return false;
    }
  }
  if (!source.error().empty()) {
    why = source.error();
    return false;
  }
  // Offsets in messages count from the start of the file, BOM included.
  std::size_t skipped = 0;
  if (text.starts_with(byte_order_mark)) {
    text.erase(0, byte_order_mark.size());
    skipped = byte_order_mark.size();
  }
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    why = text.empty() ? "empty file" : "empty file (only white space)";
    return false;
  }
  if (const void *nul = std::memchr(text.data(), '\0', text.size())) {
    why = "NUL byte at byte offset " +
          std::to_string(static_cast<std::size_t>(static_cast<const char *>(nul) - text.data()) +
                         skipped);
    return false;
  }
  if (!is_valid_utf8(text)) {
    why = "invalid UTF-8 at byte offset " + std::to_string(first_invalid_utf8(text) + skipped);
    return false;
  }
  doc.title.assign(first_nonempty_line(text));
  return true;
}

} // namespace wirespeed::io
