#include <array>
#include <cstdint>

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

/// Escapes text known to be valid UTF-8: copies runs of ordinary bytes whole.
void append_valid(std::string &out, std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (escape_table[c] != 0) {
      out.append(text.data() + run, i - run);
      append_escaped(out, c);
      run = i + 1;
    }
  }
  out.append(text.data() + run, text.size() - run);
}

} // namespace

void append_json_string(std::string &out, std::string_view text) {
  out.push_back('"');
  if (io::is_valid_utf8(text)) {
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
