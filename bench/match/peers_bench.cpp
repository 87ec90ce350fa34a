// Peers on the same text and pattern files as match_bench.cpp: RE2::Set,
// one PCRE2-JIT alternation, and ripgrep / GNU grep as whole processes.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <benchmark/benchmark.h>

#include <chrono>
#include <string>
#include <vector>

#include "match/child_process.hpp"
#include "match/fixture.hpp"

namespace wirespeed::bench {
namespace {

const workload &pick(benchmark::State &state, workload_kind kind) {
  return get_workload(kind, static_cast<std::size_t>(state.range(0)));
}

// RE2::Set answers "which patterns occur", not "where": less work than
// reporting every match, so the comparison favours RE2.
void re2_set(benchmark::State &state, workload_kind kind) {
  const workload &w = pick(state, kind);
  RE2::Options options;
  options.set_max_mem(std::int64_t{2} << 30);
  options.set_literal(kind == workload_kind::literals);
  options.set_log_errors(false);
  RE2::Set set(options, RE2::UNANCHORED);
  const auto started = std::chrono::steady_clock::now();
  for (const std::string &p : w.patterns) {
    if (set.Add(p, nullptr) < 0) {
      state.SkipWithError("RE2 rejected a pattern");
      return;
    }
  }
  if (!set.Compile()) {
    state.SkipWithError("RE2::Set::Compile failed");
    return;
  }
  const double compile_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::vector<int> ids;
  RE2::Set::ErrorInfo info{};
  for (auto _ : state) {
    ids.clear();
    if (!set.Match(match_text(), &ids, &info) && info.kind != RE2::Set::kNoError) {
      state.SkipWithError("RE2::Set::Match failed (DFA out of memory?)");
      break;
    }
  }
  report(state, w, ids.size());
  state.counters["patterns_found"] = static_cast<double>(ids.size());
  state.counters["compile_s"] = compile_s;
}

void BM_match_literals_re2_set(benchmark::State &state) {
  re2_set(state, workload_kind::literals);
}
void BM_match_regexes_re2_set(benchmark::State &state) {
  re2_set(state, workload_kind::regexes);
}

// One alternation, JIT-compiled; matches are leftmost-first, non-overlapping.
void pcre2_alternation(benchmark::State &state, workload_kind kind) {
  const workload &w = pick(state, kind);
  std::string pattern;
  for (const std::string &p : w.patterns) {
    pattern += pattern.empty() ? "(?:" : "|(?:";
    pattern += kind == workload_kind::literals ? "\\Q" + p + "\\E" : p;
    pattern += ")";
  }
  int code = 0;
  PCRE2_SIZE offset = 0;
  const auto started = std::chrono::steady_clock::now();
  pcre2_code *re = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), 0,
                                 &code, &offset, nullptr);
  if (re == nullptr || pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) != 0) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(code, message, sizeof message);
    state.SkipWithError(("PCRE2: " + std::string(reinterpret_cast<char *>(message))).c_str());
    pcre2_code_free(re);
    return;
  }
  const double compile_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  pcre2_match_data *data = pcre2_match_data_create_from_pattern(re, nullptr);
  const auto *subject = reinterpret_cast<PCRE2_SPTR>(match_text().data());
  const std::size_t length = match_text().size();
  std::uint64_t count = 0;
  for (auto _ : state) {
    count = 0;
    PCRE2_SIZE at = 0;
    while (at <= length && pcre2_jit_match(re, subject, length, at, 0, data, nullptr) > 0) {
      const PCRE2_SIZE *span = pcre2_get_ovector_pointer(data);
      ++count;
      at = span[1] > span[0] ? span[1] : span[0] + 1;
    }
  }
  report(state, w, count);
  state.counters["compile_s"] = compile_s;
  pcre2_match_data_free(data);
  pcre2_code_free(re);
}

void BM_match_literals_pcre2_jit(benchmark::State &state) {
  pcre2_alternation(state, workload_kind::literals);
}
void BM_match_regexes_pcre2_jit(benchmark::State &state) {
  pcre2_alternation(state, workload_kind::regexes);
}

// `tool -o -F -f patterns text | count lines`, timed as a whole process
// (start-up and pattern compilation included, as a user would see it).
void process(benchmark::State &state, std::vector<std::string> tool) {
  const workload &w = pick(state, workload_kind::literals);
  tool.insert(tool.end(), {"-f", w.pattern_file, match_text_file()});
  std::uint64_t lines = 0;
  double child_cpu = 0;
  for (auto _ : state) {
    const child_run run = run_child(tool);
    if (!run.ok) {
      state.SkipWithError(("failed: " + tool[0]).c_str());
      break;
    }
    lines = run.lines;
    state.SetIterationTime(run.wall_seconds);
    child_cpu += run.cpu_seconds;
  }
  // On a shared machine wall time includes waiting for a core; the child's
  // user + system time is what the process itself cost.
  state.counters["child_cpu_s"] = child_cpu / static_cast<double>(state.iterations());
  state.counters["child_cpu_MBps"] = static_cast<double>(match_text().size()) *
                                     static_cast<double>(state.iterations()) / child_cpu / 1e6;
  report(state, w, lines);
  // grep -o is leftmost-longest, like scan_mode::leftmost_longest; ripgrep
  // is leftmost-first, which differs only where one name prefixes another.
  state.counters["ours_leftmost_longest"] = static_cast<double>(w.longest_matches);
}

void BM_match_literals_rg_process(benchmark::State &state) {
  process(state, {"rg", "--no-config", "--no-filename", "--no-line-number", "-o", "-F"});
}
void BM_match_literals_grep_process(benchmark::State &state) {
  process(state, {"grep", "-o", "-F"});
}

#ifdef WIRESPEED_CLI
// Our CLI the same way: leftmost-longest (as grep -o), one JSON line per
// match, the compiled database from the cache after the first run.
void BM_match_literals_wirespeed_process(benchmark::State &state) {
  process(state, {WIRESPEED_CLI, "grep", "-q", "--threads", "1", "--cache-dir",
                  "/tmp/wirespeed_bench_cache"});
}
#endif

void literal_sizes(benchmark::internal::Benchmark *b) {
  for (const int n : {10, 1000, 10000, 100000}) {
    b->Arg(n);
  }
  b->Unit(benchmark::kMillisecond);
}

// RE2::Set needs minutes and gigabytes past 10,000 patterns, and one PCRE2
// alternation of 1,000 names already runs at under 1 MB/s (it tries every
// branch at every position), so both stop there.
BENCHMARK(BM_match_literals_re2_set)->Arg(10)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_match_literals_pcre2_jit)->Arg(10)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_match_literals_rg_process)->Apply(literal_sizes)->UseManualTime();
BENCHMARK(BM_match_literals_grep_process)->Apply(literal_sizes)->UseManualTime();
#ifdef WIRESPEED_CLI
BENCHMARK(BM_match_literals_wirespeed_process)->Apply(literal_sizes)->UseManualTime();
#endif
BENCHMARK(BM_match_regexes_re2_set)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_match_regexes_pcre2_jit)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace wirespeed::bench
