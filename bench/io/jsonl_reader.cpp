// The JSON Lines reader against a plain std::getline pass over the same file,
// in the same run: the reader's cost above just moving the bytes through
// memory. Also the JSON writer that `wirespeed cat` spends its time in.
//
// The corpus (>= 100 MB of JSON Lines, ~4 kB articles cut from
// bench::news_text) is written once per process to a temporary file.
//
//   cmake --build --preset release --target io_bench
//   build/release/bench/io_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/corpus.hpp"
#include "wirespeed/jsonl.hpp"
#include "wirespeed/reader.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t corpus_bytes = std::size_t{100} << 20;

struct jsonl_corpus {
  fs::path path;
  std::uint64_t bytes = 0;
  std::uint64_t records = 0;

  jsonl_corpus() {
    const std::string &text = wirespeed::bench::news_text(corpus_bytes + (corpus_bytes >> 3));
    path = fs::temp_directory_path() / ("wirespeed-bench-" + std::to_string(::getpid()) + ".jsonl");
    std::ofstream out(path, std::ios::binary);
    wirespeed::document doc;
    doc.source = "Bench Wire";
    doc.published = "2024-03-01";
    std::string line;
    std::size_t pos = 0;
    while (bytes < corpus_bytes && pos < text.size()) {
      // Articles of about 4 kB, cut at a paragraph break.
      std::size_t cut = text.find("\n\n", std::min(text.size(), pos + 4000));
      cut = cut == std::string::npos ? text.size() : cut;
      doc.text.assign(text, pos, cut - pos);
      doc.title.assign(doc.text, 0, doc.text.find('\n'));
      doc.id = std::to_string(records);
      doc.url = "https://bench.example/news/" + doc.id;
      line.clear();
      wirespeed::append_document_json(line, doc);
      line.push_back('\n');
      out << line;
      bytes += line.size();
      ++records;
      pos = cut + 2;
    }
  }
  ~jsonl_corpus() { fs::remove(path); }
  jsonl_corpus(const jsonl_corpus &) = delete;
  jsonl_corpus &operator=(const jsonl_corpus &) = delete;
};

const jsonl_corpus &corpus() {
  static const jsonl_corpus instance;
  return instance;
}

/// Reads the whole corpus; returns documents read (rejections: none expected).
std::uint64_t read_with_reader(const jsonl_corpus &c, std::uint64_t &rejected,
                               std::uint64_t &text_bytes) {
  wirespeed::document_reader reader({c.path.string()});
  wirespeed::document doc;
  wirespeed::rejection bad;
  std::uint64_t documents = 0;
  for (;;) {
    auto status = reader.next(doc, bad);
    if (status == wirespeed::read_status::end) {
      return documents;
    }
    if (status == wirespeed::read_status::rejected) {
      ++rejected;
      continue;
    }
    ++documents;
    text_bytes += doc.text.size();
  }
}

void BM_io_jsonl_reader(benchmark::State &state) {
  const jsonl_corpus &c = corpus();
  std::uint64_t rejected = 0;
  std::uint64_t text_bytes = 0;
  if (read_with_reader(c, rejected, text_bytes) != c.records || rejected != 0) {
    state.SkipWithError("the reader did not return every record of the corpus");
    return;
  }
  for (auto _ : state) {
    text_bytes = 0;
    benchmark::DoNotOptimize(read_with_reader(c, rejected, text_bytes));
    benchmark::DoNotOptimize(text_bytes);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes));
  state.counters["records"] = static_cast<double>(c.records);
  state.SetLabel(std::string(wirespeed::bench::news_text_source()));
}

std::uint64_t count_lines_getline(const jsonl_corpus &c, std::uint64_t &line_bytes) {
  std::ifstream in(c.path, std::ios::binary);
  std::string line;
  std::uint64_t lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    line_bytes += line.size();
  }
  return lines;
}

void BM_io_getline_baseline(benchmark::State &state) {
  const jsonl_corpus &c = corpus();
  std::uint64_t line_bytes = 0;
  if (count_lines_getline(c, line_bytes) != c.records || line_bytes + c.records != c.bytes) {
    state.SkipWithError("std::getline did not see every line of the corpus");
    return;
  }
  for (auto _ : state) {
    line_bytes = 0;
    benchmark::DoNotOptimize(count_lines_getline(c, line_bytes));
    benchmark::DoNotOptimize(line_bytes);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes));
}

void BM_io_json_writer(benchmark::State &state) {
  // 10 MB worth of documents in memory, written as JSON Lines into a buffer.
  std::vector<wirespeed::document> docs;
  std::size_t total = 0;
  {
    wirespeed::document_reader reader({corpus().path.string()});
    wirespeed::document doc;
    wirespeed::rejection bad;
    while (total < (std::size_t{10} << 20) &&
           reader.next(doc, bad) == wirespeed::read_status::document) {
      total += doc.text.size();
      docs.push_back(doc);
    }
  }
  std::string out;
  for (const auto &doc : docs) {
    wirespeed::append_document_json(out, doc);
    out.push_back('\n');
  }
  const std::size_t written = out.size();
  for (auto _ : state) {
    out.clear();
    for (const auto &doc : docs) {
      wirespeed::append_document_json(out, doc);
      out.push_back('\n');
    }
    benchmark::DoNotOptimize(out.data());
  }
  if (out.size() != written) {
    state.SkipWithError("the writer's output changed between runs");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * written));
}

// Rates use the thread's CPU time (user + system, so read() counts): on a
// shared machine wall time measures the neighbours. Compare real times only
// from an otherwise idle machine.
BENCHMARK(BM_io_jsonl_reader)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_io_getline_baseline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_io_json_writer)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
