// `wirespeed gazetteer build`: entity mentions counted by type and canonical
// name over a corpus, written as a gazetteer file.
#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "wirespeed/gazetteer.hpp"

namespace wirespeed {
namespace {

using name_key = std::pair<entity_type, std::string>;

class gazetteer_build_processor final : public document_processor {
public:
  gazetteer_build_processor(std::shared_ptr<const extractor_set> set,
                            const gazetteer_build_options &options)
      : set_(std::move(set)), options_(options) {}

  bool process(const document &doc, std::string &out, std::string &why) override {
    static_cast<void>(out);
    if (auto e = set_->extract(doc, scratch_, result_); !e.ok()) {
      why = e.message;
      return false;
    }
    ++documents_;
    for (const entity &e : result_.entities) {
      auto words =
          static_cast<std::uint32_t>(std::count(e.canonical.begin(), e.canonical.end(), ' ') + 1);
      if (words >= options_.min_words) {
        ++counts_[{e.type, e.canonical}];
      }
    }
    return true;
  }

  void merge(document_processor &other) override {
    auto &o = dynamic_cast<gazetteer_build_processor &>(other);
    for (const auto &[key, n] : o.counts_) {
      counts_[key] += n;
    }
    documents_ += o.documents_;
  }

  void finish(std::string &out) override {
    std::vector<std::pair<name_key, std::uint64_t>> rows;
    for (const auto &[key, n] : counts_) {
      if (n >= options_.min_count) {
        rows.emplace_back(key, n);
      }
    }
    // Most frequent first; the map's order (type, name) breaks ties, so the
    // file is the same for the same corpus whatever the thread count.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    out += fmt::format("# Names mined by `wirespeed gazetteer build` from {} documents "
                       "(at least {} mentions, {} words): type<TAB>name.\n"
                       "# Review before use: the rules guess the type.\n",
                       documents_, options_.min_count, options_.min_words);
    std::uint64_t group = 0;
    for (const auto &[key, n] : rows) {
      if (n != group) {
        group = n;
        out += fmt::format("# {} mentions\n", n);
      }
      out += fmt::format("{}\t{}\n", to_string(key.first), key.second);
    }
  }

private:
  std::shared_ptr<const extractor_set> set_;
  gazetteer_build_options options_;
  extract_scratch scratch_;
  extraction result_;
  std::map<name_key, std::uint64_t> counts_;
  std::uint64_t documents_ = 0;
};

} // namespace

std::shared_ptr<const extractor_set> make_gazetteer_build_set(extract_error &error) {
  extract_options options;
  options.extractors = {extractor_id::boilerplate, extractor_id::metadata, extractor_id::entities};
  options.builtin_gazetteer = false;
  return extractor_set::create(options, error);
}

std::unique_ptr<document_processor>
make_gazetteer_build_processor(std::shared_ptr<const extractor_set> set,
                               const gazetteer_build_options &options) {
  return std::make_unique<gazetteer_build_processor>(std::move(set), options);
}

} // namespace wirespeed
