#include "io/jsonl_record.hpp"

#include <simdjson.h>

#include <cstring>

#include "io/line_reader.hpp"
#include "io/utf8.hpp"

namespace wirespeed::io {
namespace {

namespace od = simdjson::ondemand;

static_assert(simdjson::SIMDJSON_PADDING <= line_reader::padding,
              "lines must carry the padding simdjson reads past a document");

std::string_view type_name(od::json_type type) {
  switch (type) {
  case od::json_type::array:
    return "an array";
  case od::json_type::object:
    return "an object";
  case od::json_type::number:
    return "a number";
  case od::json_type::string:
    return "a string";
  case od::json_type::boolean:
    return "a boolean";
  case od::json_type::null:
    return "null";
  }
  return "of unknown type";
}

std::string in_quotes(std::string_view key) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "\"" + string + "\"".
  std::string out;
  out.reserve(key.size() + 2);
  out.push_back('"');
  out.append(key);
  out.push_back('"');
  return out;
}

std::string in_field(std::string_view line, std::size_t offset) {
  std::string_view key = top_level_key_at(line, offset);
  return key.empty() ? std::string() : ", in field " + in_quotes(key);
}

/// Offset of the first non-blank byte after the line's first complete
/// object or array, or line.size() when there is none (or it never closes).
std::size_t end_of_first_value(std::string_view line) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        i += line[i] == '\\' ? 1 : 0;
      }
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && depth > 0 && --depth == 0) {
      std::size_t next = line.find_first_not_of(" \t\r\n", i + 1);
      return next == std::string_view::npos ? line.size() : next;
    }
  }
  return line.size();
}

/// Says what is wrong with a line simdjson refused: the byte-level causes
/// (NUL, bad UTF-8) are the useful ones to name, with their offset.
std::string diagnose(std::string_view line, simdjson::error_code code, const char *where) {
  if (const void *nul = std::memchr(line.data(), '\0', line.size())) {
    std::size_t offset = static_cast<std::size_t>(static_cast<const char *>(nul) - line.data());
    return "NUL byte at byte offset " + std::to_string(offset) + in_field(line, offset);
  }
  if (!is_valid_utf8(line)) {
    std::size_t offset = first_invalid_utf8(line);
    return "invalid UTF-8 at byte offset " + std::to_string(offset) + in_field(line, offset);
  }
  if (std::size_t end = end_of_first_value(line); end < line.size()) {
    return "trailing content after the JSON object at byte offset " + std::to_string(end);
  }
  std::string why = std::string("malformed JSON: ") + simdjson::error_message(code);
  if (where != nullptr && where > line.data() && where < line.data() + line.size()) {
    why += " (near byte offset " + std::to_string(where - line.data()) + ")";
  }
  return why;
}

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

} // namespace

struct jsonl_record_parser::impl {
  od::parser parser;

  std::string *slot(const jsonl_field_names &names, document &doc, std::string_view key) {
    // The text field is checked first: when two names coincide, text wins.
    if (key == names.text) {
      return &doc.text;
    }
    if (key == names.id) {
      return &doc.id;
    }
    if (key == names.title) {
      return &doc.title;
    }
    if (key == names.url) {
      return &doc.url;
    }
    if (key == names.source) {
      return &doc.source;
    }
    if (key == names.published) {
      return &doc.published;
    }
    return nullptr;
  }

  /// Stores one field. Strings are taken as they are; for metadata fields a
  /// number (numeric ids are common) is kept as written and null as empty.
  bool store(od::value &value, std::string_view key, bool is_text, std::string &target,
             std::string &why) {
    od::json_type type{};
    if (auto error = value.type().get(type)) {
      why = std::string("malformed JSON: ") + simdjson::error_message(error);
      return false;
    }
    if (type == od::json_type::string) {
      std::string_view text;
      if (auto error = value.get_string().get(text)) {
        why = std::string("bad string in field ") + in_quotes(key) + ": " +
              simdjson::error_message(error);
        return false;
      }
      if (const void *nul = std::memchr(text.data(), '\0', text.size())) {
        why = "NUL character (\\u0000) at byte offset " +
              std::to_string(static_cast<const char *>(nul) - text.data()) + " of field " +
              in_quotes(key);
        return false;
      }
      target.assign(text);
      return true;
    }
    if (!is_text && type == od::json_type::null) {
      target.clear();
      return true;
    }
    if (!is_text && type == od::json_type::number) {
      target.assign(trim_right(value.raw_json_token()));
      return true;
    }
    why = "field " + in_quotes(key) + " is " + std::string(type_name(type)) + ", not a string";
    return false;
  }
};

