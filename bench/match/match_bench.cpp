// wirespeed::match on news text, against the ways to deliver dense matches
// and the in-process peers. Run with --benchmark_repetitions=9 for medians.
#include <hs/hs.h>

#include <benchmark/benchmark.h>

#include "common/corpus.hpp"
#include "match/byte_ranges.hpp"
#include "match/fixture.hpp"
#include "match/token_dictionary.hpp"
#include "match/workload.hpp"
#include "peers/aho_corasick.hpp"
#include "wirespeed/cpu.hpp"
#include "wirespeed/match.hpp"

namespace wirespeed::bench {
namespace {

namespace wm = wirespeed::match;

const workload &literals(benchmark::State &state) {
  const workload &w =
      get_workload(workload_kind::literals, static_cast<std::size_t>(state.range(0)));
  if (!w.db.compiled()) {
    state.SkipWithError("compile failed");
  }
  return w;
}

// The library as users call it: every match into a vector.
void BM_match_literals_all(benchmark::State &state) {
  const workload &w = literals(state);
  wm::scratch space;
  std::vector<wm::match> found;
  for (auto _ : state) {
    found.clear();
    if (!w.db.scan(match_text(), space, found).ok()) {
      state.SkipWithError("scan failed");
      break;
    }
    benchmark::DoNotOptimize(found.data());
  }
  report(state, w, found.size());
  state.counters["compile_s"] = w.stats.seconds;
  state.counters["database_bytes"] = static_cast<double>(w.stats.database_bytes);
  state.counters["scratch_bytes"] = static_cast<double>(w.stats.scratch_bytes);
}

// The C++ side of bench/python/scan_bench.py, which repeats these scans from
// Python on the same text and patterns: 1 MiB documents, every match kept.
void BM_match_literals_1mib_documents(benchmark::State &state) {
  const workload &w = literals(state);
  static_cast<void>(match_text_file()); // the text scan_bench.py reads
  constexpr std::size_t document_bytes = std::size_t{1} << 20;
  const std::string_view text = match_text();
  wm::scratch space;
  std::vector<wm::match> found;
  for (auto _ : state) {
    for (std::size_t at = 0; at + document_bytes <= text.size(); at += document_bytes) {
      found.clear();
      if (!w.db.scan(text.substr(at, document_bytes), space, found).ok()) {
        state.SkipWithError("scan failed");
        return;
      }
      benchmark::DoNotOptimize(found.data());
    }
  }
  report(state, w, found.size());
}

void BM_match_literals_leftmost_longest(benchmark::State &state) {
  const workload &w = literals(state);
  wm::scratch space;
  std::vector<wm::match> found;
  for (auto _ : state) {
    found.clear();
    if (!w.db.scan(match_text(), space, found, wm::scan_mode::leftmost_longest).ok()) {
      state.SkipWithError("scan failed");
      break;
    }
    benchmark::DoNotOptimize(found.data());
  }
  report(state, w, found.size());
}

// Whole-word literals: the engine with our boundary check in the callback...
void BM_match_literals_whole_word(benchmark::State &state) {
  const workload &w = literals(state);
  wm::pattern_set set;
  for (const std::string &p : w.patterns) {
    set.add_literal(p, {wm::flag::whole_word, {}, 0});
  }
  wm::database db;
  if (!db.compile(set).ok()) {
    state.SkipWithError("compile failed");
    return;
  }
  wm::scratch space;
  std::vector<wm::match> found;
  for (auto _ : state) {
    found.clear();
    if (!db.scan(match_text(), space, found).ok()) {
      state.SkipWithError("scan failed");
      break;
    }
    benchmark::DoNotOptimize(found.data());
  }
  report(state, w, found.size());
}

// ...against hashing every run of up to k tokens (no engine at all).
void BM_match_literals_token_hash(benchmark::State &state) {
  const workload &w = literals(state);
  token_dictionary dictionary(w.patterns);
  std::vector<wm::match> found;
  for (auto _ : state) {
    found.clear();
    dictionary.scan(match_text(), [&](std::uint32_t id, std::size_t b, std::size_t e) {
      found.push_back({id, 0, b, e});
    });
    benchmark::DoNotOptimize(found.data());
  }
  report(state, w, found.size());
}

// Raw Hyperscan with a callback that only counts: the floor for delivery.
struct raw_hs {
  hs_database_t *db = nullptr;
  hs_scratch_t *scratch = nullptr;
  explicit raw_hs(const std::vector<std::string> &patterns) {
    std::vector<const char *> exprs;
    std::vector<std::size_t> lens;
    std::vector<unsigned> flags(patterns.size(), 0), ids(patterns.size());
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      exprs.push_back(patterns[i].c_str());
      lens.push_back(patterns[i].size());
      ids[i] = static_cast<unsigned>(i);
    }
    hs_compile_error_t *err = nullptr;
    if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                             static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db,
                             &err) != HS_SUCCESS) {
      hs_free_compile_error(err);
      db = nullptr;
      return;
    }
    hs_alloc_scratch(db, &scratch);
  }
  ~raw_hs() {
    hs_free_scratch(scratch);
    hs_free_database(db);
  }
  raw_hs(const raw_hs &) = delete;
  raw_hs &operator=(const raw_hs &) = delete;
};

