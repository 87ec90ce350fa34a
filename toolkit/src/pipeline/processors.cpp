#include "wirespeed/processors.hpp"

#include <algorithm>

#include "wirespeed/jsonl.hpp"

namespace wirespeed {
namespace {

class cat_processor final : public document_processor {
public:
  bool process(const document &doc, std::string &out, std::string &why) override {
    static_cast<void>(why);
    append_document_json(out, doc);
    out.push_back('\n');
    return true;
  }
};

class stats_processor final : public document_processor {
public:
  bool process(const document &doc, std::string &out, std::string &why) override {
    static_cast<void>(out);
    static_cast<void>(why);
    ++documents_;
    bytes_ += doc.text.size();
    lines_ += static_cast<std::uint64_t>(std::count(doc.text.begin(), doc.text.end(), '\n'));
    if (!doc.text.empty() && doc.text.back() != '\n') {
      ++lines_;
    }
    return true;
  }

  void merge(document_processor &other) override {
    auto &that = dynamic_cast<stats_processor &>(other);
    documents_ += that.documents_;
    bytes_ += that.bytes_;
    lines_ += that.lines_;
  }

  void finish_run(const run_summary &run, std::string &out) override {
    out += "{\"documents\":" + std::to_string(documents_) +
           ",\"rejects\":" + std::to_string(run.records_rejected) +
           ",\"input_bytes\":" + std::to_string(run.bytes_read) +
           ",\"bytes\":" + std::to_string(bytes_) + ",\"lines\":" + std::to_string(lines_) + "}\n";
  }

private:
  std::uint64_t documents_ = 0;
  std::uint64_t bytes_ = 0;
  std::uint64_t lines_ = 0;
};

} // namespace

std::unique_ptr<document_processor> make_cat_processor() {
  return std::make_unique<cat_processor>();
}

std::unique_ptr<document_processor> make_stats_processor() {
  return std::make_unique<stats_processor>();
}

} // namespace wirespeed
