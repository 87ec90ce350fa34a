/* The C API from C: every function, its errors, and that nothing leaks.
 * A failed CHECK prints file:line and the expression; the exit status is the
 * number of failures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wirespeed/wirespeed.h>

static int failures = 0;
#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, #cond,     \
              ws_last_error());                                                                    \
      ++failures;                                                                                  \
    }                                                                                              \
  } while (0)

typedef struct collected {
  ws_match matches[16];
  size_t count;
  size_t stop_after; /* 0: never stop */
} collected;

static int collect(const ws_match *m, void *context) {
  collected *c = (collected *)context;
  if (c->count < 16) {
    c->matches[c->count] = *m;
  }
  ++c->count;
  return c->stop_after != 0 && c->count == c->stop_after;
}

static const char text[] = "Angela Merkel said 300 million people, not Merkelism.";

/* A callback that scans again (same thread, same database) before going on. */
typedef struct nested {
  const ws_database *db;
  collected inner;
  size_t outer;
} nested;

static int scan_again(const ws_match *m, void *context) {
  nested *n = (nested *)context;
  (void)m;
  ++n->outer;
  n->inner.count = 0;
  return ws_scan(n->db, text, strlen(text), WS_SCAN_ALL, collect, &n->inner) != WS_OK;
}

static void check_spans(const ws_database *db) {
  collected c = {0};
  CHECK(ws_scan(db, text, strlen(text), WS_SCAN_ALL, collect, &c) == WS_OK);
  CHECK(c.count == 2);
  CHECK(c.matches[0].id == 0 && c.matches[0].begin == 0 && c.matches[0].end == 13);
  CHECK(c.matches[1].id == 1 && c.matches[1].begin == 19 && c.matches[1].end == 30);
}

static void test_compile_file_and_scan(const char *dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/patterns.txt", dir);
  ws_database *db = NULL;
  CHECK(ws_database_compile_file(path, WS_WHOLE_WORD, &db) == WS_OK);
  if (db == NULL) {
    return;
  }
  CHECK(ws_database_size(db) == 2);
  CHECK(strcmp(ws_database_label(db, 0), "person") == 0);
  CHECK(strcmp(ws_database_label(db, 1), "amount") == 0);
  CHECK(ws_database_label(db, 2) == NULL);
  check_spans(db);

  collected stopped = {0};
  stopped.stop_after = 1;
  CHECK(ws_scan(db, text, strlen(text), WS_SCAN_ALL, collect, &stopped) == WS_STOPPED);
  CHECK(stopped.count == 1);
  CHECK(ws_scan(db, text, strlen(text), 7, collect, &stopped) == WS_INVALID_ARGUMENT);

  nested n = {db, {{{0}}, 0, 0}, 0};
  CHECK(ws_scan(db, text, strlen(text), WS_SCAN_ALL, scan_again, &n) == WS_OK);
  CHECK(n.outer == 2 && n.inner.count == 2);
  ws_database_free(db);
}

static void test_compile_array_serialise_load(void) {
  const ws_pattern patterns[] = {
      {"angela merkel", WS_LITERAL, WS_CASELESS | WS_WHOLE_WORD, "person", 10},
      {"[0-9]+ (million|billion)", WS_REGEX, 0, NULL, 20},
  };
  ws_database *db = NULL;
  CHECK(ws_database_compile(patterns, 2, &db) == WS_OK);
  if (db == NULL) {
    return;
  }
  CHECK(strcmp(ws_database_label(db, 1), "[0-9]+ (million|billion)") == 0);
  collected c = {0};
  CHECK(ws_scan(db, text, strlen(text), WS_SCAN_LEFTMOST_LONGEST, collect, &c) == WS_OK);
  CHECK(c.count == 2 && c.matches[0].tag == 10 && c.matches[1].tag == 20);

  char *bytes = NULL;
  size_t length = 0;
  CHECK(ws_database_serialize(db, &bytes, &length) == WS_OK);
  ws_database_free(db);
  ws_database *loaded = NULL;
  CHECK(ws_database_load(bytes, length, &loaded) == WS_OK);
  if (loaded != NULL) {
    check_spans(loaded);
    ws_database_free(loaded);
  }
  ws_database *truncated = NULL;
  CHECK(ws_database_load(bytes, length / 2, &truncated) == WS_BAD_DATABASE);
  CHECK(truncated == NULL);
  CHECK(strstr(ws_last_error(), "serialised pattern database") != NULL);
  ws_free(bytes);
}

