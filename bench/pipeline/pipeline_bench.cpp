// The whole pipeline (read + parse -> extract on N workers -> ordered write to
// /dev/null) against worker count: 1, 2 and every core. Throughput is input
// bytes per second; "parallel_efficiency" is in the report only via ratios of
// these rows (bench/run.py's CLI rows time the same thing as a process).
//
// Corpus: WIRESPEED_PIPELINE_CORPUS names a JSON Lines file (.zst/.gz too),
// e.g. one from `python3 tools/generate_corpus.py --size 1G /tmp/news-1G.jsonl`
// (the issue's >= 1 GB figure); without it, a temporary file of
// WIRESPEED_PIPELINE_MB MiB (default 64, so that a casual run stays short) is
// written from ~4 kB articles cut from bench::news_text.
//
// peak_rss_mb is this process's peak resident set so far (getrusage), corpus
// building included; for the pipeline's own peak run the CLI under
// `/usr/bin/time -v build/release/tools/wirespeed extract -q -o /dev/null BIG.jsonl`.
//
//   cmake --build --preset release --target pipeline_bench
//   build/release/bench/pipeline_bench --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "common/corpus.hpp"
#include "wirespeed/extract.hpp"
#include "wirespeed/jsonl.hpp"
#include "wirespeed/pipeline.hpp"

namespace {

namespace fs = std::filesystem;

std::size_t env_megabytes() {
  const char *value = std::getenv("WIRESPEED_PIPELINE_MB");
  return value != nullptr ? std::strtoull(value, nullptr, 10) : 64;
}

/// The corpus file: the one named by the environment, or a temporary one.
class pipeline_corpus {
public:
  pipeline_corpus() {
    if (const char *given = std::getenv("WIRESPEED_PIPELINE_CORPUS")) {
      path_ = given;
      return;
    }
    temporary_ = true;
    path_ = fs::temp_directory_path() /
            ("wirespeed-pipeline-bench-" + std::to_string(::getpid()) + ".jsonl");
    write_articles(env_megabytes() << 20);
  }
  ~pipeline_corpus() {
    if (temporary_) {
      fs::remove(path_);
    }
  }
  pipeline_corpus(const pipeline_corpus &) = delete;
  pipeline_corpus &operator=(const pipeline_corpus &) = delete;

  [[nodiscard]] std::string path() const { return path_.string(); }
  /// What the benchmark ran on, for its label.
  [[nodiscard]] std::string source() const {
    return temporary_ ? std::string(wirespeed::bench::news_text_source())
                      : "corpus:" + path_.filename().string();
  }

private:
  /// 16 MiB of news text cut into articles, repeated under fresh ids up to
  /// `bytes`: the file can be large without the text being held in memory.
  void write_articles(std::size_t bytes) {
    const std::string &text = wirespeed::bench::news_text(std::size_t{16} << 20);
    std::ofstream out(path_, std::ios::binary);
    wirespeed::document doc;
    doc.source = "Bench Wire";
    std::string line;
    std::size_t written = 0;
    std::uint64_t records = 0;
    for (std::size_t at = 0; written < bytes;) {
      std::size_t cut = text.find("\n\n", std::min(text.size(), at + 4000));
      cut = cut == std::string::npos ? text.size() : cut;
      doc.text.assign(text, at, cut - at);
      doc.id = std::to_string(records++);
      line.clear();
      wirespeed::append_document_json(line, doc);
      line.push_back('\n');
      out << line;
      written += line.size();
      at = cut + 2 >= text.size() ? 0 : cut + 2;
    }
  }

  fs::path path_;
  bool temporary_ = false;
};

const pipeline_corpus &corpus() {
  static const pipeline_corpus instance;
  return instance;
}

double peak_rss_megabytes() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

void BM_pipeline_extract(benchmark::State &state) {
  wirespeed::extract_error error;
  const auto set = wirespeed::extractor_set::create({}, error);
  if (!set) {
    state.SkipWithError(error.message.c_str());
    return;
  }
  wirespeed::pipeline_options options;
  options.inputs = {corpus().path()};
  options.output = "/dev/null";
  options.threads = static_cast<unsigned>(state.range(0));
  std::uint64_t bytes = 0;
  wirespeed::run_summary last;
  for (auto _ : state) {
    last = wirespeed::run_pipeline(options, [&set] {
      return wirespeed::make_extract_processor(set, wirespeed::extract_output_options{});
    });
    // Rejected records are normal input (generated corpora hold a few); only a failed run is not.
    if (!last.output_ok) {
      state.SkipWithError(("pipeline run failed: " + last.error).c_str());
      return;
    }
    bytes += last.bytes_read;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["threads"] = static_cast<double>(last.threads);
  state.counters["documents"] = static_cast<double>(last.records_written);
  state.counters["rejects"] = static_cast<double>(last.records_rejected);
  state.counters["read_s"] = last.stages.read;
  state.counters["decompress_s"] = last.stages.decompress;
  state.counters["process_s"] = last.stages.process;
  state.counters["write_s"] = last.stages.write;
  state.counters["cpu_s"] = last.cpu_seconds;
  state.counters["peak_rss_mb"] = peak_rss_megabytes();
  state.SetLabel(corpus().source());
}

void thread_counts(benchmark::internal::Benchmark *bench) {
  const long all = std::max(1u, std::thread::hardware_concurrency());
  bench->Arg(1);
  if (all >= 2) {
    bench->Arg(2);
  }
  if (all > 2) {
    bench->Arg(all);
  }
}

BENCHMARK(BM_pipeline_extract)->Apply(thread_counts)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
