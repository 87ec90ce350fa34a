// Dates: absolute dates ("Feb. 10, 2024", "07.03.2024", "October 7", "2019"),
// relative ones ("on Thursday", "last week", "in January") resolved against
// the publication date (resolve.cpp), and durations, which are the
// quantities counted in units of time ("two days", "a 40-day truce").
#include <algorithm>

#include "extract/common/builtin_data.hpp"
#include "extract/common/dates.hpp"
#include "extract/common/lexicon.hpp"
#include "extract/common/text.hpp"
#include "extract/common/word_list.hpp"
#include "extract/dates/resolve.hpp"
#include "extract/factories.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t cue_reach = 8; // tokens looked back for "will", "expected"
constexpr int first_year = 1000;
constexpr int last_year = 2100;

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits.substr(0, 6)) {
    v = v * 10 + (c - '0');
  }
  return v;
}

// A day of the month: "7", "07", "3rd", "14th".
int day_number(std::string_view w) {
  std::size_t n = 0;
  while (n < w.size() && is_digit(w[n])) {
    ++n;
  }
  std::string_view suffix = w.substr(n);
  bool ordinal = suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
  if (n == 0 || n > 2 || (!suffix.empty() && !ordinal)) {
    return 0;
  }
  int d = to_int(w.substr(0, n));
  return d >= 1 && d <= 31 ? d : 0;
}

int year_number(std::string_view w) {
  int y = w.size() == 4 && all_digits(w) ? to_int(w) : 0;
  return y >= first_year && y <= last_year ? y : 0;
}

// The months list (number<TAB>name) in the lexicon's three-column form.
std::string month_entries(std::string_view months) {
  std::string out;
  for_each_list_line(months, [&](std::string_view number, std::string_view name) {
    out.append("month\t").append(number).append("\t").append(name).append("\n");
  });
  return out;
}

class dates_extractor final : public extractor {
public:
  explicit dates_extractor(const extract_options &options)
      : order_(options.numeric_date_order), reference_text_(options.reference_date) {}

  std::string add_patterns(match::pattern_set &set, std::uint32_t tag) override {
    if (!reference_text_.empty() &&
        (reference_text_.size() != 10 || reference_text_[4] != '-' || reference_text_[7] != '-' ||
         !parse_date(reference_text_, months_, date_order::dmy, reference_))) {
      return "reference date '" + reference_text_ + "' is not YYYY-MM-DD";
    }
    if (auto e = months_.load(builtin_list("months")); !e.empty()) {
      return e;
    }
    time_units_.load(builtin_list("time_units"));
    // Month names keep their case: "May" is a month, "may" a verb.
    if (auto e = lex_.load(month_entries(builtin_list("months")), "corpora/patterns/months.txt",
                           {"month"}, set, tag, false);
        !e.empty()) {
      return e;
    }
    return lex_.load(builtin_list("dates"), "corpora/patterns/dates.txt", {"weekday", "relative"},
                     set, tag);
  }

  std::string add_user_pattern(match::pattern_set &, std::uint32_t,
                               const match::pattern &) override {
    return "dates take no user patterns";
  }