void BM_match_literals_hs_count_only(benchmark::State &state) {
  const workload &w = literals(state);
  raw_hs hs(w.patterns);
  std::uint64_t count = 0;
  for (auto _ : state) {
    count = 0;
    hs_scan(
        hs.db, match_text().data(), static_cast<unsigned>(match_text().size()), 0, hs.scratch,
        [](unsigned, unsigned long long, unsigned long long, unsigned, void *ctx) {
          ++*static_cast<std::uint64_t *>(ctx);
          return 0;
        },
        &count);
  }
  if (count != w.all_matches) {
    state.SkipWithError("raw Hyperscan disagrees with wirespeed::match");
  }
  report(state, w, count);
}

void BM_match_literals_aho_corasick(benchmark::State &state) {
  const workload &w = literals(state);
  const aho_corasick automaton(w.patterns);
  std::vector<wm::match> found;
  for (auto _ : state) {
    found.clear();
    automaton.scan(match_text(), [&](std::uint32_t id, std::size_t end) {
      found.push_back({id, 0, end - w.patterns[id].size(), end});
    });
    benchmark::DoNotOptimize(found.data());
  }
  if (found.size() != w.all_matches) {
    state.SkipWithError("Aho-Corasick disagrees with wirespeed::match on all matches");
  }
  report(state, w, found.size());
  state.counters["automaton_bytes"] = static_cast<double>(automaton.memory_bytes());
}

// A stream fed 64 KiB chunks: what `wirespeed grep` does with a large file.
void BM_match_literals_stream_64k(benchmark::State &state) {
  const workload &w = literals(state);
  wm::pattern_set set;
  for (const std::string &p : w.patterns) {
    set.add_literal(p);
  }
  wm::database db;
  wm::compile_options options;
  options.streaming = true;
  if (!db.compile(set, options).ok()) {
    state.SkipWithError("compile failed");
    return;
  }
  wm::scratch space;
  std::vector<wm::match> found;
  for (auto _ : state) {
    found.clear();
    wm::stream s;
    std::string_view text = match_text();
    bool ok = s.open(db, space).ok();
    while (ok && !text.empty()) {
      const std::size_t n = std::min<std::size_t>(text.size(), 64u << 10);
      ok = s.feed(text.substr(0, n), found).ok();
      text.remove_prefix(n);
    }
    if (!ok || !s.finish(found).ok()) {
      state.SkipWithError("stream failed");
      break;
    }
  }
  if (found.size() != w.all_matches) {
    state.SkipWithError("stream disagrees with block scan");
  }
  report(state, w, found.size());
}

