// Matching predictions to gold by exact text, per document.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "eval/gold.hpp"
#include "wirespeed/eval.hpp"

namespace wirespeed {
namespace {

enum field_index : std::size_t {
  f_boilerplate,
  f_quotes,
  f_byline,
  f_dateline,
  f_published,
  f_title,
  f_quantities,
  f_dates,
  f_person, // then organization and place, in entity_type order
};

// Matches `predicted` against `gold` one to one by equal text; returns for
// each predicted item the gold index it matched, or SIZE_MAX.
std::vector<std::size_t> match_texts(const std::vector<std::string_view> &predicted,
                                     const std::vector<std::string_view> &gold) {
  std::vector<bool> used(gold.size(), false);
  std::vector<std::size_t> out;
  for (std::string_view p : predicted) {
    std::size_t hit = SIZE_MAX;
    for (std::size_t g = 0; g < gold.size(); ++g) {
      if (!used[g] && gold[g] == p) {
        used[g] = true;
        hit = g;
        break;
      }
    }
    out.push_back(hit);
  }
  return out;
}

void count_lists(const std::string &id, const char *field,
                 const std::vector<std::string_view> &predicted,
                 const std::vector<std::string_view> &gold, eval_counts &c, eval_report &report,
                 std::vector<std::size_t> *matches = nullptr) {
  auto hits = match_texts(predicted, gold);
  std::vector<bool> found(gold.size(), false);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (hits[i] == SIZE_MAX) {
      ++c.false_positives;
      report.errors.push_back(fmt::format("{}: {}: extra \"{}\"", id, field, predicted[i]));
    } else {
      ++c.true_positives;
      found[hits[i]] = true;
    }
  }
  for (std::size_t g = 0; g < gold.size(); ++g) {
    if (!found[g]) {
      ++c.false_negatives;
      report.errors.push_back(fmt::format("{}: {}: missed \"{}\"", id, field, gold[g]));
    }
  }
  if (matches) {
    *matches = std::move(hits);
  }
}

void count_value(const std::string &id, const char *field, std::string_view predicted,
                 std::string_view gold, eval_counts &c, eval_report &report) {
  if (!predicted.empty() && predicted == gold) {
    ++c.true_positives;
    return;
  }
  if (!predicted.empty()) {
    ++c.false_positives;
  }
  if (!gold.empty()) {
    ++c.false_negatives;
  }
  if (!predicted.empty() || !gold.empty()) {
    report.errors.push_back(
        fmt::format("{}: {}: got \"{}\", gold \"{}\"", id, field, predicted, gold));
  }
}

// Gold lists each distinct span once (corpora/README.md), so a span the
// extractor finds twice is scored once, by its first occurrence.
bool add_distinct(std::vector<std::string_view> &spans, std::string_view span) {
  if (std::find(spans.begin(), spans.end(), span) != spans.end()) {
    return false;
  }
  spans.push_back(span);
  return true;
}

bool same_value(const quantity &q, const eval_detail::gold_quantity &g) {
  constexpr double tolerance = 1e-9;
  if (q.has_value != g.has_value) {
    return false;
  }
  return !q.has_value ||
         std::abs(q.value - g.value) <= tolerance * std::max(1.0, std::abs(g.value));
}

std::string describe(const quantity &q) {
  return fmt::format("{} {} {} {}", q.has_value ? fmt::format("{}", q.value) : "null",
                     to_string(q.approx), q.unit.empty() ? "null" : q.unit,
                     q.event.empty() ? "null" : q.event);
}

std::string describe(const eval_detail::gold_quantity &g) {
  return fmt::format("{} {} {} {}", g.has_value ? fmt::format("{}", g.value) : "null", g.approx,
                     g.unit.empty() ? "null" : g.unit, g.event.empty() ? "null" : g.event);
}

void score_quantities(const eval_detail::gold_record &g, std::string_view text,
                      const extraction &result, eval_report &report) {
  std::vector<std::string_view> predicted;
  std::vector<std::string_view> gold;
  std::vector<std::size_t> index; // predicted -> result.quantities
  for (std::size_t i = 0; i < result.quantities.size(); ++i) {
    const quantity &q = result.quantities[i];
    if (add_distinct(predicted, text.substr(q.begin, q.end - q.begin))) {
      index.push_back(i);
    }
  }
  for (const auto &q : g.quantities) {
    gold.push_back(q.text);
  }
  std::vector<std::size_t> hits;
  count_lists(g.id, "quantities", predicted, gold, report.fields[f_quantities], report, &hits);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (hits[i] == SIZE_MAX) {
      continue;
    }
    const quantity &q = result.quantities[index[i]];
    const eval_detail::gold_quantity &want = g.quantities[hits[i]];
    ++report.quantities_total;
    bool details = same_value(q, want) && to_string(q.approx) == want.approx && q.unit == want.unit;
    bool event = q.event == want.event;
    report.quantity_details_right += details;
    report.quantity_events_right += event;
    if (!details || !event) {
      report.errors.push_back(fmt::format("{}: quantity: got \"{}\", gold \"{}\" for \"{}\"", g.id,
                                          describe(q), describe(want), predicted[i]));
    }
  }
}

