#include "common/corpus.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <vector>

namespace wirespeed::bench {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return std::move(contents).str();
}

// Files in a stable order, so every machine concatenates the same bytes.
std::vector<fs::path> sorted_files(const fs::path &root, std::string_view extension) {
  std::vector<fs::path> files;
  if (!fs::is_directory(root)) {
    return files;
  }
  for (const auto &entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string repeat_to_size(const std::string &unit, std::size_t bytes) {
  std::string text;
  text.reserve(bytes + unit.size());
  while (text.size() < bytes) {
    text += unit;
  }
  return text;
}

// The BBC corpus has one file in Latin-1 (as upstream); benchmarks of a UTF-8
// tokenizer want valid text, so invalid files are left out.
std::string bbc_text() {
  std::string text;
  for (const fs::path &file : sorted_files(shared_corpora_dir() / "bbc-fulltext", ".txt")) {
    std::string article = read_file(file);
    if (simdjson::validate_utf8(article.data(), article.size())) {
      text += article;
      text += "\n\n";
    }
  }
  return text;
}

std::string saudinewsnet_text(std::size_t bytes) {
  std::string text;
  simdjson::dom::parser parser;
  for (const fs::path &file : sorted_files(shared_corpora_dir() / "saudinewsnet-ar", ".json")) {
    simdjson::dom::element articles;
    if (parser.load(file.string()).get(articles) != simdjson::SUCCESS) {
      continue;
    }
    for (simdjson::dom::element article : articles.get_array()) {
      std::string_view content;
      if (article["content"].get(content) == simdjson::SUCCESS) {
        text.append(content);
        text += "\n\n";
      }
    }
    if (text.size() >= bytes) {
      break;
    }
  }
  return text;
}

// The text fields of a JSON Lines corpus (bench/run.sh points WIRESPEED_BENCH_CORPUS at the
// generated one), records that are not valid UTF-8 left out as the reader leaves them out.
std::string jsonl_text(const fs::path &path) {
  std::string text;
  std::ifstream in(path, std::ios::binary);
  simdjson::dom::parser parser;
  for (std::string line; std::getline(in, line);) {
    simdjson::dom::element record;
    std::string_view body;
    if (simdjson::validate_utf8(line.data(), line.size()) &&
        parser.parse(line).get(record) == simdjson::SUCCESS &&
        record["text"].get(body) == simdjson::SUCCESS) {
      text.append(body);
      text += "\n\n";
    }
  }
  return text;
}

fs::path configured_corpus() {
  const char *path = std::getenv("WIRESPEED_BENCH_CORPUS");
  return path != nullptr && fs::is_regular_file(path) ? fs::path(path) : fs::path();
}

// One cache per caller: each lambda type instantiates its own map.
template <class Make> const std::string &cached(std::size_t bytes, Make make) {
  static std::mutex lock;
  static std::map<std::size_t, std::string> by_size;
  std::lock_guard guard(lock);
  auto found = by_size.find(bytes);
  if (found == by_size.end()) {
    found = by_size.emplace(bytes, make()).first;
  }
  return found->second;
}

} // namespace

fs::path shared_corpora_dir() {
  if (const char *configured = std::getenv("WIRESPEED_CORPORA")) {
    return fs::is_directory(configured) ? fs::path(configured) : fs::path();
  }
  fs::path beside_checkout = fs::path(WIRESPEED_SOURCE_DIR) / ".." / "shared" / "corpora";
  return fs::is_directory(beside_checkout) ? beside_checkout.lexically_normal() : fs::path();
}

std::string_view news_text_source() {
  static const std::string source = [] {
    if (fs::path corpus = configured_corpus(); !corpus.empty()) {
      return "corpus:" + corpus.filename().string();
    }
    const bool have_bbc = !sorted_files(shared_corpora_dir() / "bbc-fulltext", ".txt").empty();
    return std::string(have_bbc ? "bbc-fulltext" : "synthetic");
  }();
  return source;
}

const std::string &news_text(std::size_t bytes) {
  return cached(bytes, [bytes] {
    if (news_text_source() == "synthetic") {
      return synthetic_news(bytes);
    }
    if (fs::path corpus = configured_corpus(); !corpus.empty()) {
      static const std::string generated = jsonl_text(corpus);
      return repeat_to_size(generated, bytes);
    }
    static const std::string bbc = bbc_text();
    return repeat_to_size(bbc, bytes);
  });
}

const std::string &arabic_text(std::size_t bytes) {
  return cached(bytes, [bytes] {
    std::string real = saudinewsnet_text(bytes);
    return real.empty() ? synthetic_arabic(bytes) : repeat_to_size(real, bytes);
  });
}

} // namespace wirespeed::bench