// Compile time with the on-disk cache warm: what a second run pays.
void BM_match_literals_compile_cached(benchmark::State &state) {
  const workload &w = literals(state);
  wm::pattern_set set;
  for (const std::string &p : w.patterns) {
    set.add_literal(p);
  }
  wm::compile_options options;
  options.use_cache = true;
  options.cache_dir = write_temp("cache_dir_marker", std::string{}) + ".d";
  wm::database warm;
  if (!warm.compile(set, options).ok()) {
    state.SkipWithError("compile failed");
    return;
  }
  wm::compile_stats stats;
  for (auto _ : state) {
    wm::database db;
    if (!db.compile(set, options, &stats).ok() || !stats.from_cache) {
      state.SkipWithError("cache miss");
      break;
    }
  }
  state.counters["fresh_compile_s"] = w.stats.seconds;
  state.counters["cached_compile_s"] = stats.seconds;
}

// A gazetteer of proper names only: the engine's speed when hits are rare.
void BM_match_sparse_literals_all(benchmark::State &state) {
  const workload &w =
      get_workload(workload_kind::sparse_literals, static_cast<std::size_t>(state.range(0)));
  wm::scratch space;
  std::vector<wm::match> found;
  for (auto _ : state) {
    found.clear();
    if (!w.db.compiled() || !w.db.scan(match_text(), space, found).ok()) {
      state.SkipWithError("scan failed");
      break;
    }
  }
  report(state, w, found.size());
}

void BM_match_regexes_all(benchmark::State &state) {
  const workload &w =
      get_workload(workload_kind::regexes, static_cast<std::size_t>(state.range(0)));
  if (!w.db.compiled()) {
    state.SkipWithError("compile failed");
    return;
  }
  wm::scratch space;
  std::vector<wm::match> found;
  for (auto _ : state) {
    found.clear();
    if (!w.db.scan(match_text(), space, found).ok()) {
      state.SkipWithError("scan failed");
      break;
    }
  }
  report(state, w, found.size());
  state.counters["compile_s"] = w.stats.seconds;
  state.counters["database_bytes"] = static_cast<double>(w.stats.database_bytes);
  state.counters["scratch_bytes"] = static_cast<double>(w.stats.scratch_bytes);
}

// The literal index's first pass alone, per ISA level: which bytes may start
// a name (the capitals, as for the name lists above). The bandwidth the
// rest of the index has to fit under.
void BM_match_candidate_bytes(benchmark::State &state, cpu::isa level) {
  const std::string_view text = match_text();
  const match::detail::range_mask_fn kernel = match::detail::range_masks_for(level);
  const match::detail::byte_ranges capitals{{'A', 0}, {26, 0}};
  std::vector<std::uint64_t> masks(text.size() / 64);
  for (auto _ : state) {
    kernel(reinterpret_cast<const std::uint8_t *>(text.data()), masks.size(), capitals,
           masks.data());
    benchmark::DoNotOptimize(masks.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * masks.size() * 64));
}

const bool candidate_bytes_registered = [] {
  for (const cpu::isa level : cpu::available_isas()) {
    benchmark::RegisterBenchmark(
        ("BM_match_candidate_bytes/" + std::string(cpu::to_string(level))).c_str(),
        BM_match_candidate_bytes, level);
  }
  return true;
}();

void literal_sizes(benchmark::internal::Benchmark *b) {
  for (const int n : {10, 1000, 10000, 100000}) {
    b->Arg(n);
  }
  b->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_match_literals_all)->Apply(literal_sizes);
BENCHMARK(BM_match_literals_hs_count_only)->Apply(literal_sizes);
BENCHMARK(BM_match_literals_1mib_documents)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_match_literals_leftmost_longest)->Apply(literal_sizes);
BENCHMARK(BM_match_literals_whole_word)->Apply(literal_sizes);
BENCHMARK(BM_match_literals_token_hash)->Apply(literal_sizes);
BENCHMARK(BM_match_literals_aho_corasick)->Apply(literal_sizes);
BENCHMARK(BM_match_literals_stream_64k)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_match_literals_compile_cached)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_match_sparse_literals_all)->Apply(literal_sizes);
BENCHMARK(BM_match_regexes_all)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace wirespeed::bench
