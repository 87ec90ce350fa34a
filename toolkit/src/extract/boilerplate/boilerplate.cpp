// Boilerplate: classifies whole lines as page furniture. A line is furniture
// when the list's phrases cover most of it, when it is a short line opening
// with one (no sentence-final punctuation), or when two different phrases
// occur in it (appeals run long). A credit after other text makes the line a
// caption, and a one-line block right above a credit line is its caption.
// Line-anchored patterns that are a few fixed phrases are looked up per line
// (line_phrases.hpp) rather than scanned.
#include <algorithm>

#include "extract/boilerplate/line_phrases.hpp"
#include "extract/common/builtin_data.hpp"
#include "extract/extractor.hpp"
#include "extract/factories.hpp"

namespace wirespeed {

std::string_view to_string(boilerplate_kind kind) noexcept {
  static constexpr std::string_view names[] = {"paywall", "share",  "related",    "comments",
                                               "caption", "credit", "navigation", "other"};
  return names[static_cast<std::size_t>(kind)];
}

bool parse_boilerplate_kind(std::string_view name, boilerplate_kind &kind) noexcept {
  for (std::uint8_t k = 0; k <= static_cast<std::uint8_t>(boilerplate_kind::other); ++k) {
    if (to_string(static_cast<boilerplate_kind>(k)) == name) {
      kind = static_cast<boilerplate_kind>(k);
      return true;
    }
  }
  return false;
}

namespace extract_detail {
namespace {

constexpr double most_of_line = 0.5;
constexpr std::size_t short_line_words = 10;

bool ends_sentence(std::string_view line) {
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
}

std::size_t word_count(std::string_view line) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    bool space = c == ' ' || c == '\t';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

class boilerplate_extractor final : public extractor {
public:
  std::string add_patterns(match::pattern_set &set, std::uint32_t tag) override {
    match::pattern_set list;
    auto loaded = list.load_text(builtin_list("boilerplate"), "corpora/patterns/boilerplate.txt");
    if (!loaded.ok()) {
      return loaded.err.message;
    }
    for (const match::pattern &p : list.patterns()) {
      if (auto e = add_user_pattern(set, tag, p); !e.empty()) {
        return "boilerplate.txt:" + std::to_string(p.line) + ": " + e;
      }
    }
    return {};
  }

