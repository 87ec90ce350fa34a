// Line-anchored regexes as position (Glushkov) automata: parsing the ASCII
// subset, and running an automaton from a line start.
#include "extract/boilerplate/line_regex.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "extract/common/text.hpp"

namespace wirespeed::extract_detail {

// The position automaton of a regex: the bytes each position consumes,
// the positions that may follow each, and those a match opens and ends with.
struct glushkov {
  std::vector<line_regex::bytes> classes;
  std::vector<line_regex::positions> follow;
  line_regex::positions first{};
  line_regex::positions last{};
};

namespace {

using bytes = line_regex::bytes;
using positions = line_regex::positions;

template <class Set> void insert(Set &set, std::size_t i) noexcept {
  set[i / 64] |= std::uint64_t{1} << (i % 64);
}
template <class Set> bool holds(const Set &set, std::size_t i) noexcept {
  return (set[i / 64] >> (i % 64) & 1) != 0;
}
template <class Set> void unite(Set &into, const Set &from) noexcept {
  for (std::size_t w = 0; w < into.size(); ++w) {
    into[w] |= from[w];
  }
}
bool any(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) noexcept {
  return (a | b | c | d) != 0;
}
// Calls f(i) for each member of the set.
template <class Set, class F> void each(const Set &set, F &&f) {
  for (std::size_t w = 0; w < set.size(); ++w) {
    for (std::uint64_t bits = set[w]; bits != 0; bits &= bits - 1) {
      f(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
    }
  }
}

bytes byte_range(unsigned char from, unsigned char to) noexcept {
  bytes out{};
  for (unsigned b = from; b <= to; ++b) {
    insert(out, b);
  }
  return out;
}

bytes complement(const bytes &set) noexcept {
  return {~set[0], ~set[1], ~set[2], ~set[3]};
}

// Caseless: a letter stands for both of its cases.
bytes both_cases(bytes set) noexcept {
  for (unsigned b = 'a'; b <= 'z'; ++b) {
    const unsigned upper = b - 'a' + 'A';
    if (holds(set, b) || holds(set, upper)) {
      insert(set, b);
      insert(set, upper);
    }
  }
  return set;
}

// \d \w \s and their complements in byte mode; false for another letter.
bool shorthand_class(char c, bytes &out) noexcept {
  bytes set{};
  switch (ascii_lower(c)) {
  case 'd':
    set = byte_range('0', '9');
    break;
  case 'w':
    set = byte_range('0', '9');
    unite(set, byte_range('a', 'z'));
    unite(set, byte_range('A', 'Z'));
    insert(set, '_');
    break;
  case 's':
    set = byte_range('\t', '\r'); // \t \n \v \f \r
    insert(set, ' ');
    break;
  default:
    return false;
  }
  out = c >= 'A' && c <= 'Z' ? complement(set) : set;
  return true;
}

// Recursive descent building the automaton as it reads: each piece returns
// its fragment (whether it matches empty, its first and last positions) and
// links follow sets as pieces are joined. A quantified atom is read again
// for each copy the count asks for.
class line_regex_parser {
public:
  explicit line_regex_parser(std::string_view body) : re_(body) {}

  std::optional<glushkov> parse() {
    std::optional<fragment> all = alternation();
    if (!all || at_ != re_.size() || all->nullable) {
      return std::nullopt; // Hyperscan refuses a pattern matching the empty buffer too
    }
    out_.first = all->first;
    out_.last = all->last;
    return std::move(out_);
  }

private:
  struct fragment {
    bool nullable = true;
    positions first{};
    positions last{};
  };

  std::optional<fragment> alternation() {
    std::optional<fragment> all = sequence();
    while (all && at_ < re_.size() && re_[at_] == '|') {
      ++at_;
      std::optional<fragment> more = sequence();
      if (!more) {
        return std::nullopt;
      }
      all->nullable = all->nullable || more->nullable;
      unite(all->first, more->first);
      unite(all->last, more->last);
    }
    return all;
  }

  std::optional<fragment> sequence() {
    fragment out;
    while (at_ < re_.size() && re_[at_] != '|' && re_[at_] != ')') {
      std::optional<fragment> piece = quantified();
      if (!piece) {
        return std::nullopt;
      }
      out = joined(out, *piece);
    }
    return out;
  }

  // Concatenation: what ends `a` may go on with what opens `b`.
  fragment joined(const fragment &a, const fragment &b) {
    each(a.last, [&](std::size_t p) { unite(out_.follow[p], b.first); });
    fragment out;
    out.nullable = a.nullable && b.nullable;
    out.first = a.first;
    if (a.nullable) {
      unite(out.first, b.first);
    }
    out.last = b.last;
    if (b.nullable) {
      unite(out.last, a.last);
    }
    return out;
  }

  // atom, atom? atom* atom+ atom{n} atom{n,} atom{n,m}
  std::optional<fragment> quantified() {
    const std::size_t atom_at = at_;
    std::optional<fragment> one = atom();
    if (!one || at_ >= re_.size() || std::string_view("?*+{").find(re_[at_]) == npos) {
      return one;
    }
    std::size_t min = 1;
    std::size_t max = 1;
    const char q = re_[at_++];
    if (q == '?') {
      min = 0;
    } else if (q == '*') {
      min = 0;
      max = npos;
    } else if (q == '+') {
      max = npos;
    } else if (!counts(min, max)) {
      return std::nullopt;
    }
    if (at_ < re_.size() && (re_[at_] == '?' || re_[at_] == '+')) {
      return std::nullopt; // lazy or possessive
    }
    const std::size_t after = at_;
    // Copies: min required ones, then either a looping one or optional ones.
    const std::size_t copies = max == npos ? std::max<std::size_t>(min, 1) : max;
    fragment out;
    for (std::size_t k = 0; k < copies; ++k) {
      std::optional<fragment> copy = one;
      if (k > 0) {
        at_ = atom_at;
        copy = atom();
      }
      if (!copy) {
        return std::nullopt;
      }
      if (max == npos && k + 1 == copies) {
        each(copy->last, [&](std::size_t p) { unite(out_.follow[p], copy->first); });
        copy->nullable = copy->nullable || min == 0;
      } else if (k >= min) {
        copy->nullable = true;
      }
      out = joined(out, *copy);
    }
    at_ = after;
    return out;
  }

  // "{n}", "{n,}", "{n,m}" after the '{'.
  bool counts(std::size_t &min, std::size_t &max) {
    if (!number(min)) {
      return false;
    }
    max = min;
    if (at_ < re_.size() && re_[at_] == ',') {
      ++at_;
      max = npos;
      if (at_ < re_.size() && re_[at_] != '}' && (!number(max) || max < min)) {
        return false;
      }
    }
    if (at_ >= re_.size() || re_[at_] != '}' || max == 0) {
      return false;
    }
    ++at_;
    return true;
  }

  bool number(std::size_t &out) {
    const std::size_t from = at_;
    out = 0;
    while (at_ < re_.size() && re_[at_] >= '0' && re_[at_] <= '9' && at_ - from < 4) {
      out = out * 10 + static_cast<std::size_t>(re_[at_++] - '0');
    }
    return at_ > from && (at_ >= re_.size() || re_[at_] < '0' || re_[at_] > '9');
  }

  std::optional<fragment> atom() {
    const char c = re_[at_++];
    if (c == '(') {
      return regex_group(re_, at_, [this] { return alternation(); });
    }
    bytes set{};
    if (c == '[') {
      if (!bracket(set)) {
        return std::nullopt;
      }
    } else if (c == '\\') {
      if (!escape(set)) {
        return std::nullopt;
      }
    } else if (c == '.') {
      set = complement(byte_range('\n', '\n'));
    } else if (std::string_view("]{}*+?^$|)").find(c) != npos) {
      return std::nullopt;
    } else {
      insert(set, static_cast<unsigned char>(c));
    }
    return position(both_cases(set));
  }

  // After a '\': a shorthand class or escaped punctuation.
  bool escape(bytes &set) {
    if (at_ >= re_.size()) {
      return false;
    }
    const char c = re_[at_++];
    if (is_ascii_alnum(c)) {
      return shorthand_class(c, set); // \b and \B inside, \x, \n...: the scan's
    }
    insert(set, static_cast<unsigned char>(c));
    return true;
  }

  // "[...]" after the '[': items, ranges, shorthands, '^' negating.
  bool bracket(bytes &set) {
    const bool negated = at_ < re_.size() && re_[at_] == '^';
    at_ += negated ? 1 : 0;
    if (at_ < re_.size() && re_[at_] == ']') {
      return false; // a leading ']' is a character in PCRE: left to the scan
    }
    while (at_ < re_.size() && re_[at_] != ']') {
      const char c = re_[at_++];
      if (c == '[') {
        return false; // POSIX classes
      }
      if (c == '\\') {
        if (at_ >= re_.size()) {
          return false;
        }
        const char e = re_[at_];
        bytes shorthand{};
        if (is_ascii_alnum(e)) {
          if (!shorthand_class(e, shorthand)) {
            return false;
          }
          ++at_;
          unite(set, shorthand);
          continue;
        }
        ++at_;
        if (at_ + 1 < re_.size() && re_[at_] == '-' && re_[at_ + 1] != ']') {
          return false; // a range from an escape
        }
        insert(set, static_cast<unsigned char>(e));
        continue;
      }
      if (at_ + 1 < re_.size() && re_[at_] == '-' && re_[at_ + 1] != ']') {
        const char to = re_[at_ + 1];
        if (to == '\\' || to == '[' ||
            static_cast<unsigned char>(to) < static_cast<unsigned char>(c)) {
          return false;
        }
        at_ += 2;
        unite(set, byte_range(static_cast<unsigned char>(c), static_cast<unsigned char>(to)));
        continue;
      }
      insert(set, static_cast<unsigned char>(c));
    }
    if (at_ >= re_.size()) {
      return false;
    }
    ++at_;
    set = both_cases(set); // caseless before negation, as PCRE does
    if (negated) {
      set = complement(set);
    }
    return true;
  }

  std::optional<fragment> position(const bytes &set) {
    if (out_.classes.size() == line_regex::max_positions) {
      return std::nullopt;
    }
    const std::size_t p = out_.classes.size();
    out_.classes.push_back(set);
    out_.follow.emplace_back();
    fragment f;
    f.nullable = false;
    insert(f.first, p);
    insert(f.last, p);
    return f;
  }

  static constexpr std::size_t npos = std::string_view::npos;
  std::string_view re_;
  std::size_t at_ = 0;
  glushkov out_;
};

} // namespace

namespace {

// A punctuation byte or digit that every match holds, found by asking
// whether a match can still end once the positions taking only that byte
// are cut out; -1 when there is none. Letters and spaces are too common.
int required_byte(const glushkov &nfa) {
  for (unsigned b = '!'; b <= '~'; ++b) {
    if (is_ascii_alnum(static_cast<char>(b)) && !(b >= '0' && b <= '9')) {
      continue;
    }
    bytes only{};
    insert(only, b);
    auto cut = [&](std::size_t p) { return nfa.classes[p] == only; };
    std::vector<std::size_t> todo;
    positions seen{};
    each(nfa.first, [&](std::size_t p) {
      if (!cut(p)) {
        insert(seen, p);
        todo.push_back(p);
      }
    });
    bool ends = false;
    while (!todo.empty() && !ends) {
      const std::size_t p = todo.back();
      todo.pop_back();
      ends = holds(nfa.last, p);
      each(nfa.follow[p], [&](std::size_t q) {
        if (!holds(seen, q) && !cut(q)) {
          insert(seen, q);
          todo.push_back(q);
        }
      });
    }
    if (!ends) {
      return static_cast<int>(b);
    }
  }
  return -1;
}

} // namespace

std::optional<line_regex> line_regex::compile(std::string_view regex) {
  std::string_view body;
  line_regex out;
  if (!split_line_regex(regex, body, out.anchor_)) {
    return std::nullopt;
  }
  std::optional<glushkov> nfa = line_regex_parser(body).parse();
  if (!nfa || !out.determinize(*nfa)) {
    return std::nullopt;
  }
  out.required_ = required_byte(*nfa);
  return out;
}

// Subset construction. Bytes that every position treats alike share a
// column; state 0 is dead, state 1 the line start.
bool line_regex::determinize(const glushkov &nfa) {
  std::vector<positions> columns; // the positions consuming each column's bytes
  for (unsigned b = 0; b < 256; ++b) {
    positions reach{};
    for (std::size_t p = 0; p < nfa.classes.size(); ++p) {
      if (holds(nfa.classes[p], b)) {
        insert(reach, p);
      }
    }
    auto known = std::find(columns.begin(), columns.end(), reach);
    column_of_[b] = static_cast<std::uint8_t>(known - columns.begin());
    if (known == columns.end()) {
      columns.push_back(reach);
    }
    if (any(nfa.first[0] & reach[0], nfa.first[1] & reach[1], nfa.first[2] & reach[2],
            nfa.first[3] & reach[3])) {
      insert(opening_bytes_, b);
    }
  }
  columns_ = columns.size();
  std::vector<positions> states{positions{}, positions{}}; // dead, start
  accepting_ = {false, false};
  next_.assign(columns_, 0); // the dead state stays dead
  for (std::size_t s = 1; s < states.size(); ++s) {
    positions next{};
    if (s == 1) {
      next = nfa.first;
    } else {
      each(states[s], [&](std::size_t p) { unite(next, nfa.follow[p]); });
    }
    for (const positions &reach : columns) {
      const positions to{next[0] & reach[0], next[1] & reach[1], next[2] & reach[2],
                         next[3] & reach[3]};
      auto known = std::find(states.begin() + 2, states.end(), to);
      std::size_t t = !any(to[0], to[1], to[2], to[3]) ? 0 : known - states.begin();
      if (t == states.size()) {
        if (states.size() == max_states) {
          return false;
        }
        states.push_back(to);
        accepting_.push_back(any(to[0] & nfa.last[0], to[1] & nfa.last[1], to[2] & nfa.last[2],
                                 to[3] & nfa.last[3]));
      }
      next_.push_back(static_cast<std::uint16_t>(t));
    }
  }
  return true;
}

bool line_regex::may_open_with(unsigned char b) const noexcept {
  return holds(opening_bytes_, b);
}

std::size_t line_regex::longest(std::string_view line, std::size_t limit) const noexcept {
  const std::size_t reach = std::min(line.size(), limit);
  if (required_ >= 0 && std::memchr(line.data(), required_, reach) == nullptr) {
    return 0; // one pass of memchr beats walking "[\w ]*" over a prose line
  }
  std::size_t best = 0;
  std::size_t state = 1;
  for (std::size_t i = 0; i < reach; ++i) {
    state = next_[state * columns_ + column_of_[static_cast<unsigned char>(line[i])]];
    if (state == 0) {
      break;
    }
    const std::size_t end = i + 1;
    if (!accepting_[state] || (anchor_ == line_anchor::whole && end != line.size()) ||
        (anchor_ == line_anchor::opens_word &&
         is_word_byte(line[i]) == (end < line.size() && is_word_byte(line[end])))) {
      continue;
    }
    best = end;
  }
  return best;
}

void line_regex_table::add(line_regex regex, boilerplate_kind kind) {
  const auto at = static_cast<std::uint32_t>(entries_.size());
  for (unsigned b = 0; b < 256; ++b) {
    if (regex.may_open_with(static_cast<unsigned char>(b))) {
      by_first_byte_[b].push_back(at);
    }
  }
  entries_.push_back({std::move(regex), kind});
}

} // namespace wirespeed::extract_detail
