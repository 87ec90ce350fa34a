#pragma once
/**
 * @file corpus.hpp
 * @brief Benchmark inputs: real news text when the shared corpora are
 *        present, deterministic synthetic news otherwise.
 *
 * Real corpora live outside the repository (never committed): set
 * WIRESPEED_CORPORA to their folder, or place them at ../shared/corpora beside
 * the checkout. Benchmarks must record which source they ran on
 * (news_text_source()) so results from two machines are comparable.
 */
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace wirespeed::bench {

/// The shared corpora folder, or an empty path when it is absent.
[[nodiscard]] std::filesystem::path shared_corpora_dir();

/// English news text of at least `bytes` bytes (valid UTF-8): the text fields of the
/// JSON Lines file named by WIRESPEED_BENCH_CORPUS (bench/run.sh sets it to the
/// generated corpus), else the BBC News corpus, else synthetic_news(); repeated to
/// size. Cached per size.
[[nodiscard]] const std::string &news_text(std::size_t bytes);

/// "corpus:<file name>", "bbc-fulltext" or "synthetic": what news_text() is made of here.
[[nodiscard]] std::string_view news_text_source();

/// Arabic news text of at least `bytes` bytes: SaudiNewsNet article bodies when
/// present, synthetic Arabic and Turkish sentences otherwise. Cached per size.
[[nodiscard]] const std::string &arabic_text(std::size_t bytes);

/// Deterministic synthetic English news of at least `bytes` bytes: articles of
/// several paragraphs with datelines, quotes, hedged figures and dates,
/// separated by blank lines. Same seed, same bytes, on every machine.
[[nodiscard]] std::string synthetic_news(std::size_t bytes, std::uint64_t seed = 1);

/// Deterministic synthetic Arabic/Turkish text of at least `bytes` bytes.
[[nodiscard]] std::string synthetic_arabic(std::size_t bytes, std::uint64_t seed = 1);

} // namespace wirespeed::bench