void score_dates(const eval_detail::gold_record &g, std::string_view text, const extraction &result,
                 eval_report &report) {
  std::vector<std::string_view> predicted;
  std::vector<std::string_view> gold;
  std::vector<std::size_t> index; // predicted -> result.dates
  for (std::size_t i = 0; i < result.dates.size(); ++i) {
    const date_mention &d = result.dates[i];
    if (add_distinct(predicted, text.substr(d.begin, d.end - d.begin))) {
      index.push_back(i);
    }
  }
  for (const auto &d : g.dates) {
    gold.push_back(d.text);
  }
  std::vector<std::size_t> hits;
  count_lists(g.id, "dates", predicted, gold, report.fields[f_dates], report, &hits);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (hits[i] == SIZE_MAX) {
      continue;
    }
    const date_mention &d = result.dates[index[i]];
    const eval_detail::gold_date &want = g.dates[hits[i]];
    ++report.dates_total;
    if (d.value == want.value) {
      ++report.date_values_right;
    } else {
      report.errors.push_back(fmt::format("{}: date value: got \"{}\", gold \"{}\" for \"{}\"",
                                          g.id, d.value, want.value, predicted[i]));
    }
  }
}

// Entities of one type: the distinct texts predicted against the gold's;
// canonical names are compared on the matched ones.
void score_entities(const eval_detail::gold_record &g, std::string_view text,
                    const extraction &result, entity_type type, eval_report &report) {
  std::vector<std::string_view> predicted;
  std::vector<std::string_view> canonicals;
  for (const entity &e : result.entities) {
    std::string_view t = text.substr(e.begin, e.end - e.begin);
    if (e.type == type && std::find(predicted.begin(), predicted.end(), t) == predicted.end()) {
      predicted.push_back(t);
      canonicals.push_back(e.canonical);
    }
  }
  std::vector<std::string_view> gold;
  std::vector<const eval_detail::gold_entity *> items;
  for (const auto &e : g.entities) {
    if (e.type == to_string(type)) {
      gold.push_back(e.text);
      items.push_back(&e);
    }
  }
  std::vector<std::size_t> hits;
  std::string field = std::string(to_string(type));
  count_lists(g.id, field.c_str(), predicted, gold,
              report.fields[f_person + static_cast<std::size_t>(type)], report, &hits);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (hits[i] == SIZE_MAX) {
      continue;
    }
    ++report.canonical_total;
    if (canonicals[i] == items[hits[i]]->canonical) {
      ++report.canonical_right;
    } else {
      report.errors.push_back(fmt::format("{}: canonical: got \"{}\", gold \"{}\" for \"{}\"", g.id,
                                          canonicals[i], items[hits[i]]->canonical, predicted[i]));
    }
  }
}

} // namespace

void gold_set::score(const document &doc, const extraction &result, eval_report &report) const {
  auto it = std::find_if(records_.begin(), records_.end(),
                         [&](const auto &r) { return r->id == doc.id; });
  if (it == records_.end()) {
    ++report.without_gold;
    return;
  }
  const eval_detail::gold_record &g = **it;
  ++report.documents;
  std::string_view text = doc.text;

  std::vector<std::string_view> predicted;
  std::vector<std::string_view> gold;
  for (const boilerplate_line &b : result.boilerplate) {
    predicted.push_back(text.substr(b.begin, b.end - b.begin));
  }
  gold.assign(g.boilerplate.begin(), g.boilerplate.end());
  count_lists(g.id, "boilerplate", predicted, gold, report.fields[f_boilerplate], report);

  predicted.clear();
  for (const quote &q : result.quotes) {
    predicted.push_back(text.substr(q.begin, q.end - q.begin));
  }
  gold.clear();
  for (const auto &q : g.quotes) {
    gold.push_back(q.text);
  }
  std::vector<std::size_t> hits;
  count_lists(g.id, "quotes", predicted, gold, report.fields[f_quotes], report, &hits);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (hits[i] == SIZE_MAX) {
      continue;
    }
    ++report.speakers_total;
    const std::string &want = g.quotes[hits[i]].speaker;
    if (result.quotes[i].speaker == want) {
      ++report.speakers_right;
    } else {
      report.errors.push_back(fmt::format("{}: speaker: got \"{}\", gold \"{}\" for \"{}\"", g.id,
                                          result.quotes[i].speaker, want, predicted[i]));
    }
  }

  predicted.assign(result.byline.begin(), result.byline.end());
  gold.assign(g.byline.begin(), g.byline.end());
  count_lists(g.id, "byline", predicted, gold, report.fields[f_byline], report);
  count_value(g.id, "dateline", result.dateline, g.dateline, report.fields[f_dateline], report);
  count_value(g.id, "published", result.published, g.published, report.fields[f_published], report);
  count_value(g.id, "title", result.title, g.title, report.fields[f_title], report);
  score_quantities(g, text, result, report);
  score_dates(g, text, result, report);
  for (entity_type type : {entity_type::person, entity_type::organization, entity_type::place}) {
    score_entities(g, text, result, type, report);
  }
}

} // namespace wirespeed
