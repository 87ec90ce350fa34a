// JSON output of an extraction, field selection, clean text and the
// document processor behind `wirespeed extract`.
#include <array>
#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "wirespeed/extract.hpp"
#include "wirespeed/jsonl.hpp"

namespace wirespeed {
namespace {

using namespace std::string_view_literals;

constexpr std::array<std::pair<std::string_view, std::uint32_t>, 10> field_names{{
    {"title", field_title},
    {"published", field_published},
    {"byline", field_byline},
    {"dateline", field_dateline},
    {"boilerplate", field_boilerplate},
    {"quotes", field_quotes},
    {"quantities", field_quantities},
    {"dates", field_dates},
    {"entities", field_entities},
    {"stats", field_stats},
}};

// `{"begin":B,"end":E` with `more` after it: every item array starts so.
void open_span(std::string &out, std::size_t begin, std::size_t end, std::string_view more) {
  out += "{\"begin\":"sv;
  append_json_number(out, begin);
  out += ",\"end\":"sv;
  append_json_number(out, end);
  out += more;
}

// An item's span and its text, as every item array but boilerplate writes it.
void open_text_span(std::string &out, std::string_view text, std::size_t begin, std::size_t end) {
  open_span(out, begin, end, ",\"text\":");
  append_json_string(out, text.substr(begin, end - begin));
}

void key(std::string &out, std::string_view name) {
  out += ",\""sv;
  out += name;
  out += "\":"sv;
}

void string_or_null(std::string &out, std::string_view s) {
  if (s.empty()) {
    out += "null"sv;
  } else {
    append_json_string(out, s);
  }
}

void append_quote(std::string &out, std::string_view text, const quote &q) {
  open_text_span(out, text, q.begin, q.end);
  out += ",\"speaker\":"sv;
  string_or_null(out, q.speaker);
  if (q.speaker_end > q.speaker_begin) {
    out += ",\"speaker_begin\":"sv;
    append_json_number(out, q.speaker_begin);
    out += ",\"speaker_end\":"sv;
    append_json_number(out, q.speaker_end);
  } else {
    out += ",\"speaker_begin\":null,\"speaker_end\":null"sv;
  }
  out += ",\"verb\":"sv;
  string_or_null(out, q.verb);
  out += q.partial ? ",\"partial\":true}"sv : ",\"partial\":false}"sv;
}

// Whole numbers as integers ("30800", not "30800.0"); others shortest form.
void append_number(std::string &out, double v) {
  constexpr double exact_integers = 1e15;
  if (std::abs(v) < exact_integers && v == std::floor(v)) {
    fmt::format_to(std::back_inserter(out), "{}", static_cast<long long>(v));
  } else {
    fmt::format_to(std::back_inserter(out), "{}", v);
  }
}

void append_quantity(std::string &out, std::string_view text, const quantity &q) {
  open_text_span(out, text, q.begin, q.end);
  out += ",\"value\":"sv;
  if (q.has_value) {
    append_number(out, q.value);
  } else {
    out += "null"sv;
  }
  if (q.approx == quantity_approx::range) {
    out += ",\"max\":"sv;
    append_number(out, q.value_max);
  }
  out += ",\"approx\":\""sv;
  out += to_string(q.approx);
  out += "\",\"unit\":"sv;
  string_or_null(out, q.unit);
  out += ",\"event\":"sv;
  string_or_null(out, q.event);
  out += '}';
}

void append_date(std::string &out, std::string_view text, const date_mention &d) {
  open_text_span(out, text, d.begin, d.end);
  out += ",\"value\":"sv;
  string_or_null(out, d.value);
  out += ",\"kind\":\""sv;
  out += to_string(d.kind);
  out += "\"}"sv;
}

void append_entity(std::string &out, std::string_view text, const entity &e) {
  open_text_span(out, text, e.begin, e.end);
  out += ",\"type\":\""sv;
  out += to_string(e.type);
  out += "\",\"canonical\":"sv;
  append_json_string(out, e.canonical);
  out += '}';
}

// A JSON array of `items`, each written by `append_item(out, text, item)`.
template <class Item>
void append_array(std::string &out, std::string_view text, const std::vector<Item> &items,
                  void (*append_item)(std::string &, std::string_view, const Item &)) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i != 0) {
      out += ',';
    }
    append_item(out, text, items[i]);
  }
  out += ']';
}

class extract_processor final : public document_processor {
public:
  extract_processor(std::shared_ptr<const extractor_set> set, const extract_output_options &options)
      : set_(std::move(set)), options_(options) {}

  bool process(const document &doc, std::string &out, std::string &why) override {
    if (auto e = set_->extract(doc, scratch_, result_); !e.ok()) {
      why = e.message;
      return false;
    }
    format_timer_.start();
    append_extraction_json(out, doc, result_, options_);
    out.push_back('\n');
    format_timer_.lap(0);
    return true;
  }

  [[nodiscard]] std::vector<named_seconds> stage_times() const override {
    std::vector<named_seconds> stages = scratch_.stage_times();
    stages.push_back(format_timer_.seconds().front());
    return stages;
  }

private:
  std::shared_ptr<const extractor_set> set_;
  extract_output_options options_;
  extract_scratch scratch_;
  extraction result_;
  stage_timer format_timer_{{"format"}};
};

} // namespace

