// C API over wirespeed::match: compile, serialise/load, scan with a callback.
#include <string>
#include <vector>

#include "capi/status.hpp"
#include "wirespeed/match.hpp"

struct ws_database {
  wirespeed::match::database db;
};

namespace wirespeed::capi {
namespace {

namespace wm = wirespeed::match;

constexpr unsigned all_flags = WS_CASELESS | WS_WHOLE_WORD | WS_UTF8;

ws_status status_of(const wm::error &e) noexcept {
  switch (e.code) {
  case wm::error_code::ok:
    return WS_OK;
  case wm::error_code::empty_pattern:
  case wm::error_code::bad_pattern:
  case wm::error_code::unsupported_pattern:
  case wm::error_code::no_patterns:
    return fail(WS_BAD_PATTERN, e.message);
  case wm::error_code::io_error:
    return fail(WS_IO_ERROR, e.message);
  case wm::error_code::invalid_utf8:
    return fail(WS_INVALID_UTF8, e.message);
  case wm::error_code::bad_serialized:
    return fail(WS_BAD_DATABASE, e.message);
  case wm::error_code::out_of_memory:
    return fail(WS_OUT_OF_MEMORY, e.message);
  case wm::error_code::not_compiled:
  case wm::error_code::no_stream_mode:
  case wm::error_code::engine_error:
    break;
  }
  return fail(WS_ERROR, e.message);
}

ws_status compiled(const wm::pattern_set &set, ws_database **out) {
  auto handle = std::make_unique<ws_database>();
  if (ws_status s = status_of(handle->db.compile(set)); s != WS_OK) {
    return s;
  }
  *out = handle.release();
  return WS_OK;
}

} // namespace
} // namespace wirespeed::capi

using wirespeed::capi::fail;
using wirespeed::capi::guarded;
namespace wm = wirespeed::match;

extern "C" {

ws_status ws_database_compile(const ws_pattern *patterns, size_t count, ws_database **out) {
  return guarded("ws_database_compile", [&] {
    if (out == nullptr || (patterns == nullptr && count != 0)) {
      return fail(WS_INVALID_ARGUMENT, "ws_database_compile: null argument");
    }
    *out = nullptr;
    wm::pattern_set set;
    for (size_t i = 0; i < count; ++i) {
      const ws_pattern &p = patterns[i];
      if (p.expression == nullptr || (p.flags & ~wirespeed::capi::all_flags) != 0 ||
          (p.kind != WS_LITERAL && p.kind != WS_REGEX)) {
        return fail(WS_INVALID_ARGUMENT, "ws_database_compile: pattern " + std::to_string(i) +
                                             " has no expression, an unknown kind or flags");
      }
      wm::pattern_options options;
      options.flags = static_cast<wm::flag>(p.flags);
      options.label = p.label != nullptr ? p.label : "";
      options.tag = p.tag;
      if (p.kind == WS_REGEX) {
        set.add_regex(p.expression, options);
      } else {
        set.add_literal(p.expression, options);
      }
    }
    return wirespeed::capi::compiled(set, out);
  });
}

ws_status ws_database_compile_file(const char *path, unsigned flags, ws_database **out) {
  return guarded("ws_database_compile_file", [&] {
    if (out == nullptr || path == nullptr || (flags & ~wirespeed::capi::all_flags) != 0) {
      return fail(WS_INVALID_ARGUMENT, "ws_database_compile_file: null argument or unknown flags");
    }
    *out = nullptr;
    wm::pattern_set set;
    wm::pattern_options options;
    options.flags = static_cast<wm::flag>(flags);
    if (wm::load_result loaded = set.load_file(path, options); !loaded.ok()) {
      return wirespeed::capi::status_of(loaded.err);
    }
    return wirespeed::capi::compiled(set, out);
  });
}

ws_status ws_database_serialize(const ws_database *db, char **bytes, size_t *length) {
  return guarded("ws_database_serialize", [&] {
    if (db == nullptr || bytes == nullptr || length == nullptr) {
      return fail(WS_INVALID_ARGUMENT, "ws_database_serialize: null argument");
    }
    std::string serialised;
    if (ws_status s = wirespeed::capi::status_of(db->db.serialize(serialised)); s != WS_OK) {
      return s;
    }
    return wirespeed::capi::copy_out(serialised, bytes, length);
  });
}

ws_status ws_database_load(const char *bytes, size_t length, ws_database **out) {
  return guarded("ws_database_load", [&] {
    if (out == nullptr || (bytes == nullptr && length != 0)) {
      return fail(WS_INVALID_ARGUMENT, "ws_database_load: null argument");
    }
    *out = nullptr;
    auto handle = std::make_unique<ws_database>();
    const std::string_view view = length != 0 ? std::string_view(bytes, length) : "";
    if (ws_status s = wirespeed::capi::status_of(handle->db.deserialize(view)); s != WS_OK) {
      return s;
    }
    *out = handle.release();
    return WS_OK;
  });
}

size_t ws_database_size(const ws_database *db) {
  return db != nullptr ? db->db.size() : 0;
}

const char *ws_database_label(const ws_database *db, uint32_t id) {
  if (db == nullptr || id >= db->db.size()) {
    return nullptr;
  }
  const wm::pattern &p = db->db.at(id);
  return p.label.empty() ? p.expression.c_str() : p.label.c_str();
}

void ws_database_free(ws_database *db) {
  delete db;
}

ws_status ws_scan(const ws_database *db, const char *text, size_t length, int mode,
                  ws_match_callback callback, void *context) {
  return guarded("ws_scan", [&] {
    if (db == nullptr || callback == nullptr || (text == nullptr && length != 0) ||
        (mode != WS_SCAN_ALL && mode != WS_SCAN_LEFTMOST_LONGEST)) {
      return fail(WS_INVALID_ARGUMENT, "ws_scan: null argument or unknown mode");
    }
    // Scratch per thread: a database is shared, scratch is not. It is free
    // again before the first callback, so a callback may scan too; the match
    // list is per call for the same reason.
    thread_local wm::scratch scratch;
    std::vector<wm::match> found;
    const std::string_view view = length != 0 ? std::string_view(text, length) : "";
    const wm::scan_mode how =
        mode == WS_SCAN_ALL ? wm::scan_mode::all : wm::scan_mode::leftmost_longest;
    if (ws_status s = wirespeed::capi::status_of(db->db.scan(view, scratch, found, how));
        s != WS_OK) {
      return s;
    }
    for (const wm::match &m : found) {
      const ws_match c{m.id, m.tag, m.begin, m.end};
      if (callback(&c, context) != 0) {
        return fail(WS_STOPPED, "ws_scan: the callback stopped the scan");
      }
    }
    return WS_OK;
  });
}

} // extern "C"
