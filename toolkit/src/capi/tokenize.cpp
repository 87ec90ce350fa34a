// C API over the tokenizer: tokens into the caller's array.
#include <string_view>

#include "capi/status.hpp"
#include "wirespeed/tokenize.hpp"

using wirespeed::capi::fail;
using wirespeed::capi::guarded;

// The C enum mirrors the C++ one value for value.
static_assert(WS_TOKEN_HASHTAG == static_cast<int>(wirespeed::token_kind::hashtag));
static_assert(static_cast<unsigned>(WS_INVALID_UTF8_TOKEN) ==
              static_cast<unsigned>(wirespeed::token_flag::invalid_utf8));

extern "C" {

const char *ws_token_kind_name(int kind) {
  if (kind < WS_TOKEN_WORD || kind > WS_TOKEN_HASHTAG) {
    return "unknown";
  }
  // to_string returns literals, so the view is NUL-terminated.
  return wirespeed::to_string(static_cast<wirespeed::token_kind>(kind)).data();
}

ws_status ws_tokenize(const char *text, size_t length, ws_token *tokens, size_t capacity,
                      size_t *count) {
  return guarded("ws_tokenize", [&] {
    if (count == nullptr || (text == nullptr && length != 0) ||
        (tokens == nullptr && capacity != 0)) {
      return fail(WS_INVALID_ARGUMENT, "ws_tokenize: null argument");
    }
    thread_local wirespeed::token_buffer buffer; // storage reused across calls
    const std::string_view view = length != 0 ? std::string_view(text, length) : "";
    switch (wirespeed::tokenize(view, buffer)) {
    case wirespeed::tokenize_status::ok:
      break;
    case wirespeed::tokenize_status::input_too_large:
      return fail(WS_INVALID_ARGUMENT, "ws_tokenize: text of 4 GiB or more");
    case wirespeed::tokenize_status::out_of_memory:
      return fail(WS_OUT_OF_MEMORY, "ws_tokenize: out of memory");
    }
    const auto found = buffer.tokens();
    *count = found.size();
    if (found.size() > capacity) {
      return fail(WS_BUFFER_TOO_SMALL, "ws_tokenize: " + std::to_string(found.size()) +
                                           " tokens, room for " + std::to_string(capacity));
    }
    for (size_t i = 0; i < found.size(); ++i) {
      tokens[i] = ws_token{found[i].begin, found[i].end, static_cast<uint8_t>(found[i].kind),
                           found[i].flags};
    }
    return WS_OK;
  });
}

} // extern "C"
