// Quantities: numbers from the tokenizer and written-out or vague amounts
// from the scan (corpora/patterns/quantities.txt), with the hedge before
// them, their scale, unit or counted noun, and the event the sentence gives
// (events.cpp). Numbers that belong to dates, clock times, ages, scores and
// names ("Pier 3") are not quantities.
#include <algorithm>

#include "extract/common/builtin_data.hpp"
#include "extract/common/dates.hpp"
#include "extract/common/text.hpp"
#include "extract/factories.hpp"
#include "extract/quantities/numbers.hpp"
#include "extract/quantities/quantities.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr int max_age = 130;
constexpr std::size_t age_reach = 3; // "age was 67"

bool ends_sentence(std::string_view w) {
  return w == "." || w == "!" || w == "?";
}

bool approx_named(std::string_view name, quantity_approx &out) {
  for (auto a : {quantity_approx::exact, quantity_approx::at_least, quantity_approx::more_than,
                 quantity_approx::nearly, quantity_approx::about, quantity_approx::at_most,
                 quantity_approx::less_than, quantity_approx::range}) {
    if (to_string(a) == name) {
      out = a;
      return true;
    }
  }
  return false;
}

class quantities_extractor final : public extractor {
public:
  std::string add_patterns(match::pattern_set &set, std::uint32_t tag) override {
    if (auto e = months_.load(builtin_list("months")); !e.empty()) {
      return e;
    }
    lex_.time_units.load(builtin_list("time_units"));
    auto e = lex_.words.load(builtin_list("quantities"), "corpora/patterns/quantities.txt",
                             {"hedge", "prep", "number", "scale", "vague", "unit", "currency",
                              "minus", "event", "event_noun"},
                             set, tag);
    if (!e.empty()) {
      return e;
    }
    lex_.age = lex_.words.kind("age");
    lex_.time = lex_.words.kind("time");
    lex_.stop = lex_.words.kind("stop");
    return check_arguments();
  }

  std::string add_user_pattern(match::pattern_set &, std::uint32_t,
                               const match::pattern &) override {
    return "quantities take no user patterns";
  }

  void run(const context &ctx, extraction &out) const override {
    // Reused per thread: no allocation per document.
    thread_local quantity_buffers buffers;
    lex_.words.hits(ctx, buffers.hits);
    buffers.by_token.index(buffers.hits, ctx.tokens.size());
    const quantity_scan scan{ctx, lex_, buffers.hits, buffers.by_token};
    std::vector<found_quantity> &found = buffers.found;
    found.clear();
    furniture_filter furniture(out.boilerplate);
    auto read_at = [&](std::size_t i, std::size_t) {
      if (furniture.inside(ctx.tokens[i].begin)) {
        return i;
      }
      found_quantity q; // only here: its strings cost a construction per token
      if (!read_quantity(scan, i, q)) {
        return i;
      }
      found.push_back(std::move(q));
      return found.back().end_token;
    };
    for_each_start(ctx.tokens, buffers.hits, ctx.digits(), read_at);
    assign_events(scan, found);
    for (found_quantity &q : found) {
      out.quantities.push_back(std::move(q.q));
    }
  }

private:
  // Every hedge names an approx value and every number parses: a typo in
  // the list is an error, not a silent "exact" or zero.
  std::string check_arguments() const {
    std::string error;
    lex_.words.for_each([&](const lexicon_entry &e) {
      quantity_approx a{};
      double v = 0;
      bool hedge = e.kind == "hedge" || e.kind == "prep";
      bool number = e.kind == "number" || e.kind == "scale";
      if ((hedge && !approx_named(e.argument, a)) || (number && !parse_number(e.argument, v))) {
        error = "corpora/patterns/quantities.txt: bad " + e.kind + " argument '" + e.argument + "'";
      }
    });
    return error;
  }