std::string_view to_string(quantity_approx approx) noexcept {
  switch (approx) {
  case quantity_approx::exact:
    return "exact";
  case quantity_approx::at_least:
    return "at_least";
  case quantity_approx::more_than:
    return "more_than";
  case quantity_approx::nearly:
    return "nearly";
  case quantity_approx::about:
    return "about";
  case quantity_approx::at_most:
    return "at_most";
  case quantity_approx::less_than:
    return "less_than";
  case quantity_approx::range:
    return "range";
  }
  return "?";
}

std::string_view to_string(date_kind kind) noexcept {
  switch (kind) {
  case date_kind::absolute:
    return "absolute";
  case date_kind::relative:
    return "relative";
  case date_kind::duration:
    return "duration";
  }
  return "?";
}

bool parse_date_order(std::string_view name, date_order &order) noexcept {
  if (name == "dmy" || name == "mdy") {
    order = name == "dmy" ? date_order::dmy : date_order::mdy;
    return true;
  }
  return false;
}

std::uint32_t parse_extract_field(std::string_view name) noexcept {
  for (const auto &[field, bit] : field_names) {
    if (field == name) {
      return bit;
    }
  }
  return 0;
}

std::vector<extractor_id> extractors_for(std::uint32_t fields) {
  std::vector<extractor_id> out;
  // Dates resolve against the publication date, which metadata finds.
  if ((fields & (field_boilerplate | field_title | field_published | field_byline | field_dateline |
                 field_quotes | field_dates | field_entities)) != 0) {
    out.push_back(extractor_id::boilerplate); // the others skip furniture lines
  }
  if ((fields & (field_title | field_published | field_byline | field_dateline | field_dates |
                 field_entities)) != 0) {
    out.push_back(extractor_id::metadata);
  }
  if ((fields & field_quotes) != 0) {
    out.push_back(extractor_id::quotes);
  }
  if ((fields & (field_quantities | field_dates)) != 0) {
    out.push_back(extractor_id::quantities); // durations are quantities of time
  }
  if ((fields & field_dates) != 0) {
    out.push_back(extractor_id::dates);
  }
  if ((fields & field_entities) != 0) {
    out.push_back(extractor_id::entities); // the dateline is a place
  }
  return out;
}

std::string clean_text(std::string_view text, const extraction &result) {
  std::string out;
  out.reserve(text.size());
  std::size_t from = 0;
  for (const boilerplate_line &b : result.boilerplate) {
    std::size_t line_begin = text.rfind('\n', b.begin == 0 ? 0 : b.begin - 1);
    line_begin = b.begin == 0 || line_begin == std::string_view::npos ? 0 : line_begin + 1;
    std::size_t line_end = text.find('\n', b.end);
    line_end = line_end == std::string_view::npos ? text.size() : line_end + 1;
    if (line_begin < from) {
      continue;
    }
    out.append(text.substr(from, line_begin - from));
    from = line_end;
  }
  out.append(text.substr(std::min(from, text.size())));
  return out;
}

void append_extraction_json(std::string &out, const document &doc, const extraction &result,
                            const extract_output_options &options) {
  const std::uint32_t f = options.fields;
  out += "{\"id\":"sv;
  append_json_string(out, doc.id);
  key(out, "source");
  append_json_string(out, doc.source);
  key(out, "url");
  append_json_string(out, doc.url);
  if (f & field_title) {
    key(out, "title");
    append_json_string(out, result.title);
  }
  if (f & field_published) {
    key(out, "published");
    string_or_null(out, result.published);
  }
  if (f & field_byline) {
    key(out, "byline");
    out += '[';
    for (std::size_t i = 0; i < result.byline.size(); ++i) {
      if (i != 0) {
        out += ',';
      }
      append_json_string(out, result.byline[i]);
    }
    out += ']';
  }
  if (f & field_dateline) {
    key(out, "dateline");
    string_or_null(out, result.dateline);
  }
  if (f & field_boilerplate) {
    key(out, "boilerplate");
    out += '[';
    for (std::size_t i = 0; i < result.boilerplate.size(); ++i) {
      const boilerplate_line &b = result.boilerplate[i];
      if (i != 0) {
        out += ',';
      }
      open_span(out, b.begin, b.end, ",\"kind\":\"");
      out += to_string(b.kind);
      out += "\"}"sv;
    }
    out += ']';
  }
  if (f & field_quotes) {
    key(out, "quotes");
    append_array(out, doc.text, result.quotes, append_quote);
  }
  if (f & field_quantities) {
    key(out, "quantities");
    append_array(out, doc.text, result.quantities, append_quantity);
  }
  if (f & field_dates) {
    key(out, "dates");
    append_array(out, doc.text, result.dates, append_date);
  }
  if (f & field_entities) {
    key(out, "entities");
    append_array(out, doc.text, result.entities, append_entity);
  }
  if (f & field_stats) {
    const extract_stats &s = result.stats;
    key(out, "stats");
    fmt::format_to(std::back_inserter(out),
                   "{{\"bytes\":{},\"tokens\":{},\"sentences\":{},\"paragraphs\":{}}}", s.bytes,
                   s.tokens, s.sentences, s.paragraphs);
  }
  if (options.clean_text) {
    key(out, "text");
    append_json_string(out, clean_text(doc.text, result));
  }
  out += '}';
}

std::unique_ptr<document_processor> make_extract_processor(std::shared_ptr<const extractor_set> set,
                                                           const extract_output_options &options) {
  return std::make_unique<extract_processor>(std::move(set), options);
}

} // namespace wirespeed
