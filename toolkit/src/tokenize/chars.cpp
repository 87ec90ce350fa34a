#include "tokenize/chars.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace wirespeed::tokenize_detail {
namespace {

struct cp_range {
  char32_t first;
  char32_t last;
  char_class cls;
};

// Non-letter code points above U+007F, sorted. Hand-picked from the Unicode
// general categories Z*, P*, S* and Nd for the scripts news archives carry;
// anything not listed is a letter, so unknown scripts pass through as words.
constexpr cp_range non_letters[] = {
    {0x80, 0xA0, char_class::space}, // C1 controls, NEL, NBSP
    {0xA1, 0xA1, char_class::punct},
    {0xA2, 0xA6, char_class::symbol},
    {0xA7, 0xA7, char_class::punct},
    {0xA8, 0xA9, char_class::symbol},
    {0xAB, 0xAB, char_class::punct},
    {0xAC, 0xAC, char_class::symbol},
    {0xAD, 0xAD, char_class::space}, // soft hyphen: invisible
    {0xAE, 0xB4, char_class::symbol},
    {0xB6, 0xB7, char_class::punct},
    {0xB8, 0xB9, char_class::symbol},
    {0xBB, 0xBB, char_class::punct},
    {0xBC, 0xBE, char_class::symbol},
    {0xBF, 0xBF, char_class::punct},
    {0xD7, 0xD7, char_class::symbol},
    {0xF7, 0xF7, char_class::symbol},
    {0x37E, 0x37E, char_class::punct},
    {0x387, 0x387, char_class::punct},
    {0x55A, 0x55F, char_class::punct},
    {0x589, 0x58A, char_class::punct},
    {0x5BE, 0x5BE, char_class::punct},
    {0x5C0, 0x5C0, char_class::punct},
    {0x5C3, 0x5C3, char_class::punct},
    {0x5F3, 0x5F4, char_class::punct},
    {0x606, 0x608, char_class::symbol},
    {0x609, 0x60A, char_class::punct},
    {0x60B, 0x60B, char_class::symbol},
    {0x60C, 0x60D, char_class::punct},
    {0x61B, 0x61B, char_class::punct},
    {0x61D, 0x61F, char_class::punct},
    {0x660, 0x669, char_class::digit}, // Arabic-Indic digits
    {0x66A, 0x66D, char_class::punct},
    {0x6D4, 0x6D4, char_class::punct},
    {0x6F0, 0x6F9, char_class::digit}, // Extended Arabic-Indic digits
    {0x964, 0x965, char_class::punct},
    {0x966, 0x96F, char_class::digit}, // Devanagari digits
    {0x1680, 0x1680, char_class::space},
    {0x2000, 0x200B, char_class::space}, // en quad .. zero width space
    {0x2010, 0x2027, char_class::punct}, // dashes, quotes, bullets, ellipsis
    {0x2028, 0x2029, char_class::space}, // line and paragraph separators
    {0x202F, 0x202F, char_class::space},
    {0x2030, 0x205E, char_class::punct},
    {0x205F, 0x2060, char_class::space},
    {0x2070, 0x209F, char_class::symbol}, // superscripts and subscripts
    {0x20A0, 0x20CF, char_class::symbol}, // currency
    {0x2100, 0x214F, char_class::symbol}, // letterlike symbols
    {0x2150, 0x218F, char_class::symbol}, // number forms
    {0x2190, 0x2BFF, char_class::symbol}, // arrows, maths, shapes, dingbats
    {0x2E00, 0x2E7F, char_class::punct},
    {0x3000, 0x3000, char_class::space},
    {0x3001, 0x3003, char_class::punct},
    {0x3004, 0x3004, char_class::symbol},
    {0x3008, 0x3011, char_class::punct},
    {0x3012, 0x3013, char_class::symbol},
    {0x3014, 0x301F, char_class::punct},
    {0x3020, 0x3020, char_class::symbol},
    {0xFE10, 0xFE19, char_class::punct},
    {0xFE30, 0xFE6B, char_class::punct},
    {0xFEFF, 0xFEFF, char_class::space}, // byte order mark
    {0xFF01, 0xFF0F, char_class::punct},
    {0xFF10, 0xFF19, char_class::digit},
    {0xFF1A, 0xFF20, char_class::punct},
    {0xFF3B, 0xFF40, char_class::punct},
    {0xFF5B, 0xFF65, char_class::punct},
    {0xFFE0, 0xFFEE, char_class::symbol},
    {0xFFFC, 0xFFFD, char_class::symbol},
    {0x1F000, 0x1FAFF, char_class::symbol}, // emoji and pictographs
};

constexpr std::array<char_class, 128> make_ascii_table() {
  std::array<char_class, 128> table{};
  for (unsigned c = 0; c < 128; ++c) {
    if (c <= 0x20 || c == 0x7F) {
      table[c] = char_class::space;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      table[c] = char_class::letter;
    } else if (c >= '0' && c <= '9') {
      table[c] = char_class::digit;
    } else {
      table[c] = char_class::symbol;
    }
  }
  for (char c : ascii_punctuation) {
    table[static_cast<unsigned char>(c)] = char_class::punct;
  }
  return table;
}

constexpr std::array<char_class, 128> ascii_table = make_ascii_table();

// Abbreviations that keep their period and so never end a sentence: titles,
// months, company and address words common in news. Case-sensitive, at most
// 8 bytes, looked up as little-endian integers (one compare per probe).
constexpr std::string_view abbreviations[] = {
    "Adm", "Apr",    "Ave",  "Capt", "Cmdr", "Co",  "Col",    "Corp", "Dec", "Dept", "Dr",  "Feb",
    "Fr",  "Gen",    "Gov",  "Hon",  "Inc",  "Jan", "Jr",     "Jul",  "Jun", "Lt",   "Ltd", "Maj",
    "Mar", "Messrs", "Mr",   "Mrs",  "Ms",   "Mt",  "No",     "Nov",  "Oct", "Prof", "Rep", "Rev",
    "Sen", "Sep",    "Sept", "Sgt",  "Sr",   "St",  "approx", "etc",  "vs"};

constexpr std::uint64_t pack(std::string_view word) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    key |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
  }
  return key;
}

