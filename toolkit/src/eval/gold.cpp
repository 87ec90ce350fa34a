// Gold JSON Lines -> gold_record, with simdjson.
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <simdjson.h>

#include "eval/gold.hpp"
#include "wirespeed/eval.hpp"

namespace wirespeed {
namespace {

using simdjson::dom::element;

std::string string_or_empty(element e) {
  std::string_view s;
  return e.get(s) == simdjson::SUCCESS ? std::string(s) : std::string();
}

// The string at obj[key]; empty when the key is missing or not a string.
std::string string_field(element obj, std::string_view key) {
  element f;
  return obj[key].get(f) == simdjson::SUCCESS ? string_or_empty(f) : std::string();
}

bool parse_record(element obj, eval_detail::gold_record &g) {
  simdjson::dom::object o;
  if (obj.get(o) != simdjson::SUCCESS) {
    return false;
  }
  element e;
  if (o["id"].get(e) != simdjson::SUCCESS || !e.is_string()) {
    return false;
  }
  g.id = string_or_empty(e);
  g.title = string_field(obj, "title");
  g.published = string_field(obj, "published");
  g.dateline = string_field(obj, "dateline");
  simdjson::dom::array a;
  if (o["byline"].get(a) == simdjson::SUCCESS) {
    for (element name : a) {
      g.byline.push_back(string_or_empty(name));
    }
  }
  if (o["boilerplate"].get(a) == simdjson::SUCCESS) {
    for (element item : a) {
      g.boilerplate.push_back(string_field(item, "text"));
    }
  }
  if (o["quotes"].get(a) == simdjson::SUCCESS) {
    for (element item : a) {
      eval_detail::gold_quote q;
      q.text = string_field(item, "text");
      q.speaker = string_field(item, "speaker");
      q.verb = string_field(item, "verb");
      bool partial = false;
      if (item["partial"].get(partial) == simdjson::SUCCESS) {
        q.partial = partial;
      }
      g.quotes.push_back(std::move(q));
    }
  }
  if (o["quantities"].get(a) == simdjson::SUCCESS) {
    for (element item : a) {
      eval_detail::gold_quantity q;
      element f;
      q.text = string_field(item, "text");
      if (item["value"].get(f) == simdjson::SUCCESS && f.is_number()) {
        q.has_value = f.get_double().get(q.value) == simdjson::SUCCESS;
      }
      q.approx = string_field(item, "approx");
      q.unit = string_field(item, "unit");
      q.event = string_field(item, "event");
      g.quantities.push_back(std::move(q));
    }
  }
  if (o["dates"].get(a) == simdjson::SUCCESS) {
    for (element item : a) {
      eval_detail::gold_date d;
      d.text = string_field(item, "text");
      d.value = string_field(item, "value");
      d.kind = string_field(item, "kind");
      g.dates.push_back(std::move(d));
    }
  }
  if (o["entities"].get(a) == simdjson::SUCCESS) {
    for (element item : a) {
      eval_detail::gold_entity ent;
      ent.text = string_field(item, "text");
      ent.type = string_field(item, "type");
      ent.canonical = string_field(item, "canonical");
      g.entities.push_back(std::move(ent));
    }
  }
  return true;
}

} // namespace

gold_set::gold_set() = default;
gold_set::~gold_set() = default;
gold_set::gold_set(gold_set &&) noexcept = default;
gold_set &gold_set::operator=(gold_set &&) noexcept = default;

std::size_t gold_set::size() const noexcept {
  return records_.size();
}

bool gold_set::load(std::string_view jsonl, std::string &error) {
  simdjson::dom::parser parser;
  std::size_t line_no = 0;
  while (!jsonl.empty()) {
    std::size_t nl = jsonl.find('\n');
    std::string_view line = jsonl.substr(0, nl);
    jsonl = nl == std::string_view::npos ? std::string_view{} : jsonl.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    element root;
    auto record = std::make_unique<eval_detail::gold_record>();
    if (parser.parse(simdjson::padded_string(line)).get(root) != simdjson::SUCCESS ||
        !parse_record(root, *record)) {
      error = fmt::format("gold line {}: not a JSON object with a string \"id\"", line_no);
      return false;
    }
    records_.push_back(std::move(record));
  }
  return true;
}

bool gold_set::load_file(const std::string &path, std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("{}: cannot open", path);
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (!load(text.str(), error)) {
    error = path + ": " + error;
    return false;
  }
  return true;
}

} // namespace wirespeed
