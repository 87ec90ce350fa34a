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
  if (o["title"].get(e) == simdjson::SUCCESS) {
    g.title = string_or_empty(e);
  }
  if (o["published"].get(e) == simdjson::SUCCESS) {
    g.published = string_or_empty(e);
  }
  if (o["dateline"].get(e) == simdjson::SUCCESS) {
    g.dateline = string_or_empty(e);
  }
  simdjson::dom::array a;
  if (o["byline"].get(a) == simdjson::SUCCESS) {
    for (element name : a) {
      g.byline.push_back(string_or_empty(name));
    }
  }
  if (o["boilerplate"].get(a) == simdjson::SUCCESS) {
    for (element item : a) {
      g.boilerplate.push_back(string_or_empty(item["text"].value_unsafe()));
    }
  }
  if (o["quotes"].get(a) == simdjson::SUCCESS) {
    for (element item : a) {
      eval_detail::gold_quote q;
      element f;
      if (item["text"].get(f) == simdjson::SUCCESS) {
        q.text = string_or_empty(f);
      }
      if (item["speaker"].get(f) == simdjson::SUCCESS) {
        q.speaker = string_or_empty(f);
      }
      if (item["verb"].get(f) == simdjson::SUCCESS) {
        q.verb = string_or_empty(f);
      }
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
      if (item["text"].get(f) == simdjson::SUCCESS) {
        q.text = string_or_empty(f);
      }
      if (item["value"].get(f) == simdjson::SUCCESS && f.is_number()) {
        q.has_value = f.get_double().get(q.value) == simdjson::SUCCESS;
      }
      if (item["approx"].get(f) == simdjson::SUCCESS) {
        q.approx = string_or_empty(f);
      }
      if (item["unit"].get(f) == simdjson::SUCCESS) {
        q.unit = string_or_empty(f);
      }
      if (item["event"].get(f) == simdjson::SUCCESS) {
        q.event = string_or_empty(f);
      }
      g.quantities.push_back(std::move(q));
    }
  }
  if (o["dates"].get(a) == simdjson::SUCCESS) {
    for (element item : a) {
      eval_detail::gold_date d;
      element f;
      if (item["text"].get(f) == simdjson::SUCCESS) {
        d.text = string_or_empty(f);
      }
      if (item["value"].get(f) == simdjson::SUCCESS) {
        d.value = string_or_empty(f);
      }
      if (item["kind"].get(f) == simdjson::SUCCESS) {
        d.kind = string_or_empty(f);
      }
      g.dates.push_back(std::move(d));
    }
  }
  if (o["entities"].get(a) == simdjson::SUCCESS) {
    for (element item : a) {
      eval_detail::gold_entity ent;
      element f;
      if (item["text"].get(f) == simdjson::SUCCESS) {
        ent.text = string_or_empty(f);
      }
      if (item["type"].get(f) == simdjson::SUCCESS) {
        ent.type = string_or_empty(f);
      }
      if (item["canonical"].get(f) == simdjson::SUCCESS) {
        ent.canonical = string_or_empty(f);
      }
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