  // The amount starting at token i: a vague phrase, a written-out number or
  // a number token, with the hedge and sign before it and what it counts.
  bool read_quantity(const quantity_scan &s, std::size_t i, found_quantity &out) const {
    const context &ctx = s.ctx;
    const token &t = ctx.tokens[i];
    std::string_view text = token_text(ctx.text, t);
    const lexicon_hit *hit = s.hit_at(i);
    quantity &q = out.q;
    std::size_t next = i + 1;
    std::uint32_t end_byte = t.end;
    std::string_view compound_unit; // "week" of "six-week"
    if (hit != nullptr && hit->entry->kind == "vague") {
      q.has_value = false;
      q.approx = quantity_approx::about;
      next = hit->end;
      end_byte = ctx.tokens[next - 1].end;
    } else if (hit != nullptr && hit->entry->kind == "number") {
      if (!parse_number(hit->entry->argument, q.value)) {
        return false;
      }
      next = hit->end;
      end_byte = ctx.tokens[next - 1].end;
      if (hit->end_byte < end_byte) { // "six-week"
        if (ctx.text[hit->end_byte] != '-' ||
            !unit_after_dash(ctx.text, hit->end_byte, end_byte, compound_unit)) {
          return false;
        }
      }
    } else if (t.kind == token_kind::number) {
      if (!is_plain_number(s, i) || !parse_number(text, q.value)) {
        return false;
      }
    } else if (t.kind == token_kind::word && is_digit(text[0])) {
      std::size_t dash = text.find('-');
      if (dash == std::string_view::npos || !parse_number(text.substr(0, dash), q.value) ||
          !unit_after_dash(ctx.text, t.begin + static_cast<std::uint32_t>(dash), t.end,
                           compound_unit)) {
        return false; // "14th", "05pm"
      }
    } else {
      return false;
    }
    std::size_t first = i;
    q.begin = t.begin;
    q.number_begin = t.begin;
    const lexicon_hit *sign = s.hit_ending(i);
    if (sign != nullptr && sign->entry->kind == "currency") {
      q.unit = sign->entry->argument;
      first = sign->first;
      q.begin = ctx.tokens[first].begin;
    }
    // "minus 38 degrees": a below-zero reading, which takes no hedge ("до
    // минус 38" is "down to", not "up to").
    bool negative = sign != nullptr && sign->entry->kind == "minus";
    if (negative) {
      q.value = -q.value;
      first = sign->first;
      q.begin = ctx.tokens[first].begin;
    }
    const lexicon_hit *hedge = negative ? nullptr : s.hit_ending(first);
    bool hedged =
        hedge != nullptr && (hedge->entry->kind == "hedge" || hedge->entry->kind == "prep");
    const bool between = hedged && hedge->entry->argument == "range";
    q.value_max = q.value;
    bool ranged = false;
    bool scaled = false;
    if (compound_unit.empty() && q.has_value && !negative) {
      ranged = read_range_end(s, next, between, first, q.value_max);
      if (ranged) {
        end_byte = ctx.tokens[next - 1].end;
      }
      if (const lexicon_hit *scale = s.hit_at(next); scale && scale->entry->kind == "scale") {
        double factor = 0;
        if (parse_number(scale->entry->argument, factor)) {
          q.value *= factor; // "2 to 3 million": the scale is both bounds'
          q.value_max *= factor;
          scaled = true;
          next = scale->end;
          end_byte = ctx.tokens[next - 1].end;
        }
      }
    }
    if (between && !ranged) {
      hedged = false; // "between 30 people and ...": no range, no hedge
    }
    if (!hedged && q.unit.empty() && !is_amount(s, first, next)) {
      return false;
    }
    if (!compound_unit.empty()) {
      q.unit = compound_unit;
    } else if (q.unit.empty()) {
      read_unit(s, next, end_byte, q);
    }
    if (q.unit.empty() && (is_ratio(s, next) || (ranged && !between && !scaled))) {
      return false; // "two to one", and "3 to 1" with nothing counted
    }
    if (ranged) {
      q.approx = quantity_approx::range;
    }
    if (hedged && !(hedge->entry->kind == "prep" && lex_.time_units.contains(q.unit))) {
      approx_named(hedge->entry->argument, q.approx);
      first = hedge->first;
      q.begin = ctx.tokens[first].begin;
    }
    q.end = end_byte;
    out.first_token = first;
    out.number_token = i;
    // Every step above leaves end_byte at the end of token next - 1 (after
    // an inch mark, next at the first token after end_byte).
    out.end_token = next;
    return true;
  }

  // The upper bound of a range at token `next`: "and 40" after "between 30",
  // else "to 40" (not after "from": "rose from 30 to 40" is a change). On
  // success `next` moves past the bound.
  bool read_range_end(const quantity_scan &s, std::size_t &next, bool between, std::size_t first,
                      double &upper) const {
    const context &ctx = s.ctx;
    if (next + 1 >= ctx.tokens.size()) {
      return false;
    }
    const std::string_view link = token_text(ctx.text, ctx.tokens[next]);
    const bool from = first > 0 && token_text(ctx.text, ctx.tokens[first - 1]) == "from";
    if (between ? link != "and" : (link != "to" || from)) {
      return false;
    }
    const std::size_t bound = next + 1;
    const lexicon_hit *word = s.hit_at(bound);
    if (word != nullptr && word->entry->kind == "number") {
      if (!parse_number(word->entry->argument, upper) ||
          word->end_byte != ctx.tokens[word->end - 1].end) {
        return false; // "to six-week", not a bound
      }
      next = word->end;
      return true;
    }
    if (ctx.tokens[bound].kind != token_kind::number || !is_plain_number(s, bound) ||
        !parse_number(token_text(ctx.text, ctx.tokens[bound]), upper)) {
      return false;
    }
    next = bound + 1;
    return true;
  }

