// The work of `wirespeed tokenize`, as a pipeline processor any program can use.
#include <charconv>
#include <memory>
#include <string>

#include "wirespeed/jsonl.hpp"
#include "wirespeed/processors.hpp"
#include "wirespeed/tokenize.hpp"

namespace wirespeed {
namespace {

void append_number(std::string &out, std::uint64_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

void append_indices(std::string &out, std::span<const std::uint32_t> indices) {
  out += '[';
  for (std::size_t i = 0; i < indices.size(); ++i) {
    if (i != 0) {
      out += ',';
    }
    append_number(out, indices[i]);
  }
  out += ']';
}

class tokenize_processor final : public document_processor {
public:
  explicit tokenize_processor(tokenize_output mode) : mode_(mode) {}

  bool process(const document &doc, std::string &out, std::string &why) override {
    const tokenize_status status = tokenize(doc.text, tokens_);
    if (status != tokenize_status::ok) {
      why = std::string(to_string(status));
      return false;
    }
    ++documents_;
    bytes_ += doc.text.size();
    token_count_ += tokens_.tokens().size();
    sentences_ += tokens_.sentence_starts().size();
    paragraphs_ += tokens_.paragraph_starts().size();
    if (mode_ == tokenize_output::count) {
      return true;
    }
    out += "{\"id\":";
    append_json_string(out, doc.id);
    out += ",\"tokens\":[";
    bool first = true;
    for (const token &t : tokens_.tokens()) {
      out += first ? "[" : ",[";
      first = false;
      if (mode_ == tokenize_output::text) {
        append_json_string(out, std::string_view(doc.text).substr(t.begin, t.end - t.begin));
      } else {
        append_number(out, t.begin);
        out += ',';
        append_number(out, t.end);
      }
      out += ",\"";
      out += to_string(t.kind);
      out += "\"]";
    }
    out += "],\"sentences\":";
    append_indices(out, tokens_.sentence_starts());
    out += ",\"paragraphs\":";
    append_indices(out, tokens_.paragraph_starts());
    out += "}\n";
    return true;
  }

  void merge(document_processor &other) override {
    auto &that = static_cast<tokenize_processor &>(other);
    documents_ += that.documents_;
    bytes_ += that.bytes_;
    token_count_ += that.token_count_;
    sentences_ += that.sentences_;
    paragraphs_ += that.paragraphs_;
  }

  void finish_run(const run_summary &run, std::string &out) override {
    if (mode_ != tokenize_output::count) {
      return;
    }
    out += "{\"documents\":";
    append_number(out, documents_);
    out += ",\"rejects\":";
    append_number(out, run.records_rejected);
    out += ",\"bytes\":";
    append_number(out, bytes_);
    out += ",\"tokens\":";
    append_number(out, token_count_);
    out += ",\"sentences\":";
    append_number(out, sentences_);
    out += ",\"paragraphs\":";
    append_number(out, paragraphs_);
    out += ",\"isa\":\"";
    out += cpu::to_string(cpu::active_isa());
    out += "\"}\n";
  }

private:
  tokenize_output mode_;
  token_buffer tokens_;
  std::uint64_t documents_ = 0;
  std::uint64_t bytes_ = 0;
  std::uint64_t token_count_ = 0;
  std::uint64_t sentences_ = 0;
  std::uint64_t paragraphs_ = 0;
};

} // namespace

std::unique_ptr<document_processor> make_tokenize_processor(tokenize_output mode) {
  return std::make_unique<tokenize_processor>(mode);
}

} // namespace wirespeed
