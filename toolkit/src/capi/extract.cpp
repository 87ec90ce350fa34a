// C API over the extractors: one document in, the `wirespeed extract` JSON out.
#include <memory>
#include <string>
#include <vector>

#include "capi/status.hpp"
#include "io/utf8.hpp"
#include "wirespeed/extract.hpp"

struct ws_extractor {
  std::shared_ptr<const wirespeed::extractor_set> set;
};

using wirespeed::capi::fail;
using wirespeed::capi::guarded;

extern "C" {

ws_status ws_extractor_create(const char *const *pattern_files, size_t count, ws_extractor **out) {
  return guarded("ws_extractor_create", [&] {
    if (out == nullptr || (pattern_files == nullptr && count != 0)) {
      return fail(WS_INVALID_ARGUMENT, "ws_extractor_create: null argument");
    }
    *out = nullptr;
    wirespeed::extract_options options;
    for (size_t i = 0; i < count; ++i) {
      if (pattern_files[i] == nullptr) {
        return fail(WS_INVALID_ARGUMENT, "ws_extractor_create: null pattern file name");
      }
      options.pattern_files.emplace_back(pattern_files[i]);
    }
    wirespeed::extract_error error;
    auto set = wirespeed::extractor_set::create(options, error);
    if (!set) {
      return fail(WS_BAD_PATTERN, error.message);
    }
    *out = new ws_extractor{std::move(set)};
    return WS_OK;
  });
}

void ws_extractor_free(ws_extractor *extractor) {
  delete extractor;
}

ws_status ws_extract_json(const ws_extractor *extractor, const ws_document *doc, char **json,
                          size_t *length) {
  return guarded("ws_extract_json", [&] {
    if (extractor == nullptr || doc == nullptr || json == nullptr ||
        (doc->text == nullptr && doc->text_length != 0)) {
      return fail(WS_INVALID_ARGUMENT, "ws_extract_json: null argument");
    }
    *json = nullptr;
    const auto field = [](const char *value) { return value != nullptr ? value : ""; };
    wirespeed::document d;
    d.id = field(doc->id);
    d.source = field(doc->source);
    d.url = field(doc->url);
    d.published = field(doc->published);
    d.title = field(doc->title);
    if (doc->text_length != 0) {
      d.text.assign(doc->text, doc->text_length);
    }
    // The readers' promise to every extractor: UTF-8 text without NUL bytes.
    if (const std::size_t bad = wirespeed::io::first_invalid_utf8(d.text); bad != d.text.size()) {
      return fail(WS_INVALID_UTF8, "ws_extract_json: document '" + d.id +
                                       "': invalid UTF-8 at byte " + std::to_string(bad));
    }
    if (const std::size_t nul = d.text.find('\0'); nul != std::string::npos) {
      return fail(WS_ERROR, "ws_extract_json: document '" + d.id + "': NUL byte at byte " +
                                std::to_string(nul));
    }
    thread_local wirespeed::extract_scratch scratch;
    thread_local wirespeed::extraction result;
    if (auto e = extractor->set->extract(d, scratch, result); !e.ok()) {
      return fail(WS_ERROR, "ws_extract_json: document '" + d.id + "': " + e.message);
    }
    std::string line;
    wirespeed::append_extraction_json(line, d, result, {});
    return wirespeed::capi::copy_out(line, json, length);
  });
}

} // extern "C"