constexpr auto make_abbreviation_keys() {
  std::array<std::uint64_t, std::size(abbreviations)> keys{};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    keys[i] = pack(abbreviations[i]);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

constexpr auto abbreviation_keys = make_abbreviation_keys();

// The abbreviations as a perfect hash table: keeps_period() looks at one
// slot instead of searching, whose branches the predictor could not learn
// (its outcome is data; callgrind put a third of a mispredict per block of
// news there). A multiplier that gives every key its own slot is found at
// compile time; empty slots hold 0, which no key of two or more bytes is.
constexpr unsigned abbreviation_slot_bits = 8;
constexpr std::size_t abbreviation_slot(std::uint64_t key, std::uint64_t multiplier) {
  return static_cast<std::size_t>((key * multiplier) >> (64 - abbreviation_slot_bits));
}
constexpr std::uint64_t find_abbreviation_multiplier() {
  std::uint64_t multiplier = 0x9E3779B97F4A7C15; // odd; adding an even step keeps it odd
  for (int attempt = 0; attempt < 10000; ++attempt, multiplier += 0x4A8BE9229ED9BA3A) {
    std::array<bool, std::size_t{1} << abbreviation_slot_bits> used{};
    bool distinct = true;
    for (std::uint64_t key : abbreviation_keys) {
      const std::size_t slot = abbreviation_slot(key, multiplier);
      distinct = distinct && !used[slot];
      used[slot] = true;
    }
    if (distinct) {
      return multiplier;
    }
  }
  return 0;
}
constexpr std::uint64_t abbreviation_multiplier = find_abbreviation_multiplier();
static_assert(abbreviation_multiplier != 0, "no multiplier gives every abbreviation its own slot");
constexpr auto make_abbreviation_table() {
  std::array<std::uint64_t, std::size_t{1} << abbreviation_slot_bits> table{};
  for (std::uint64_t key : abbreviation_keys) {
    table[abbreviation_slot(key, abbreviation_multiplier)] = key;
  }
  return table;
}
constexpr auto abbreviation_table = make_abbreviation_table();

// Bytes an abbreviation starts with: most words before a period ("said.")
// are ruled out by one lookup instead of a binary search.
constexpr std::array<bool, 256> make_abbreviation_firsts() {
  std::array<bool, 256> firsts{};
  for (std::string_view word : abbreviations) {
    firsts[static_cast<unsigned char>(word[0])] = true;
  }
  return firsts;
}

constexpr auto abbreviation_firsts = make_abbreviation_firsts();

constexpr char_class search_class(char32_t cp) noexcept {
  for (const cp_range &r : non_letters) {
    if (cp >= r.first && cp <= r.last) {
      return r.cls;
    }
  }
  return char_class::letter;
}

template <std::size_t size> constexpr std::array<char_class, size> make_classes(char32_t first) {
  std::array<char_class, size> classes{};
  for (char32_t i = 0; i < size; ++i) {
    classes[i] = search_class(first + i);
  }
  return classes;
}

} // namespace

