// Extractors on news text: end to end (all extractors) and each extractor
// alone (tokenizer + one scan + that extractor), in MB/s and documents/s.
// Documents are cut from news_text() at paragraph breaks, about 4 KiB each,
// like the wire articles the tool is fed; every fourth ends in page furniture.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "common/corpus.hpp"
#include "wirespeed/extract.hpp"

namespace {

constexpr std::size_t corpus_bytes = std::size_t{4} << 20;
constexpr std::size_t document_bytes = 4096;

const std::vector<wirespeed::document> &documents() {
  static const std::vector<wirespeed::document> docs = [] {
    const std::string &text = wirespeed::bench::news_text(corpus_bytes);
    std::vector<wirespeed::document> out;
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t cut = text.find("\n\n", std::min(at + document_bytes, text.size()));
      cut = cut == std::string::npos ? text.size() : cut + 2;
      wirespeed::document d;
      d.id = std::to_string(out.size());
      d.text = text.substr(at, cut - at);
      if (out.size() % 4 == 0) {
        d.text += "Share this article\nRelated topics\nLeave a Comment\n";
      }
      out.push_back(std::move(d));
      at = cut;
    }
    return out;
  }();
  return docs;
}

// News paragraphs with page chrome between them, one short line each: the
// boilerplate extractor's per-line work (its phrase table probes every line).
const std::vector<wirespeed::document> &furnished_documents() {
  static const std::vector<wirespeed::document> docs = [] {
    static constexpr const char *chrome[] = {"Share",
                                             "Home > News > World",
                                             "Read more: the inquiry so far",
                                             "Topics",
                                             "Print",
                                             "Follow us on Facebook",
                                             "12 comments",
                                             "Photo: AFP",
                                             "Sign up for our newsletter",
                                             "Related topics"};
    std::vector<wirespeed::document> out = documents();
    for (std::size_t i = 0; i < out.size(); ++i) {
      std::string furnished;
      std::size_t at = 0;
      for (std::size_t k = 0; at < out[i].text.size(); ++k) {
        std::size_t cut = out[i].text.find('\n', at);
        cut = cut == std::string::npos ? out[i].text.size() : cut + 1;
        furnished.append(out[i].text, at, cut - at);
        furnished += chrome[(i + k) % std::size(chrome)];
        furnished += '\n';
        at = cut;
      }
      out[i].text = std::move(furnished);
    }
    return out;
  }();
  return docs;
}

void run(benchmark::State &state, std::vector<wirespeed::extractor_id> which,
         const std::vector<wirespeed::document> &docs = documents()) {
  wirespeed::extract_error error;
  wirespeed::extract_options options;
  options.extractors = std::move(which);
  auto set = wirespeed::extractor_set::create(options, error);
  if (!set) {
    state.SkipWithError(error.message.c_str());
    return;
  }
  wirespeed::extract_scratch scratch;
  wirespeed::extraction result;
  // Verify before timing: the text must yield what the extractors look for.
  std::size_t found = 0;
  for (const auto &d : docs) {
    if (!set->extract(d, scratch, result).ok()) {
      state.SkipWithError("extract failed");
      return;
    }
    found += result.quotes.size() + result.byline.size() + result.boilerplate.size() +
             !result.dateline.empty() + result.quantities.size() + result.dates.size() +
             result.entities.size();
  }
  if (found == 0) {
    state.SkipWithError("nothing extracted: not news text?");
    return;
  }
  std::size_t bytes = 0;
  for (const auto &d : docs) {
    bytes += d.text.size();
  }
  for (auto _ : state) {
    for (const auto &d : docs) {
      auto e = set->extract(d, scratch, result);
      benchmark::DoNotOptimize(e);
      benchmark::DoNotOptimize(result.quotes.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * docs.size()), benchmark::Counter::kIsRate);
  state.SetLabel(std::string(wirespeed::bench::news_text_source()));
}

void BM_extract_all(benchmark::State &state) {
  run(state, {});
}
// Issue 5's extractors together (boilerplate, metadata, quotes), chosen as
// `wirespeed extract --fields title,published,byline,dateline,boilerplate,quotes`
// chooses them: its speed goal is for this set.
void BM_extract_boilerplate_metadata_quotes(benchmark::State &state) {
  run(state, wirespeed::extractors_for(wirespeed::field_title | wirespeed::field_published |
                                       wirespeed::field_byline | wirespeed::field_dateline |
                                       wirespeed::field_boilerplate | wirespeed::field_quotes));
}
void BM_extract_boilerplate(benchmark::State &state) {
  run(state, {wirespeed::extractor_id::boilerplate});
}
void BM_extract_boilerplate_furnished(benchmark::State &state) {
  run(state, {wirespeed::extractor_id::boilerplate}, furnished_documents());
}
void BM_extract_metadata(benchmark::State &state) {
  run(state, {wirespeed::extractor_id::metadata});
}
void BM_extract_quotes(benchmark::State &state) {
  run(state, {wirespeed::extractor_id::quotes});
}
void BM_extract_quantities(benchmark::State &state) {
  run(state, {wirespeed::extractor_id::quantities});
}
// Dates alone cannot resolve or find durations: it runs with what it needs,
// as `wirespeed extract --fields dates` does.
void BM_extract_dates(benchmark::State &state) {
  run(state, wirespeed::extractors_for(wirespeed::field_dates));
}
void BM_extract_entities(benchmark::State &state) {
  run(state, {wirespeed::extractor_id::entities});
}

} // namespace

BENCHMARK(BM_extract_all)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract_boilerplate_metadata_quotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract_boilerplate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract_boilerplate_furnished)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract_metadata)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract_quotes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract_quantities)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract_dates)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_extract_entities)->Unit(benchmark::kMillisecond);
