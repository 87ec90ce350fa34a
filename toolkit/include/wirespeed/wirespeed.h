/**
 * @file wirespeed.h
 * @brief The C API: pattern databases, scanning, tokenising and extraction
 *        for C programs and other languages' foreign-function interfaces.
 *
 * @code
 *   ws_database *db = NULL;
 *   if (ws_database_compile_file("names.txt", WS_WHOLE_WORD, &db) != WS_OK) {
 *     fprintf(stderr, "%s\n", ws_last_error());
 *     return 1;
 *   }
 *   ws_scan(db, text, strlen(text), WS_SCAN_ALL, print_match, NULL);
 *   ws_database_free(db);
 * @endcode
 *
 * Every function returns a ws_status; on failure ws_last_error() gives the
 * reason (file and line for a bad pattern) until the next failing call on the
 * same thread. No C++ exception crosses this API. Handles are immutable once
 * made: any number of threads may use one database or extractor at once
 * (each thread keeps its own scratch memory). Text is UTF-8 bytes with an
 * explicit length; it needs no terminating NUL. Parameters that take one of
 * the enums below are plain ints, so a value from another language that is
 * none of them is refused (WS_INVALID_ARGUMENT), never undefined behaviour.
 */
#ifndef WIRESPEED_H
#define WIRESPEED_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Outcome of a call; ws_status_name() spells it. */
typedef enum ws_status {
  WS_OK = 0,
  WS_INVALID_ARGUMENT = 1, /**< a null pointer or an unknown flag/mode */
  WS_BAD_PATTERN = 2,      /**< a pattern was rejected (message names it) */
  WS_IO_ERROR = 3,         /**< a file could not be read */
  WS_INVALID_UTF8 = 4,     /**< text given to a UTF-8 database is not UTF-8 */
  WS_BUFFER_TOO_SMALL = 5, /**< the caller's buffer is too small; the count says what is needed */
  WS_BAD_DATABASE = 6,     /**< serialised bytes this build or CPU cannot load */
  WS_STOPPED = 7,          /**< the match callback asked to stop */
  WS_OUT_OF_MEMORY = 8,
  WS_ERROR = 9 /**< anything else (engine failure, bad input document) */
} ws_status;

/** Stable name of a status ("WS_BAD_PATTERN"). */
const char *ws_status_name(int status);
/** Why the last failing call on this thread failed ("" if none has). */
const char *ws_last_error(void);
/** The library version ("0.1.0"). */
const char *ws_version(void);
/** Frees memory the API returned (serialised bytes, JSON). NULL is fine. */
void ws_free(void *memory);

/* ---- pattern databases ------------------------------------------------ */

/** Pattern flags, combined with |. */
enum {
  WS_CASELESS = 1u,   /**< ASCII case folding (Unicode with WS_UTF8) */
  WS_WHOLE_WORD = 2u, /**< no word character may touch the match */
  WS_UTF8 = 4u        /**< regex classes and '.' work on UTF-8 characters */
};

/** How a pattern's text is read. */
typedef enum ws_pattern_kind { WS_LITERAL = 0, WS_REGEX = 1 } ws_pattern_kind;

/** One pattern for ws_database_compile(); its id is its index in the array. */
typedef struct ws_pattern {
  const char *expression; /**< NUL-terminated literal text or regex */
  int kind;               /**< a ws_pattern_kind */
  unsigned flags;         /**< WS_CASELESS | WS_WHOLE_WORD | WS_UTF8 */
  const char *label;      /**< reported by ws_database_label(); NULL: the expression */
  uint32_t tag;           /**< caller's routing value, repeated in every match */
} ws_pattern;

typedef struct ws_database ws_database;

