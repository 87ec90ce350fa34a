/* The README's C example: compile a pattern file, print every match. */
#include <stdio.h>
#include <string.h>
#include <wirespeed/wirespeed.h>

static int print_match(const ws_match *m, void *text) {
  printf("%u [%llu, %llu) %.*s\n", m->id, (unsigned long long)m->begin, (unsigned long long)m->end,
         (int)(m->end - m->begin), (const char *)text + m->begin);
  return 0;
}

int main(int argc, char **argv) {
  ws_database *db = NULL;
  if (argc != 3 || ws_database_compile_file(argv[1], WS_WHOLE_WORD, &db) != WS_OK) {
    fprintf(stderr, "usage: example PATTERN_FILE TEXT (%s)\n", ws_last_error());
    return 2;
  }
  ws_status status = ws_scan(db, argv[2], strlen(argv[2]), WS_SCAN_ALL, print_match, argv[2]);
  ws_database_free(db);
  return status == WS_OK ? 0 : 1;
}