  void run(const context &ctx, extraction &out) const override {
    civil_date ref;
    bool has_ref = !out.published.empty() && parse_date(out.published, months_, order_, ref);
    if (!has_ref && !reference_text_.empty()) {
      ref = reference_;
      has_ref = true;
    }
    thread_local std::vector<lexicon_hit> hits; // reused: no allocation per document
    lex_.hits(ctx, hits);
    furniture_filter furniture(out.boilerplate);
    for_each_start(ctx.tokens, hits, ctx.digits(), [&](std::size_t i, std::size_t h) {
      if (furniture.inside(ctx.tokens[i].begin)) {
        return i;
      }
      const lexicon_hit *hit = h < hits.size() && hits[h].first == i ? &hits[h] : nullptr;
      date_mention d;
      std::size_t next = read_date(ctx, hits, h, hit, i, has_ref ? &ref : nullptr, d);
      if (next > i) {
        out.dates.push_back(std::move(d));
      }
      return next;
    });
    add_durations(out);
  }

private:
  // The date starting at token i; returns the token after it, or i if none.
  std::size_t read_date(const context &ctx, const std::vector<lexicon_hit> &hits, std::size_t h,
                        const lexicon_hit *hit, std::size_t i, const civil_date *ref,
                        date_mention &d) const {
    const token &t = ctx.tokens[i];
    std::string_view w = token_text(ctx.text, t);
    auto month_hit_at = [&](std::size_t tok) -> const lexicon_hit * {
      for (std::size_t k = h; k < hits.size() && hits[k].first <= tok; ++k) {
        if (hits[k].first == tok && hits[k].entry->kind == "month") {
          return &hits[k];
        }
      }
      return nullptr;
    };
    if (int day = day_number(w); day != 0 && month_hit_at(i + 1) != nullptr) {
      const lexicon_hit *m = month_hit_at(i + 1);
      return day_month(ctx, i, m->end, to_int(m->entry->argument), day, ref, d); // "26 May 2024"
    }
    if (t.kind == token_kind::number) {
      return numeric(ctx, i, d);
    }
    if (hit == nullptr) {
      return i;
    }
    const lexicon_entry &e = *hit->entry;
    if (e.kind == "month") {
      return month_first(ctx, i, hit->end, to_int(e.argument), ref, d);
    }
    if (e.kind == "relative") {
      d = {t.begin, ctx.tokens[hit->end - 1].end, ref ? resolve_relative(*ref, e.argument) : "",
           date_kind::relative};
      return hit->end;
    }
    if (e.kind == "weekday") {
      std::size_t first = i;
      tense when = tense_before(ctx, i, first);
      d = {ctx.tokens[first].begin, t.end, {}, date_kind::relative};
      if (ref) {
        d.value = format_date(resolve_weekday(*ref, to_int(e.argument), when));
      }
      return hit->end;
    }
    return i;
  }

  // "next"/"last" right before (part of the date, `first` moves to it), or a
  // future cue earlier in the clause ("are expected back on Tuesday").
  tense tense_before(const context &ctx, std::size_t i, std::size_t &first) const {
    if (i > 0) {
      std::string_view prev = token_text(ctx.text, ctx.tokens[i - 1]);
      if (lex_.is(prev, "after") || lex_.is(prev, "before")) {
        first = i - 1;
        return lex_.is(prev, "after") ? tense::strictly_future : tense::strictly_past;
      }
    }
    for (std::size_t k = i; k > 0 && i - k < cue_reach; --k) {
      std::string_view w = token_text(ctx.text, ctx.tokens[k - 1]);
      if (w == "." || w == "!" || w == "?" || w == ";" ||
          (ctx.tokens[k].flags & line_break_before) != 0) {
        break;
      }
      if (lex_.is(w, "future")) {
        return tense::future;
      }
    }
    return tense::past;
  }

  // "26 May 2024", "15 янв": day, month, optional year.
  std::size_t day_month(const context &ctx, std::size_t i, std::size_t after_month, int month,
                        int day, const civil_date *ref, date_mention &d) const {
    d.begin = ctx.tokens[i].begin;
    d.kind = date_kind::absolute;
    return finish_day(ctx, after_month, month, day, ref, d);
  }

  // Sets the value from an optional year at token `at` (else the occurrence
  // nearest the reference) and the end; returns the token after the date.
  std::size_t finish_day(const context &ctx, std::size_t at, int month, int day,
                         const civil_date *ref, date_mention &d) const {
    std::size_t year_at = at;
    if (year_at < ctx.tokens.size() && token_text(ctx.text, ctx.tokens[year_at]) == ",") {
      ++year_at;
    }
    int year = year_at < ctx.tokens.size() && ctx.tokens[year_at].kind == token_kind::number
                   ? year_number(token_text(ctx.text, ctx.tokens[year_at]))
                   : 0;
    civil_date date{year, month, day};
    if (year != 0 && is_valid(date)) {
      d.value = format_date(date);
      d.end = ctx.tokens[year_at].end;
      return year_at + 1;
    }
    d.end = ctx.tokens[at - 1].end;
    if (ref) {
      civil_date near = resolve_month_day(*ref, month, day, tense::past);
      d.value = is_valid(near) ? format_date(near) : std::string();
    }
    return at;
  }