jsonl_record_parser::jsonl_record_parser() : impl_(std::make_unique<impl>()) {
}
jsonl_record_parser::~jsonl_record_parser() = default;

bool jsonl_record_parser::parse(std::string_view line, std::size_t capacity,
                                const jsonl_field_names &names, document &doc, std::string &why) {
  doc.id.clear();
  doc.source.clear();
  doc.url.clear();
  doc.published.clear();
  doc.title.clear();
  doc.text.clear();

  od::document json;
  auto fail = [&](simdjson::error_code code) {
    const char *where = nullptr;
    if (json.current_location().get(where) != simdjson::SUCCESS) {
      where = nullptr;
    }
    why = diagnose(line, code, where);
    return false;
  };
  if (auto error =
          impl_->parser.iterate(simdjson::padded_string_view(line.data(), line.size(), capacity))
              .get(json)) {
    why = diagnose(line, error, nullptr);
    return false;
  }
  od::object object;
  if (auto error = json.get_object().get(object)) {
    if (error == simdjson::INCORRECT_TYPE) {
      why = "not a JSON object (a JSON Lines record must be {...})";
      return false;
    }
    return fail(error);
  }
  bool have_text = false;
  for (auto field_result : object) {
    od::field field;
    if (auto error = std::move(field_result).get(field)) {
      return fail(error);
    }
    std::string_view key;
    if (auto error = field.unescaped_key().get(key)) {
      return fail(error);
    }
    std::string *target = impl_->slot(names, doc, key);
    if (target == nullptr) {
      continue; // on-demand skips the value when the loop advances
    }
    const bool is_text = target == &doc.text;
    if (!impl_->store(field.value(), key, is_text, *target, why)) {
      return false;
    }
    have_text = have_text || is_text;
  }
  const char *rest = nullptr;
  if (json.current_location().get(rest) == simdjson::SUCCESS) {
    why = "trailing content after the JSON object at byte offset " +
          std::to_string(rest - line.data());
    return false;
  }
  if (!have_text) {
    why = "missing field " + in_quotes(names.text);
    return false;
  }
  return true;
}

void copy_padded(std::string_view line, std::string &out) {
  out.reserve(line.size() + line_reader::padding);
  out.assign(line);
}

std::string_view top_level_key_at(std::string_view json, std::size_t offset) {
  // A tiny structural scan: strings (with escapes) and nesting depth suffice
  // to know which member of the top-level object a byte belongs to.
  std::string_view key;
  std::size_t depth = 0;
  bool expecting_key = false;
  for (std::size_t i = 0; i < json.size() && i <= offset; ++i) {
    const char c = json[i];
    if (c == '"') {
      std::size_t start = i + 1;
      for (++i; i < json.size() && json[i] != '"'; ++i) {
        if (json[i] == '\\') {
          ++i;
        }
      }
      if (depth == 1 && expecting_key) {
        if (offset >= start && offset < i) {
          return {};
        }
        key = json.substr(start, std::min(i, json.size()) - start);
        expecting_key = false;
      }
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
      expecting_key = depth == 1 && c == '{';
    } else if (c == '}' || c == ']') {
      if (depth == 1) {
        return {};
      }
      depth = depth > 0 ? depth - 1 : 0;
    } else if (c == ',' && depth == 1) {
      expecting_key = true;
      key = {};
    }
  }
  return depth >= 1 ? key : std::string_view{};
}

} // namespace wirespeed::io
