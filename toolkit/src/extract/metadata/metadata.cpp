// Metadata: title, byline, dateline and publication date. The header of an
// article is the run of short lines before its first body paragraph; the
// date is looked for there, the dateline at the start of that paragraph,
// bylines ("By", "Writing by") anywhere through the scan.
#include <algorithm>

#include "extract/common/builtin_data.hpp"
#include "extract/common/dates.hpp"
#include "extract/factories.hpp"
#include "extract/metadata/metadata.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t header_line_bytes = 120; // longer lines are body text
constexpr std::size_t dateline_reach = 60;     // the dateline ends this early
constexpr std::size_t dateline_words = 5;

const std::string label_byline = "byline";

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ends_sentence(std::string_view s) {
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// Where the first of " — ", " – ", " - ", ": " or " (" starts in `head`
// (npos: none). One pass: a find per separator stopped at every space of
// the line and compared there.
std::size_t first_separator(std::string_view head) {
  static constexpr std::string_view after_space[] = {"\u2014 ", "\u2013 ", "- ", "("};
  for (std::size_t i = 0; i + 1 < head.size(); ++i) {
    const std::string_view rest = head.substr(i + 1);
    if (head[i] == ':' && rest.starts_with(' ')) {
      return i;
    }
    if (head[i] == ' ' && std::any_of(std::begin(after_space), std::end(after_space),
                                      [&](std::string_view s) { return rest.starts_with(s); })) {
      return i;
    }
  }
  return std::string_view::npos;
}

// "OSLO, June 20 (Reuters) - ...": the place before the dash, colon or
// agency, without the date part. Every word must be capitalised (scripts
// without case pass), at most dateline_words of them.
std::string_view dateline_prefix(std::string_view line) {
  const std::size_t cut = first_separator(line.substr(0, dateline_reach));
  if (cut == std::string_view::npos || cut == 0) {
    return {};
  }
  std::string_view prefix = line.substr(0, cut);
  std::size_t keep = prefix.size();
  for (std::size_t comma = prefix.find(", "); comma != std::string_view::npos;
       comma = prefix.find(", ", comma + 2)) {
    if (has_digit(prefix.substr(comma + 2, prefix.find(", ", comma + 2) - comma - 2))) {
      keep = comma;
      break;
    }
  }
  prefix = trim(prefix.substr(0, keep));
  if (prefix.empty() || has_digit(prefix)) {
    return {};
  }
  std::size_t words = 0;
  for (std::size_t i = 0; i < prefix.size();) {
    std::size_t sp = prefix.find(' ', i);
    std::string_view w = prefix.substr(i, sp - i);
    if (!w.empty() && is_lower(decode_at(w, 0))) {
      return {};
    }
    ++words;
    i = sp == std::string_view::npos ? prefix.size() : sp + 1;
  }
  return words <= dateline_words ? prefix : std::string_view{};
}

bool is_short_caps_line(std::string_view s) {
  return s.size() <= 40 && !has_digit(s) && is_all_caps(s);
}

class metadata_extractor final : public extractor {
public:
  std::string add_patterns(match::pattern_set &set, std::uint32_t tag) override {
    if (auto e = months_.load(builtin_list("months")); !e.empty()) {
      return e;
    }
    match::pattern_options byline{.flags = match::flag::none, .label = label_byline, .tag = tag};
    set.add_regex(R"(^\*?By[ \t]+)", byline);
    set.add_regex(R"((^|[;.] |\*)((Additional )?[Rr]eporting|Writing|Written|Text) by[ \t]+)",
                  byline);
    return {};
  }

  std::string add_user_pattern(match::pattern_set &, std::uint32_t,
                               const match::pattern &) override {
    return "metadata takes no user patterns";
  }

  void run(const context &ctx, extraction &out) const override {
    out.title = ctx.doc.title;
    std::size_t body = find_body(ctx, out);
    std::uint64_t header_end = body < ctx.lines.size() ? ctx.lines[body].begin : ctx.text.size();
    published(ctx, out, header_end);
    for (const match::match &m : ctx.matches) {
      if (ctx.db.at(m.id).label == label_byline) {
        parse_byline_names(ctx, m.end, line_end(ctx, m.begin), out.byline);
      }
    }
  }

private:
  static std::uint64_t line_end(const context &ctx, std::uint64_t offset) {
    std::size_t nl = ctx.text.find('\n', offset);
    return nl == std::string_view::npos ? ctx.text.size() : nl;
  }

  static bool is_boilerplate(const extraction &out, const line &ln) {
    return std::any_of(out.boilerplate.begin(), out.boilerplate.end(),
                       [&](const auto &b) { return b.begin >= ln.begin && b.end <= ln.end; });
  }

  bool has_match(const context &ctx, const line &ln, const std::string &label) const {
    return std::any_of(ctx.matches.begin(), ctx.matches.end(), [&](const match::match &m) {
      return m.begin >= ln.begin && m.end <= ln.end && ctx.db.at(m.id).label == label;
    });
  }

  // Walks the header: title, bylines, date lines, furniture, short lines.
  // Returns the index of the first body line (lines.size() if none) and
  // sets the title (when the record has none), the "Name | date" byline and
  // the dateline.
  std::size_t find_body(const context &ctx, extraction &out) const {
    for (std::size_t i = 0; i < ctx.lines.size(); ++i) {
      const line &ln = ctx.lines[i];
      std::string_view s = trim(ctx.text.substr(ln.begin, ln.end - ln.begin));
      if (s.empty() || is_boilerplate(out, ln) || s == ctx.doc.title) {
        continue;
      }
      if (out.title.empty() && !ends_sentence(s) && s.size() <= header_line_bytes * 2) {
        out.title = s;
        continue;
      }
      if (std::string_view name = name_before_bar(s); !name.empty()) {
        out.byline.emplace_back(name);
        continue;
      }
      if (has_match(ctx, ln, label_byline) || is_date_line(s)) {
        if (s.size() <= header_line_bytes) {
          continue;
        }
      }
      if (is_short_caps_line(s)) {
        out.dateline = s;
        return i + 1;
      }
      if (s.size() <= header_line_bytes * 2 && !ends_sentence(s)) {
        continue; // "Staff Reporter", a headline or caption: still the header
      }
      out.dateline = dateline_prefix(s);
      return i;
    }
    return ctx.lines.size();
  }

  void published(const context &ctx, extraction &out, std::uint64_t header_end) const {
    const std::string &given = ctx.doc.published;
    civil_date d;
    if (given.size() >= 10 &&
        parse_date(std::string_view(given).substr(0, 10), months_, date_order::dmy, d)) {
      out.published = format_date(d);
      return;
    }
    // The header is a handful of short lines: parsing each as a date costs
    // less than running date patterns over the whole text.
    for (const line &ln : ctx.lines) {
      if (ln.begin >= header_end) {
        break;
      }
      std::string_view s = trim(ctx.text.substr(ln.begin, ln.end - ln.begin));
      if (!s.empty() && s.size() <= header_line_bytes && !is_boilerplate(out, ln) &&
          parse_date(s, months_, date_order::dmy, d)) {
        out.published = format_date(d);
        return;
      }
    }
  }

  [[nodiscard]] bool is_date_line(std::string_view s) const {
    civil_date d;
    return s.size() <= header_line_bytes && parse_date(s, months_, date_order::dmy, d);
  }

  month_table months_;
};

} // namespace

std::unique_ptr<extractor> make_metadata_extractor() {
  return std::make_unique<metadata_extractor>();
}

} // namespace wirespeed::extract_detail
