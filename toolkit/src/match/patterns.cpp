// pattern_set: the builder, and the pattern-file format.
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>

#include "wirespeed/match.hpp"

namespace wirespeed::match {

std::string_view to_string(error_code code) noexcept {
  switch (code) {
  case error_code::ok:
    return "ok";
  case error_code::empty_pattern:
    return "empty_pattern";
  case error_code::bad_pattern:
    return "bad_pattern";
  case error_code::unsupported_pattern:
    return "unsupported_pattern";
  case error_code::io_error:
    return "io_error";
  case error_code::no_patterns:
    return "no_patterns";
  case error_code::not_compiled:
    return "not_compiled";
  case error_code::no_stream_mode:
    return "no_stream_mode";
  case error_code::invalid_utf8:
    return "invalid_utf8";
  case error_code::bad_serialized:
    return "bad_serialized";
  case error_code::out_of_memory:
    return "out_of_memory";
  case error_code::engine_error:
    return "engine_error";
  }
  return "unknown";
}

std::string default_cache_dir() {
  if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::string(xdg) + "/wirespeed";
  }
  if (const char *home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.cache/wirespeed";
  }
  return {};
}

std::uint32_t pattern_set::add(std::string_view text, pattern_kind kind,
                               const pattern_options &options, std::string_view file,
                               std::uint64_t line) {
  pattern p;
  p.expression.assign(text);
  p.kind = kind;
  p.flags = options.flags;
  p.label = options.label.empty() ? p.expression : options.label;
  p.tag = options.tag;
  p.file.assign(file);
  p.line = line;
  patterns_.push_back(std::move(p));
  return static_cast<std::uint32_t>(patterns_.size() - 1);
}

std::uint32_t pattern_set::add_literal(std::string_view text, const pattern_options &options) {
  return add(text, pattern_kind::literal, options, {}, 0);
}

std::uint32_t pattern_set::add_regex(std::string_view expression, const pattern_options &options) {
  return add(expression, pattern_kind::regex, options, {}, 0);
}

namespace {

error file_error(error_code code, std::string_view file, std::uint64_t line, std::string reason) {
  error e;
  e.code = code;
  e.file.assign(file);
  e.line = line;
  e.message = e.file + ":" + std::to_string(line) + ": " + reason;
  return e;
}

} // namespace

load_result pattern_set::load_text(std::string_view text, std::string_view origin,
                                   const pattern_options &options) noexcept {
  load_result result;
  result.ids.first = static_cast<std::uint32_t>(patterns_.size());
  try {
    std::uint64_t line_no = 0;
    while (!text.empty()) {
      ++line_no;
      const std::size_t eol = text.find('\n');
      std::string_view line = text.substr(0, eol);
      text = eol == std::string_view::npos ? std::string_view{} : text.substr(eol + 1);
      if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
      }
      const std::size_t first = line.find_first_not_of(" \t");
      if (first == std::string_view::npos || line[first] == '#') {
        continue;
      }
      pattern_options here = options;
      if (const std::size_t tab = line.find('\t'); tab != std::string_view::npos) {
        here.label.assign(line.substr(0, tab));
        line.remove_prefix(tab + 1);
      }
      pattern_kind kind = pattern_kind::literal;
      if (line.starts_with('\\')) {
        line.remove_prefix(1);
      } else if (line.starts_with("re:")) {
        line.remove_prefix(3);
        kind = pattern_kind::regex;
      }
      if (line.empty()) {
        result.err = file_error(error_code::empty_pattern, origin, line_no, "empty pattern");
        break;
      }
      add(line, kind, here, origin, line_no);
    }
  } catch (const std::bad_alloc &) {
    result.err.code = error_code::out_of_memory;
    result.err.message = std::string(origin) + ": out of memory";
  }
  if (!result.ok()) {
    // All or nothing: a half-loaded file would shift every later id.
    patterns_.resize(result.ids.first);
  }
  result.ids.count = static_cast<std::uint32_t>(patterns_.size()) - result.ids.first;
  return result;
}

load_result pattern_set::load_file(const std::string &path,
                                   const pattern_options &options) noexcept {
  load_result result;
  result.ids.first = static_cast<std::uint32_t>(patterns_.size());
  try {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream contents;
    if (in) {
      contents << in.rdbuf();
    }
    if (!in || in.bad()) {
      result.err.code = error_code::io_error;
      result.err.file = path;
      result.err.message = path + ": cannot read pattern file";
      return result;
    }
    return load_text(contents.view(), path, options);
  } catch (const std::bad_alloc &) {
    result.err.code = error_code::out_of_memory;
    result.err.message = path + ": out of memory";
  }
  return result;
}

} // namespace wirespeed::match
