// Tokenizer throughput per SIMD level on five inputs, with the peers and a
// bandwidth reference measured in the same run:
//   BM_tokenize_<input>/<level>        wirespeed (scalar = the careful reference tokenizer)
//   BM_tokenize_<input>/icu, /re2      ICU word BreakIterator, RE2 token regex
//   BM_tokenize_<input>/bandwidth_<level>  load and add every byte, nothing else
// Every level's output is compared with the scalar reference before timing.
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/corpus.hpp"
#include "tokenize/kernels.hpp"
#include "tokenize/peers.hpp"
#include "wirespeed/tokenize.hpp"

namespace wirespeed::bench {
namespace {

using tokenize_detail::kernels;
using tokenize_detail::kernels_for;

constexpr std::size_t input_bytes = std::size_t{1} << 20;

std::string ascii_only(const std::string &text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x80) {
      out += c;
    }
  }
  return out;
}

std::string all_punctuation(std::size_t bytes) {
  static constexpr std::string_view marks = "!\"()*,-./:;?[]{}'";
  std::string out(bytes, '.');
  for (std::size_t i = 0; i < bytes; ++i) {
    out[i] = marks[i % marks.size()];
  }
  return out;
}

struct input {
  std::string name;
  std::string text;
};

std::vector<input> make_inputs() {
  std::vector<input> inputs;
  inputs.push_back({"news", news_text(input_bytes).substr(0, input_bytes)});
  inputs.push_back({"ascii", ascii_only(inputs[0].text)});
  inputs.push_back({"arabic", arabic_text(input_bytes).substr(0, input_bytes)});
  inputs.push_back({"punct", all_punctuation(input_bytes)});
  inputs.push_back({"longword", std::string(std::size_t{10} << 20, 'a')});
  // A cut through a multi-byte character would only add invalid-UTF-8 tokens.
  for (input &in : inputs) {
    while (!in.text.empty() && (static_cast<unsigned char>(in.text.back()) & 0xC0) == 0x80) {
      in.text.pop_back();
    }
    if (!in.text.empty() && static_cast<unsigned char>(in.text.back()) >= 0xC0) {
      in.text.pop_back();
    }
  }
  return inputs;
}

void report(benchmark::State &state, std::size_t bytes, std::size_t tokens) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsIterationInvariantRate);
  state.counters["bytes/token"] =
      tokens ? static_cast<double>(bytes) / static_cast<double>(tokens) : 0.0;
}

void bm_wirespeed(benchmark::State &state, const kernels *k, const input *in) {
  token_buffer out, reference;
  if (tokenize_with(*k, in->text, out) != tokenize_status::ok ||
      tokenize_with(*kernels_for(cpu::isa::scalar), in->text, reference) != tokenize_status::ok) {
    state.SkipWithError("tokenize failed");
    return;
  }
  const auto got = out.tokens();
  const auto want = reference.tokens();
  if (!std::equal(got.begin(), got.end(), want.begin(), want.end()) ||
      !std::equal(out.sentence_starts().begin(), out.sentence_starts().end(),
                  reference.sentence_starts().begin(), reference.sentence_starts().end())) {
    state.SkipWithError("output differs from the scalar reference");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(tokenize_with(*k, in->text, out));
    benchmark::ClobberMemory();
  }
  report(state, in->text.size(), out.tokens().size());
}

void bm_bandwidth(benchmark::State &state, const kernels *k, const input *in) {
  const auto *data = reinterpret_cast<const std::uint8_t *>(in->text.data());
  const std::uint64_t want = kernels_for(cpu::isa::scalar)->sum_bytes(data, in->text.size());
  if (k->sum_bytes(data, in->text.size()) != want) {
    state.SkipWithError("checksum differs from scalar");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(k->sum_bytes(data, in->text.size()));
  }
  report(state, in->text.size(), 0);
}

void bm_icu(benchmark::State &state, const input *in) {
  icu_word_tokenizer icu;
  spans out;
  if (!icu.tokenize(in->text, out) || out.empty()) {
    state.SkipWithError("ICU BreakIterator failed");
    return;
  }
  for (auto _ : state) {
    icu.tokenize(in->text, out);
    benchmark::DoNotOptimize(out.data());
  }
  report(state, in->text.size(), out.size());
}

void bm_re2(benchmark::State &state, const input *in) {
  re2_tokenizer re2;
  spans out;
  re2.tokenize(in->text, out);
  if (out.empty()) {
    state.SkipWithError("RE2 found no tokens");
    return;
  }
  for (auto _ : state) {
    re2.tokenize(in->text, out);
    benchmark::DoNotOptimize(out.data());
  }
  report(state, in->text.size(), out.size());
}

} // namespace
} // namespace wirespeed::bench

int main(int argc, char **argv) {
  using namespace wirespeed;
  using namespace wirespeed::bench;
  static const std::vector<input> inputs = make_inputs();
  for (const input &in : inputs) {
    const std::string prefix = "BM_tokenize_" + in.name + "/";
    for (cpu::isa level : cpu::available_isas()) {
      const kernels *k = kernels_for(level);
      benchmark::RegisterBenchmark((prefix + std::string(cpu::to_string(level))).c_str(),
                                   bm_wirespeed, k, &in);
    }
    // The 10 MB word is only about our own worst case.
    if (in.name != "longword") {
      benchmark::RegisterBenchmark((prefix + "icu").c_str(), bm_icu, &in);
      benchmark::RegisterBenchmark((prefix + "re2").c_str(), bm_re2, &in);
    }
    for (cpu::isa level : cpu::available_isas()) {
      benchmark::RegisterBenchmark(
          (prefix + "bandwidth_" + std::string(cpu::to_string(level))).c_str(), bm_bandwidth,
          kernels_for(level), &in);
    }
  }
  benchmark::AddCustomContext("news_text_source", std::string(news_text_source()));
  benchmark::AddCustomContext("active_isa", std::string(cpu::to_string(cpu::active_isa())));
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
