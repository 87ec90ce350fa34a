// Compiles a pattern file, scans a text and tokenises it, printing one line
// per match ("label begin end text") and the token count.
#include <cstdio>
#include <string_view>
#include <vector>

#include <wirespeed/match.hpp>
#include <wirespeed/tokenize.hpp>

int main(int argc, char **argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s PATTERN_FILE TEXT\n", argv[0]);
    return 2;
  }
  namespace wm = wirespeed::match;
  const std::string_view text = argv[2];

  wm::pattern_set set;
  if (auto loaded = set.load_file(argv[1]); !loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.err.message.c_str());
    return 1;
  }
  wm::database db;
  if (auto e = db.compile(set); !e.ok()) {
    std::fprintf(stderr, "%s\n", e.message.c_str());
    return 1;
  }
  wm::scratch scratch;
  std::vector<wm::match> found;
  if (auto e = db.scan(text, scratch, found, wm::scan_mode::leftmost_longest); !e.ok()) {
    std::fprintf(stderr, "%s\n", e.message.c_str());
    return 1;
  }
  for (const wm::match &m : found) {
    const std::string_view span = text.substr(m.begin, m.end - m.begin);
    std::printf("%s %llu %llu %.*s\n", db.at(m.id).label.c_str(),
                static_cast<unsigned long long>(m.begin), static_cast<unsigned long long>(m.end),
                static_cast<int>(span.size()), span.data());
  }

  wirespeed::token_buffer tokens;
  if (wirespeed::tokenize(text, tokens) != wirespeed::tokenize_status::ok) {
    return 1;
  }
  std::printf("tokens %zu\n", tokens.tokens().size());
  return 0;
}
