// What happened to a quantity, from the words of its sentence.
#include <algorithm>

#include "extract/quantities/quantities.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::size_t after_reach = 8;       // tokens looked at after the amount
constexpr std::size_t apposition_reach = 10; // ", mostly women and children,"
constexpr std::size_t before_gap = 2;        // "the death toll to at least 30,717"

bool is_event(const lexicon_hit *h) {
  return h != nullptr && (h->entry->kind == "event" || h->entry->kind == "event_noun");
}

bool ends_clause(const context &ctx, std::size_t t) {
  std::string_view w = token_text(ctx.text, ctx.tokens[t]);
  return w == "." || w == "!" || w == "?" || w == ";" || w == ":" ||
         (ctx.tokens[t].flags & line_break_before) != 0;
}

// After the amount: past an apposition (", mostly women and children,") and
// auxiliaries ("had been") to the first event word, stopping at the end of
// the clause or another number, unless the amount goes on with "of" ("85% of
// Gaza's 2.3 million residents have been displaced": the event is the 85%'s).
// Returns the event hit, and in `reach_end` how far an "of" phrase reached.
const lexicon_hit *event_after(const quantity_scan &s, std::size_t j, std::size_t &reach_end) {
  const context &ctx = s.ctx;
  const std::size_t n = ctx.tokens.size();
  reach_end = j;
  if (j < n && token_text(ctx.text, ctx.tokens[j]) == ",") {
    std::size_t k = j + 1;
    while (k < n && k < j + apposition_reach && !ends_clause(ctx, k) &&
           token_text(ctx.text, ctx.tokens[k]) != ",") {
      ++k;
    }
    if (k >= n || token_text(ctx.text, ctx.tokens[k]) != ",") {
      return nullptr;
    }
    j = k + 1;
  }
  bool of_phrase = j < n && token_text(ctx.text, ctx.tokens[j]) == "of";
  for (std::size_t steps = 0; j < n && steps < after_reach; ++steps) {
    if (const lexicon_hit *h = s.hit_at(j); is_event(h)) {
      return h;
    }
    const token &t = ctx.tokens[j];
    if (ends_clause(ctx, j) || (t.kind == token_kind::punctuation) ||
        (t.kind == token_kind::number && !of_phrase)) {
      break;
    }
    ++j;
    reach_end = of_phrase ? j : reach_end;
  }
  return nullptr;
}

// A verb shortly before the amount, with only words in between, none of
// them a conjunction ("died and more than 60 were missing": another clause).
const lexicon_hit *event_before(const quantity_scan &s, std::size_t first) {
  for (std::size_t gap = 0; gap <= before_gap && gap < first; ++gap) {
    std::size_t at = first - gap;
    if (const lexicon_hit *h = s.hit_ending(at); is_event(h)) {
      return h;
    }
    std::string_view w = token_text(s.ctx.text, s.ctx.tokens[at - 1]);
    if (s.ctx.tokens[at - 1].kind != token_kind::word || w == "and" || w == "or" || w == "but") {
      break;
    }
  }
  return nullptr;
}

} // namespace

void assign_events(const quantity_scan &s, std::vector<found_quantity> &found) {
  const context &ctx = s.ctx;
  // Reused per thread: no allocation per document.
  thread_local std::vector<bool> complement;
  thread_local std::vector<bool> governed; // event from a verb before it
  complement.assign(found.size(), false);
  governed.assign(found.size(), false);
  for (std::size_t k = 0; k < found.size(); ++k) {
    found_quantity &f = found[k];
    if (s.lex.time_units.contains(f.q.unit)) {
      continue; // a duration: "82 people killed in the past 24 hours"
    }
    const lexicon_hit *event = nullptr;
    if (const lexicon_hit *h = s.hit_ending(f.first_token); is_event(h)) {
      event = h;
      governed[k] = true;
    }
    if (const lexicon_hit *noun = s.hit_ending(f.end_token);
        !event && noun && noun->entry->kind == "event_noun") {
      event = noun;
    }
    std::size_t reach_end = f.end_token;
    if (!event && !complement[k]) {
      event = event_after(s, f.end_token, reach_end);
    }
    for (std::size_t m = k + 1; m < found.size() && found[m].first_token < reach_end; ++m) {
      complement[m] = true;
    }
    if (!event) {
      event = event_before(s, f.first_token);
    }
    if (event) {
      f.q.event = event->entry->argument;
      continue;
    }
    // "killed 30 and wounded 72,000" shares nothing, "evacuation of dozens of
    // villages and thousands of residents" shares the verb; "dozens of
    // people, 11 of them" is part of the amount before.
    if (k == 0) {
      continue;
    }
    const found_quantity &prev = found[k - 1];
    bool and_joined = f.first_token >= 1 && prev.end_token + 1 == f.first_token &&
                      token_text(ctx.text, ctx.tokens[f.first_token - 1]) == "and" &&
                      governed[k - 1];
    std::size_t e = f.end_token;
    bool part_of = e + 1 < ctx.tokens.size() && token_text(ctx.text, ctx.tokens[e]) == "of" &&
                   (token_text(ctx.text, ctx.tokens[e + 1]) == "them" ||
                    token_text(ctx.text, ctx.tokens[e + 1]) == "whom") &&
                   prev.end_token + 2 >= f.first_token;
    if (and_joined || part_of) {
      f.q.event = prev.q.event;
      governed[k] = governed[k - 1];
    }
  }
}

} // namespace wirespeed::extract_detail
