// `wirespeed grep` in process: the grep processor on the news text as one
// document, scan and JSON Lines together, with the time of each stage. The
// process rows in peers_bench.cpp add start-up, reading and writing.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "match/fixture.hpp"
#include "wirespeed/grep.hpp"

namespace wirespeed::bench {
namespace {

void grep_document(benchmark::State &state, grep_output output) {
  const workload &w =
      get_workload(workload_kind::literals, static_cast<std::size_t>(state.range(0)));
  // The processor shares the database; the workload keeps it alive.
  const std::shared_ptr<const match::database> db(std::shared_ptr<void>{}, &w.db);
  const auto processor = make_grep_processor(db, {output, match::scan_mode::leftmost_longest},
                                             std::make_shared<grep_totals>());
  document doc;
  doc.id = "news.txt";
  doc.text = match_text();
  std::string out;
  std::string why;
  for (auto _ : state) {
    out.clear();
    if (!processor->process(doc, out, why)) {
      state.SkipWithError(why.c_str());
      break;
    }
    benchmark::DoNotOptimize(out.data());
  }
  report(state, w, w.longest_matches);
  state.counters["output_bytes"] = static_cast<double>(out.size());
  for (const named_seconds &stage : processor->stage_times()) {
    state.counters[stage.name + "_s"] =
        stage.seconds /
        static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
  }
}

void BM_grep_processor_matches(benchmark::State &state) {
  grep_document(state, grep_output::matches);
}
void BM_grep_processor_counts(benchmark::State &state) {
  grep_document(state, grep_output::counts);
}

BENCHMARK(BM_grep_processor_matches)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_grep_processor_counts)->Arg(1000)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace wirespeed::bench