  // A number token that is a count rather than part of a date ("07.03.2024",
  // "18/06/2024", "2024-03-20"), a year, a clock time ("04:17", "0117 GMT"),
  // or a score ("2-1").
  bool is_plain_number(const quantity_scan &s, std::size_t i) const {
    const context &ctx = s.ctx;
    std::string_view text = token_text(ctx.text, ctx.tokens[i]);
    if (std::count(text.begin(), text.end(), '.') > 1 ||
        (text.size() > 1 && text[0] == '0' && is_digit(text[1]))) {
      return false;
    }
    if (text.size() == 4 && std::all_of(text.begin(), text.end(), is_digit)) {
      return false; // a year; four-digit counts are written "1,500"
    }
    auto joined = [&](std::size_t a, std::size_t b) { // tokens a and b touch
      return ctx.tokens[a].end == ctx.tokens[b].begin;
    };
    for (std::size_t n : {i - 1, i + 1}) {
      if ((n == i - 1 && i == 0) || n >= ctx.tokens.size()) {
        continue;
      }
      std::string_view w = token_text(ctx.text, ctx.tokens[n]);
      bool touching = n < i ? joined(n, i) : joined(i, n);
      if (touching && (w == ":" || w == "/" || w == "-")) {
        return false;
      }
    }
    return true;
  }

  // Context that makes a bare number no amount: a month name next to it
  // ("Oct. 7"), an age ("aged 19", "Delgado, 58,"), a clock time ("7 p.m."),
  // a name before it ("Pier 3", "Flight BR 417").
  bool is_amount(const quantity_scan &s, std::size_t first, std::size_t next) const {
    const context &ctx = s.ctx;
    auto word_is = [&](std::size_t t, lexicon::word_kind kind) {
      return t < ctx.tokens.size() && lex_.words.is(token_text(ctx.text, ctx.tokens[t]), kind);
    };
    bool unit_of_time = next < ctx.tokens.size() &&
                        lex_.time_units.contains(token_text(ctx.text, ctx.tokens[next]));
    if (word_is(next, lex_.time) || word_is(next, lex_.age) ||
        (unit_of_time && word_is(next + 1, lex_.age))) {
      return false; // "7 p.m.", "0117 GMT", "7 yaşındaki", "34 years old"
    }
    for (std::size_t back = 1; back <= age_reach && back <= first; ++back) {
      if (word_is(first - back, lex_.age)) {
        return false; // "aged 19", "the average age was 67"
      }
    }
    if (next < ctx.tokens.size() && months_.month_of(token_text(ctx.text, ctx.tokens[next])) != 0) {
      return false;
    }
    if (first == 0) {
      return true;
    }
    std::string_view prev = token_text(ctx.text, ctx.tokens[first - 1]);
    bool abbreviation = prev == "." && first >= 2 &&
                        ctx.tokens[first - 2].end == ctx.tokens[first - 1].begin &&
                        months_.month_of(token_text(ctx.text, ctx.tokens[first - 2])) != 0;
    if (months_.month_of(prev) != 0 || abbreviation) {
      return false; // "Oct. 7", "Aug" "." "15"
    }
    bool line_start = (ctx.tokens[first].flags & line_break_before) != 0;
    bool prev_opens_sentence = first == 1 ||
                               (ctx.tokens[first - 1].flags & line_break_before) != 0 ||
                               ends_sentence(token_text(ctx.text, ctx.tokens[first - 2]));
    if (!line_start && !prev_opens_sentence && ctx.tokens[first - 1].kind == token_kind::word &&
        is_capitalised(ctx.text, ctx.tokens[first - 1]) && !lex_.words.is(prev, lex_.stop) &&
        !prev.ends_with("'s") && !prev.ends_with("\u2019s")) {
      return false; // "Pier 3"
    }
    if (prev == "," && first >= 2 && is_capitalised(ctx.text, ctx.tokens[first - 2]) &&
        next < ctx.tokens.size() && next == first + 1) {
      std::string_view after_word = token_text(ctx.text, ctx.tokens[next]);
      double v = 0;
      parse_number(token_text(ctx.text, ctx.tokens[first]), v);
      if ((after_word == "," || after_word == ".") && v < max_age) {
        return false; // "Delgado, 58, beat"
      }
    }
    return true;
  }

