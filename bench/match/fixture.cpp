#include "match/fixture.hpp"

#include "common/corpus.hpp"
#include "match/workload.hpp"

namespace wirespeed::bench {

const std::string &match_text() {
  static const std::string text = news_text(match_text_bytes).substr(0, match_text_bytes);
  return text;
}

const std::string &match_text_file() {
  static const std::string path = write_temp("news.txt", match_text());
  return path;
}

const workload &get_workload(workload_kind kind, std::size_t n) {
  static std::map<std::pair<workload_kind, std::size_t>, std::unique_ptr<workload>> cache;
  auto &slot = cache[{kind, n}];
  if (slot) {
    return *slot;
  }
  slot = std::make_unique<workload>();
  workload &w = *slot;
  const bool literal = kind != workload_kind::regexes;
  w.patterns =
      literal ? literal_names(n, match_text(), kind == workload_kind::literals) : news_regexes(n);
  static const char *const names[] = {"literals_", "sparse_", "regexes_"};
  w.pattern_file =
      write_temp(names[static_cast<int>(kind)] + std::to_string(n) + ".txt", w.patterns);
  match::pattern_set set;
  for (const std::string &p : w.patterns) {
    literal ? set.add_literal(p) : set.add_regex(p);
  }
  if (const match::error e = w.db.compile(set, {}, &w.stats); !e.ok()) {
    w.db = {};
    return w;
  }
  match::scratch space;
  std::vector<match::match> found;
  if (w.db.scan(match_text(), space, found).ok()) {
    w.all_matches = found.size();
  }
  found.clear();
  if (w.db.scan(match_text(), space, found, match::scan_mode::leftmost_longest).ok()) {
    w.longest_matches = found.size();
  }
  return w;
}

void report(benchmark::State &state, const workload &w, std::uint64_t matches) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * match_text().size()));
  state.counters["patterns"] = static_cast<double>(w.patterns.size());
  state.counters["matches"] = static_cast<double>(matches);
  state.counters["bytes_per_match"] =
      matches == 0 ? 0.0 : static_cast<double>(match_text().size()) / static_cast<double>(matches);
}

} // namespace wirespeed::bench