static void test_errors(const char *dir) {
  char path[4096];
  ws_database *db = NULL;
  snprintf(path, sizeof path, "%s/bad_patterns.txt", dir);
  CHECK(ws_database_compile_file(path, 0, &db) == WS_BAD_PATTERN);
  CHECK(db == NULL);
  CHECK(strstr(ws_last_error(), "bad_patterns.txt:1") != NULL); /* names file and line */
  CHECK(strcmp(ws_status_name(WS_BAD_PATTERN), "WS_BAD_PATTERN") == 0);

  snprintf(path, sizeof path, "%s/no_such_file.txt", dir);
  CHECK(ws_database_compile_file(path, 0, &db) == WS_IO_ERROR);
  CHECK(strstr(ws_last_error(), "no_such_file.txt") != NULL);
  CHECK(ws_database_compile(NULL, 1, &db) == WS_INVALID_ARGUMENT);
  CHECK(ws_database_compile(NULL, 0, &db) == WS_BAD_PATTERN); /* no patterns */
  const ws_pattern bad_flags = {"x", WS_LITERAL, 64u, NULL, 0};
  CHECK(ws_database_compile(&bad_flags, 1, &db) == WS_INVALID_ARGUMENT);

  const ws_pattern utf8 = {"z.rich", WS_REGEX, WS_UTF8, NULL, 0};
  CHECK(ws_database_compile(&utf8, 1, &db) == WS_OK);
  collected c = {0};
  CHECK(ws_scan(db, "z\xffrich", 6, WS_SCAN_ALL, collect, &c) == WS_INVALID_UTF8);
  ws_database_free(db);
}

static void test_tokenize(void) {
  const char *sentence = "Prices rose 3.5% on Thursday.";
  size_t count = 0;
  ws_token small[2];
  CHECK(ws_tokenize(sentence, strlen(sentence), small, 2, &count) == WS_BUFFER_TOO_SMALL);
  CHECK(count == 7); /* Prices rose 3.5 % on Thursday . */
  ws_token tokens[7];
  CHECK(ws_tokenize(sentence, strlen(sentence), tokens, 7, &count) == WS_OK);
  CHECK(count == 7);
  CHECK(tokens[2].begin == 12 && tokens[2].end == 15 && tokens[2].kind == WS_TOKEN_NUMBER);
  CHECK(tokens[3].kind == WS_TOKEN_SYMBOL);
  CHECK(tokens[6].kind == WS_TOKEN_PUNCTUATION);
  CHECK(strcmp(ws_token_kind_name(WS_TOKEN_WORD), "word") == 0);
  CHECK(ws_tokenize(NULL, 0, NULL, 0, &count) == WS_OK && count == 0);
}

static void test_extract(void) {
  ws_extractor *extractor = NULL;
  CHECK(ws_extractor_create(NULL, 0, &extractor) == WS_OK);
  if (extractor == NULL) {
    return;
  }
  static const char body[] = "By Jane Doe\n\nBERLIN \xe2\x80\x94 Prices rose on Thursday.\n\n"
                             "\xe2\x80\x9cWe will not give up,\xe2\x80\x9d said Angela Merkel.\n";
  ws_document doc = {"a1",          "Wire", "https://example.com/a1", "2024-03-07",
                     "Prices rise", body,   sizeof body - 1};
  char *json = NULL;
  size_t length = 0;
  CHECK(ws_extract_json(extractor, &doc, &json, &length) == WS_OK);
  if (json != NULL) {
    CHECK(strlen(json) == length);
    CHECK(strncmp(json, "{\"id\":\"a1\",\"source\":\"Wire\"", 26) == 0);
    CHECK(strstr(json, "\"byline\":[\"Jane Doe\"]") != NULL);
    CHECK(strstr(json, "\"dateline\":\"BERLIN\"") != NULL);
    CHECK(strstr(json, "\"text\":\"We will not give up,\"") != NULL);
    CHECK(strstr(json, "\"speaker\":\"Angela Merkel\"") != NULL);
    ws_free(json);
  }
  doc.text = "bad \xc3 byte";
  doc.text_length = 10;
  CHECK(ws_extract_json(extractor, &doc, &json, &length) == WS_INVALID_UTF8);
  CHECK(strstr(ws_last_error(), "'a1'") != NULL);
  ws_extractor_free(extractor);

  const char *missing[] = {"/nonexistent/patterns.txt"};
  CHECK(ws_extractor_create(missing, 1, &extractor) == WS_BAD_PATTERN);
  CHECK(strstr(ws_last_error(), "/nonexistent/patterns.txt") != NULL);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: capi_test DATA_DIR\n");
    return 2;
  }
  CHECK(strlen(ws_version()) > 0);
  test_compile_file_and_scan(argv[1]);
  test_compile_array_serialise_load();
  test_errors(argv[1]);
  test_tokenize();
  test_extract();
  printf("capi_test: %d failure(s)\n", failures);
  return failures;
}