  // What the amount counts: a listed unit ("%", "degrees Celsius"), an inch
  // mark, or the next word unless it is a function word or an event ("72,402
  // injured"); an adjective before a plural noun goes with it ("2,000
  // affordable homes").
  void read_unit(const quantity_scan &s, std::size_t &next, std::uint32_t &end_byte,
                 quantity &q) const {
    const context &ctx = s.ctx;
    if (const lexicon_hit *u = s.hit_at(next); u && u->entry->kind == "unit") {
      q.unit = u->entry->argument;
      next = u->end;
      end_byte = ctx.tokens[next - 1].end;
      return;
    }
    if (end_byte < ctx.text.size() && ctx.text[end_byte] == '"' && is_inch_mark(ctx, end_byte)) {
      q.unit = "inches";
      ++end_byte;
      next = token_at_or_after(ctx.tokens, end_byte);
      return;
    }
    if (!is_noun(s, next)) {
      return;
    }
    std::size_t noun = next;
    std::string_view w = token_text(ctx.text, ctx.tokens[noun]);
    if (!w.ends_with('s') && is_noun(s, noun + 1) &&
        !is_upper(decode_at(ctx.text, ctx.tokens[noun + 1].begin)) &&
        token_text(ctx.text, ctx.tokens[noun + 1]).ends_with('s')) {
      ++noun;
    }
    q.unit = token_text(ctx.text, ctx.tokens[noun]);
    next = noun + 1;
    end_byte = ctx.tokens[noun].end;
  }

  // "two to one": a ratio, not an amount.
  static bool is_ratio(const quantity_scan &s, std::size_t next) {
    const context &ctx = s.ctx;
    if (next + 1 >= ctx.tokens.size() || token_text(ctx.text, ctx.tokens[next]) != "to") {
      return false;
    }
    const lexicon_hit *h = s.hit_at(next + 1);
    return ctx.tokens[next + 1].kind == token_kind::number ||
           (h != nullptr && h->entry->kind == "number") ||
           token_text(ctx.text, ctx.tokens[next + 1]) == "one";
  }

  // A word that can be the counted noun.
  bool is_noun(const quantity_scan &s, std::size_t i) const {
    const context &ctx = s.ctx;
    if (i >= ctx.tokens.size() || ctx.tokens[i].kind != token_kind::word ||
        (ctx.tokens[i].flags & line_break_before) != 0) {
      return false;
    }
    std::string_view w = token_text(ctx.text, ctx.tokens[i]);
    if (is_digit(w[0]) || lex_.words.is(w, lex_.stop) || months_.month_of(w) != 0) {
      return false;
    }
    const lexicon_hit *h = s.hit_at(i);
    return h == nullptr || h->entry->kind == "event_noun" || h->entry->kind == "unit";
  }

  // `"` right after a number is an inch mark unless it closes a quotation
  // opened earlier on the line (an odd number of marks before it).
  static bool is_inch_mark(const context &ctx, std::uint32_t at) {
    std::size_t line_begin = ctx.text.rfind('\n', at);
    line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
    std::string_view before = ctx.text.substr(line_begin, at - line_begin);
    return std::count(before.begin(), before.end(), '"') % 2 == 0;
  }

  quantity_lexicon lex_;
  month_table months_;
};

} // namespace

void hit_index::index(const std::vector<lexicon_hit> &hits, std::size_t tokens) {
  for (std::uint32_t t : set_tokens) {
    starting[t] = -1;
    ending[t] = -1;
  }
  set_tokens.clear();
  if (starting.size() < tokens + 1) {
    starting.resize(tokens + 1, -1);
    ending.resize(tokens + 1, -1);
  }
  for (std::size_t h = hits.size(); h-- > 0;) { // the first of hits at one token wins
    starting[hits[h].first] = static_cast<int>(h);
    ending[hits[h].end] = static_cast<int>(h);
    set_tokens.push_back(hits[h].first);
    set_tokens.push_back(hits[h].end);
  }
}

std::unique_ptr<extractor> make_quantities_extractor() {
  return std::make_unique<quantities_extractor>();
}

} // namespace wirespeed::extract_detail