  // Case is ignored, in every script the line is written in.
  std::string add_user_pattern(match::pattern_set &set, std::uint32_t tag,
                               const match::pattern &p) override {
    boilerplate_kind kind{};
    if (!parse_boilerplate_kind(p.label, kind)) {
      return "unknown boilerplate kind '" + p.label + "'";
    }
    if (p.kind == match::pattern_kind::regex) {
      if (std::optional<line_phrase_set> fixed = line_phrases_of(p.expression)) {
        phrases_.add(*fixed, kind);
        return {};
      }
    }
    match::flag flags = p.flags | match::flag::caseless;
    if (std::any_of(p.expression.begin(), p.expression.end(),
                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
      flags = flags | match::flag::utf8;
    }
    match::pattern_options options{.flags = flags, .label = p.label, .tag = tag};
    if (p.kind == match::pattern_kind::regex) {
      set.add_regex(p.expression, options);
    } else {
      set.add_literal(p.expression, options);
    }
    return {};
  }

  void run(const context &ctx, extraction &out) const override {
    std::size_t next = 0;
    std::vector<std::uint32_t> ids;
    for (std::size_t li = 0; li < ctx.lines.size(); ++li) {
      const line &ln = ctx.lines[li];
      std::string_view raw = ctx.text.substr(ln.begin, ln.end - ln.begin);
      std::string_view body = trim(raw);
      auto begin = static_cast<std::uint32_t>(ln.begin + (body.data() - raw.data()));
      auto end = static_cast<std::uint32_t>(begin + body.size());
      while (next < ctx.matches.size() && ctx.matches[next].begin < ln.begin) {
        ++next;
      }
      if (body.empty()) {
        continue;
      }
      // Union of the spans inside the line, the longest match and its kind;
      // a phrase the line opens with comes first.
      std::uint64_t covered = 0;
      std::uint64_t reach = begin;
      std::uint64_t longest = 0;
      std::uint64_t best_begin = 0;
      boilerplate_kind kind{};
      bool line_pattern = false;
      bool caption = false;
      if (auto opening = phrases_.longest(with_line_break(ctx.text, ln))) {
        longest = opening->length;
        best_begin = ln.begin;
        kind = opening->kind;
        line_pattern = true;
        caption = kind == boilerplate_kind::caption;
      }
      ids.clear();
      for (std::size_t k = next; k < ctx.matches.size() && ctx.matches[k].begin < ln.end; ++k) {
        const match::match &m = ctx.matches[k];
        if (m.end > ln.end || m.end <= m.begin) {
          continue;
        }
        std::uint64_t from = std::max<std::uint64_t>(m.begin, reach);
        if (m.end > from) {
          covered += m.end - from;
          reach = m.end;
        }
        const match::pattern &p = ctx.db.at(m.id);
        if (m.end - m.begin > longest) {
          longest = m.end - m.begin;
          best_begin = m.begin;
          static_cast<void>(parse_boilerplate_kind(p.label, kind));
        }
        line_pattern = line_pattern || p.expression.starts_with('^') || p.expression.ends_with('$');
        caption = caption || p.label == "caption";
        if (std::find(ids.begin(), ids.end(), m.id) == ids.end()) {
          ids.push_back(m.id);
        }
      }
      if (longest == 0) {
        continue;
      }
      // Patterns anchored to a line describe whole lines; a phrase alone
      // needs a cue: it covers most of the line, the line is short and no
      // sentence, or a second phrase occurs too.
      bool furniture =
          line_pattern ||
          static_cast<double>(covered) >= most_of_line * static_cast<double>(body.size()) ||
          (word_count(body) <= short_line_words && !ends_sentence(body)) || ids.size() >= 2;
      if (!furniture) {
        continue;
      }
      if (caption || (kind == boilerplate_kind::credit && best_begin > begin + 1)) {
        kind = boilerplate_kind::caption;
      }
      if (kind == boilerplate_kind::credit) {
        caption_above(ctx, li, out);
      }
      out.boilerplate.push_back({begin, end, kind});
    }
  }

private:
  // The line's bytes up to its '\n': a '\r' before it stays, as "$" sees it.
  static std::string_view with_line_break(std::string_view text, const line &ln) {
    const std::size_t end = ln.end < text.size() && text[ln.end] == '\r' ? ln.end + 1 : ln.end;
    return text.substr(ln.begin, end - ln.begin);
  }

  // "Residents wade through the flood.\nPhoto: AFP": a one-line block right
  // above a credit line is the photo's caption.
  static void caption_above(const context &ctx, std::size_t li, extraction &out) {
    if (li == 0) {
      return;
    }
    const line &above = ctx.lines[li - 1];
    std::string_view body = trim(ctx.text.substr(above.begin, above.end - above.begin));
    bool block_start =
        li == 1 || trim(ctx.text.substr(ctx.lines[li - 2].begin,
                                        ctx.lines[li - 2].end - ctx.lines[li - 2].begin))
                       .empty();
    if (body.empty() || !block_start ||
        (!out.boilerplate.empty() && out.boilerplate.back().end >= above.begin)) {
      return;
    }
    auto begin = static_cast<std::uint32_t>(body.data() - ctx.text.data());
    out.boilerplate.push_back(
        {begin, static_cast<std::uint32_t>(begin + body.size()), boilerplate_kind::caption});
  }

  line_phrase_table phrases_;
};

} // namespace

std::unique_ptr<extractor> make_boilerplate_extractor() {
  return std::make_unique<boilerplate_extractor>();
}

} // namespace extract_detail
} // namespace wirespeed