/** Compiles `count` patterns. */
ws_status ws_database_compile(const ws_pattern *patterns, size_t count, ws_database **out);
/** Compiles a pattern file (`label<TAB>pattern`, `re:` regexes; see match.hpp) with `flags`. */
ws_status ws_database_compile_file(const char *path, unsigned flags, ws_database **out);
/** Writes the compiled form to *bytes (free with ws_free) for ws_database_load(). */
ws_status ws_database_serialize(const ws_database *db, char **bytes, size_t *length);
/** Loads what ws_database_serialize() wrote, without compiling. */
ws_status ws_database_load(const char *bytes, size_t length, ws_database **out);
/** Number of patterns. */
size_t ws_database_size(const ws_database *db);
/** Label of pattern `id` (NULL when out of range); valid while `db` lives. */
const char *ws_database_label(const ws_database *db, uint32_t id);
void ws_database_free(ws_database *db);

/** One match: pattern id, its tag, and the byte span [begin, end). */
typedef struct ws_match {
  uint32_t id;
  uint32_t tag;
  uint64_t begin;
  uint64_t end;
} ws_match;

/** Which matches ws_scan() reports. */
typedef enum ws_scan_mode {
  WS_SCAN_ALL = 0,             /**< every match, in order of end offset */
  WS_SCAN_LEFTMOST_LONGEST = 1 /**< non-overlapping, leftmost then longest, by begin */
} ws_scan_mode;

/** Called once per match; return 0 to go on, anything else to stop (WS_STOPPED). */
typedef int (*ws_match_callback)(const ws_match *match, void *context);

/** Scans `length` bytes of `text` (mode: a ws_scan_mode), calling `callback` for each match. */
ws_status ws_scan(const ws_database *db, const char *text, size_t length, int mode,
                  ws_match_callback callback, void *context);

/* ---- tokens ------------------------------------------------------------ */

/** Token kinds, as in tokenize.hpp. */
typedef enum ws_token_kind {
  WS_TOKEN_WORD = 0,
  WS_TOKEN_NUMBER = 1,
  WS_TOKEN_PUNCTUATION = 2,
  WS_TOKEN_SYMBOL = 3,
  WS_TOKEN_URL = 4,
  WS_TOKEN_EMAIL = 5,
  WS_TOKEN_MENTION = 6,
  WS_TOKEN_HASHTAG = 7
} ws_token_kind;

/** Token flags. */
enum { WS_LINE_BREAK_BEFORE = 1u, WS_PARAGRAPH_BREAK_BEFORE = 2u, WS_INVALID_UTF8_TOKEN = 4u };

/** One token: bytes [begin, end), kind (ws_token_kind) and flags. */
typedef struct ws_token {
  uint32_t begin;
  uint32_t end;
  uint8_t kind;
  uint8_t flags;
} ws_token;

/** Short name of a ws_token_kind ("word", "number", "punct"...; "unknown" for none). */
const char *ws_token_kind_name(int kind);

/**
 * Tokenises `text` into tokens[0 .. capacity). *count is the number of tokens
 * the text has; when that exceeds `capacity` nothing is written and the call
 * returns WS_BUFFER_TOO_SMALL (call again with a bigger buffer).
 */
ws_status ws_tokenize(const char *text, size_t length, ws_token *tokens, size_t capacity,
                      size_t *count);

/* ---- extraction -------------------------------------------------------- */

typedef struct ws_extractor ws_extractor;

/** Builds the extractors (built-in patterns plus `count` extra pattern files). */
ws_status ws_extractor_create(const char *const *pattern_files, size_t count, ws_extractor **out);
void ws_extractor_free(ws_extractor *extractor);

/** One article; NULL fields are empty. `text` has `text_length` bytes of UTF-8. */
typedef struct ws_document {
  const char *id;
  const char *source;
  const char *url;
  const char *published;
  const char *title;
  const char *text;
  size_t text_length;
} ws_document;

/**
 * Runs every extractor on `doc` and writes the JSON object `wirespeed extract`
 * prints for it (no newline) to *json, NUL-terminated (free with ws_free).
 */
ws_status ws_extract_json(const ws_extractor *extractor, const ws_document *doc, char **json,
                          size_t *length);

#ifdef __cplusplus
}
#endif

#endif /* WIRESPEED_H */