// Two-byte code points (Latin, Greek, Cyrillic, Hebrew, Arabic...) are most
// of non-English news: one table lookup instead of a search.
extern const std::array<char_class, 0x800> two_byte_classes = make_classes<0x800>(0);
extern const std::array<char_class, 0x40> general_punctuation_classes = make_classes<0x40>(0x2000);

decoded decode_utf8(const std::uint8_t *s, std::size_t n, std::size_t pos) noexcept {
  const std::uint8_t b0 = s[pos];
  if (b0 < 0x80) {
    return {b0, 1, true};
  }
  // Length and the allowed range of the second byte (which excludes overlong
  // forms, surrogates and code points above U+10FFFF).
  unsigned need = 0;
  std::uint8_t lo = 0x80, hi = 0xBF;
  char32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    lo = b0 == 0xE0 ? 0xA0 : 0x80;
    hi = b0 == 0xED ? 0x9F : 0xBF;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    lo = b0 == 0xF0 ? 0x90 : 0x80;
    hi = b0 == 0xF4 ? 0x8F : 0xBF;
  } else {
    return {0, 1, false};
  }
  for (unsigned i = 1; i <= need; ++i) {
    if (pos + i >= n || s[pos + i] < lo || s[pos + i] > hi) {
      return {0, static_cast<std::uint8_t>(i), false};
    }
    cp = (cp << 6) | (s[pos + i] & 0x3F);
    lo = 0x80;
    hi = 0xBF;
  }
  return {cp, static_cast<std::uint8_t>(need + 1), true};
}

char_class ascii_class(std::uint8_t c) noexcept {
  return ascii_table[c & 0x7F];
}

char_class unicode_class(char32_t cp) noexcept {
  if (cp < two_byte_classes.size()) {
    return two_byte_classes[cp];
  }
  const auto *end = std::end(non_letters);
  const auto *it = std::upper_bound(std::begin(non_letters), end, cp,
                                    [](char32_t v, const cp_range &r) { return v < r.first; });
  if (it != std::begin(non_letters) && cp <= (it - 1)->last) {
    return (it - 1)->cls;
  }
  return char_class::letter;
}

bool keeps_period(const std::uint8_t *s, std::size_t begin, std::size_t end) noexcept {
  const std::size_t length = end - begin; // at least 1
  // pack() of the first six bytes, without a branch on the length: a byte
  // past the word reads the first again (in bounds) and is masked off.
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    const std::uint64_t inside = 0 - std::uint64_t{i < length};
    key |= (s[begin + (i & inside)] & inside) << (8 * i);
  }
  const bool initial = (length == 1) & (static_cast<std::uint8_t>(s[begin] - 'A') < 26);
  const bool listed = (length - 2 <= 4) &
                      (abbreviation_table[abbreviation_slot(key, abbreviation_multiplier)] == key);
  return initial | listed;
}

bool may_keep_period(std::uint8_t c) noexcept {
  return (c >= 'A' && c <= 'Z') || abbreviation_firsts[c];
}

unsigned line_breaks(char32_t cp) noexcept {
  switch (cp) {
  case U'\n':
  case 0x85:
  case 0x2028:
    return 1;
  case 0x2029:
    return 2;
  default:
    return 0;
  }
}

} // namespace wirespeed::tokenize_detail
