// The entities extractor with a gazetteer of 1k, 10k and 100k synthetic
// names (user list, built-in lists off), on the same news documents as
// extract_bench: MB/s of extract(), and the one-off cost of compiling the
// names into the combined database as counters.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include "common/corpus.hpp"
#include "wirespeed/extract.hpp"

namespace {

constexpr std::size_t corpus_bytes = std::size_t{2} << 20;

// "Tavoreni Kel": capitalised two-word names from random syllables, so they
// look like names to the matcher and almost never occur in the text.
std::string synthetic_names(std::size_t count) {
  static constexpr const char *syllables[] = {"ta",  "vo", "re",  "ni",  "kel", "mar", "su", "lin",
                                              "dor", "ba", "qui", "zen", "ro",  "fa",  "mi", "tu"};
  std::mt19937 rng(static_cast<std::uint32_t>(count));
  std::uniform_int_distribution<std::size_t> pick(0, std::size(syllables) - 1);
  std::uniform_int_distribution<int> kind(0, 2);
  auto word = [&] {
    std::string w;
    for (int i = 0; i < 3; ++i) {
      w += syllables[pick(rng)];
    }
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  static constexpr const char *types[] = {"person", "organization", "place"};
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += types[kind(rng)];
    out += '\t';
    out += word() + " " + word() + "\n";
  }
  return out;
}

void BM_gazetteer_names(benchmark::State &state) {
  const auto count = static_cast<std::size_t>(state.range(0));
  auto path = std::filesystem::temp_directory_path() /
              ("wirespeed-bench-gazetteer-" + std::to_string(::getpid()) + ".tsv");
  std::ofstream(path) << synthetic_names(count);
  wirespeed::extract_options options;
  options.extractors = {wirespeed::extractor_id::entities};
  options.builtin_gazetteer = false;
  options.gazetteer_files = {path.string()};
  wirespeed::extract_error error;
  auto started = std::chrono::steady_clock::now();
  auto set = wirespeed::extractor_set::create(options, error);
  double compile_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::filesystem::remove(path);
  if (!set) {
    state.SkipWithError(error.message.c_str());
    return;
  }
  wirespeed::document doc;
  doc.text = wirespeed::bench::news_text(corpus_bytes);
  wirespeed::extract_scratch scratch;
  wirespeed::extraction result;
  for (auto _ : state) {
    auto e = set->extract(doc, scratch, result);
    benchmark::DoNotOptimize(e);
    benchmark::DoNotOptimize(result.entities.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
  state.counters["compile_s"] = compile_s;
  state.counters["patterns"] = static_cast<double>(set->pattern_count());
}

} // namespace

BENCHMARK(BM_gazetteer_names)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