  // "Feb. 27, 2024", "Oct. 7", "November 2024", "in January".
  std::size_t month_first(const context &ctx, std::size_t i, std::size_t after, int month,
                          const civil_date *ref, date_mention &d) const {
    d.begin = ctx.tokens[i].begin;
    d.kind = date_kind::absolute;
    std::size_t month_end = after; // "Aug" "." "15": the tokenizer keeps few abbreviations whole
    if (after + 1 < ctx.tokens.size() && token_text(ctx.text, ctx.tokens[after]) == "." &&
        ctx.tokens[after - 1].end == ctx.tokens[after].begin &&
        ctx.tokens[after + 1].kind == token_kind::number) {
      ++after;
    }
    if (after < ctx.tokens.size() && ctx.tokens[after].kind == token_kind::number) {
      std::string_view w = token_text(ctx.text, ctx.tokens[after]);
      if (int year = year_number(w); year != 0) {
        d.value = format_month({year, month, 1});
        d.end = ctx.tokens[after].end;
        return after + 1;
      }
      if (int day = day_number(w); day != 0) {
        return finish_day(ctx, after + 1, month, day, ref, d);
      }
    }
    if (i == 0 || !lex_.is(token_text(ctx.text, ctx.tokens[i - 1]), "month_cue")) {
      return i; // "May" alone is a name or a verb as often as a month
    }
    after = month_end;
    d.kind = date_kind::relative;
    d.end = ctx.tokens[after - 1].end;
    if (ref) {
      std::size_t first = i;
      tense when = lex_.is(token_text(ctx.text, ctx.tokens[i - 1]), "past")
                       ? tense::past
                       : tense_before(ctx, i, first);
      d.value = format_month(resolve_month_day(*ref, month, 0, when));
    }
    return after;
  }

  // "07.03.2024", "18/06/2024", "2024-03-20", or a year ("in 2019").
  std::size_t numeric(const context &ctx, std::size_t i, date_mention &d) const {
    const token &t = ctx.tokens[i];
    std::string_view w = token_text(ctx.text, t);
    civil_date date;
    d.begin = t.begin;
    d.kind = date_kind::absolute;
    if (std::count(w.begin(), w.end(), '.') == 2 && parse_date(w, months_, order_, date)) {
      d.end = t.end;
      d.value = format_date(date);
      return i + 1;
    }
    // Five touching tokens: number, separator, number, same separator, number
    // (or the day of an ISO timestamp, "20" of "2024-03-20T08:30:00Z").
    if (i + 4 < ctx.tokens.size() && ctx.tokens[i + 4].begin - t.begin <= 10) {
      std::string_view sep = token_text(ctx.text, ctx.tokens[i + 1]);
      bool touching = true;
      for (std::size_t k = i; k < i + 4; ++k) {
        touching = touching && ctx.tokens[k].end == ctx.tokens[k + 1].begin;
      }
      std::string_view last = token_text(ctx.text, ctx.tokens[i + 4]);
      std::size_t day_bytes = last.size() > 3 && last[2] == 'T' ? 2 : last.size();
      std::uint32_t end = ctx.tokens[i + 4].begin + static_cast<std::uint32_t>(day_bytes);
      std::string_view span = ctx.text.substr(t.begin, end - t.begin);
      if (touching && (sep == "/" || sep == "-") &&
          token_text(ctx.text, ctx.tokens[i + 3]) == sep &&
          ctx.tokens[i + 2].kind == token_kind::number && all_digits(last.substr(0, day_bytes)) &&
          parse_date(span, months_, order_, date)) {
        d.end = end;
        d.value = format_date(date);
        return i + 5;
      }
    }
    int year = year_number(w);
    bool sign_before = i > 0 && ctx.tokens[i - 1].kind == token_kind::symbol;
    bool percent_after =
        i + 1 < ctx.tokens.size() && token_text(ctx.text, ctx.tokens[i + 1]) == "%";
    if (year == 0 || sign_before || percent_after) {
      return i;
    }
    d.end = t.end;
    d.value = std::to_string(year);
    return i + 1;
  }

  // Quantities counted in units of time, without their hedge: "less than
  // seven minutes" -> "seven minutes".
  void add_durations(extraction &out) const {
    std::size_t before = out.dates.size();
    for (const quantity &q : out.quantities) {
      if (q.has_value && time_units_.contains(q.unit)) {
        out.dates.push_back({q.number_begin, q.end, {}, date_kind::duration});
      }
    }
    std::inplace_merge(
        out.dates.begin(), out.dates.begin() + static_cast<std::ptrdiff_t>(before), out.dates.end(),
        [](const date_mention &a, const date_mention &b) { return a.begin < b.begin; });
  }

  date_order order_;
  std::string reference_text_;
  civil_date reference_;
  month_table months_;
  word_list time_units_;
  lexicon lex_;
};

} // namespace

std::unique_ptr<extractor> make_dates_extractor(const extract_options &options) {
  return std::make_unique<dates_extractor>(options);
}

} // namespace wirespeed::extract_detail
