// `wirespeed grep` as a document processor: scan, then one JSON line per
// match, or per document, with per-label totals at the end.
#include <charconv>
#include <cstring>
#include <map>

#include "core/huge_pages.hpp"
#include "wirespeed/grep.hpp"
#include "wirespeed/jsonl.hpp"

namespace wirespeed {
namespace {

/// Counts by label; the labels are the database's, which every processor holds.
using label_counts = std::map<std::string_view, std::uint64_t>;

void append_labels(std::string &out, const label_counts &labels) {
  out += "\"labels\":{";
  bool first = true;
  for (const auto &[label, n] : labels) {
    if (!first) {
      out.push_back(',');
    }
    first = false;
    append_json_string(out, label);
    out.push_back(':');
    append_json_number(out, n);
  }
  out.push_back('}');
}

class grep_processor final : public document_processor {
public:
  grep_processor(std::shared_ptr<const match::database> db, grep_options options,
                 std::shared_ptr<grep_totals> totals)
      : db_(std::move(db)), options_(options), totals_(std::move(totals)) {}

  bool process(const document &doc, std::string &out, std::string &why) override {
    found_.clear();
    timer_.start();
    if (const match::error e = db_->scan(doc.text, scratch_, found_, options_.mode); !e.ok()) {
      why = e.message;
      return false;
    }
    timer_.lap(scanning);
    if (found_.empty()) {
      return true;
    }
    totals_->matches += found_.size();
    ++totals_->documents;
    switch (options_.output) {
    case grep_output::matches:
      write_matches(doc, out);
      break;
    case grep_output::counts:
      write_counts(doc, out);
      break;
    case grep_output::documents:
      out += "{\"id\":";
      append_json_string(out, doc.id);
      out += "}\n";
      break;
    }
    timer_.lap(formatting);
    return true;
  }

  [[nodiscard]] std::vector<named_seconds> stage_times() const override { return timer_.seconds(); }

  void merge(document_processor &other) override {
    auto &that = dynamic_cast<grep_processor &>(other);
    for (const auto &[label, n] : that.labels_) {
      labels_[label] += n;
    }
    total_ += that.total_;
    documents_ += that.documents_;
  }

  void finish(std::string &out) override {
    if (options_.output != grep_output::counts) {
      return;
    }
    out += "{\"total\":";
    append_json_number(out, total_);
    out += ",\"documents\":";
    append_json_number(out, documents_);
    out.push_back(',');
    append_labels(out, labels_);
    out += "}\n";
  }

private:
  void write_matches(const document &doc, std::string &out) {
    // What every line of the document starts with, escaped once.
    head_.assign("{\"id\":");
    append_json_string(head_, doc.id);
    head_ += ",\"pattern\":";
    // One reservation for the document's lines: a multi-megabyte output grown
    // by doubling pays a copy and fresh page faults at every step.
    std::size_t expected = 0;
    for (const match::match &m : found_) {
      expected += line_room(label_part(m.id), m.end - m.begin);
    }
    core::reserve_in_huge_pages(out, out.size() + expected); // filled front to back
    const std::string_view text = doc.text;
    // The scan read the text long ago: in a large document each match's
    // bytes are a cache miss unless fetched a few lines ahead.
    constexpr std::size_t lines_ahead = 16;
    for (std::size_t i = 0; i < found_.size(); ++i) {
      if (i + lines_ahead < found_.size()) {
        __builtin_prefetch(text.data() + found_[i + lines_ahead].begin);
      }
      const match::match &m = found_[i];
      append_line(out, m, text.substr(m.begin, m.end - m.begin));
    }
  }

  /// Bytes a line may need beside its head, label part and text: three
  /// numbers of up to 20 digits, the last keys, quotes, brace and newline
  /// (a text that needs escaping asks for the room of its escaped form).
  [[nodiscard]] std::size_t line_room(std::string_view label, std::size_t text_bytes) const {
    constexpr std::size_t numbers = 3 * 20;
    constexpr std::size_t keys = std::string_view(",\"end\":,\"text\":\"\"}\n").size();
    return head_.size() + label.size() + text_bytes + numbers + keys;
  }

  /// One line, laid out in place in `out` (grown by an upper bound, then cut
  /// to what was written) instead of a dozen appends: a line per few dozen
  /// bytes of text makes their bookkeeping the bulk of the work.
  void append_line(std::string &out, const match::match &m, std::string_view text) {
    const std::string_view label = label_part(m.id);
    std::string_view quoted = text; // written between quotes as it is
    bool verbatim = is_verbatim_json(text);
    if (!verbatim) {
      escaped_.clear();
      append_json_string(escaped_, text);
      quoted = escaped_;
    }
    const std::size_t start = out.size();
    out.resize(start + line_room(label, quoted.size()));
    char *p = out.data() + start;
    const auto put = [&p](std::string_view bytes) {
      std::memcpy(p, bytes.data(), bytes.size());
      p += bytes.size();
    };
    const auto put_number = [&p](std::uint64_t value) { p = std::to_chars(p, p + 20, value).ptr; };
    put(head_);
    put_number(m.id);
    put(label);
    put_number(m.begin);
    put(",\"end\":");
    put_number(m.end);
    put(verbatim ? ",\"text\":\"" : ",\"text\":");
    put(quoted);
    put(verbatim ? "\"}\n" : "}\n");
    out.resize(static_cast<std::size_t>(p - out.data()));
  }

  /// `,"label":<label>,"begin":` for pattern `id`, escaped on its first
  /// match: a dictionary's names recur throughout a text.
  std::string_view label_part(std::uint32_t id) {
    if (label_parts_.empty()) {
      label_parts_.resize(db_->size());
    }
    span &part = label_parts_[id];
    if (part.size == 0) { // never empty once made: it holds the keys
      const std::size_t begin = label_text_.size();
      label_text_ += ",\"label\":";
      append_json_string(label_text_, db_->at(id).label);
      label_text_ += ",\"begin\":";
      part = {begin, label_text_.size() - begin};
    }
    return std::string_view(label_text_).substr(part.begin, part.size);
  }

  void write_counts(const document &doc, std::string &out) {
    // By pattern id first (an array increment per match), then by label (a
    // map of strings per distinct pattern, not per match).
    if (id_counts_.empty()) {
      id_counts_.resize(db_->size());
    }
    counted_ids_.clear();
    for (const match::match &m : found_) {
      if (id_counts_[m.id]++ == 0) {
        counted_ids_.push_back(m.id);
      }
    }
    label_counts here;
    for (const std::uint32_t id : counted_ids_) {
      here[db_->at(id).label] += id_counts_[id];
      id_counts_[id] = 0;
    }
    for (const auto &[label, n] : here) {
      labels_[label] += n;
    }
    total_ += found_.size();
    ++documents_;
    out += "{\"id\":";
    append_json_string(out, doc.id);
    out += ",\"matches\":";
    append_json_number(out, found_.size());
    out.push_back(',');
    append_labels(out, here);
    out += "}\n";
  }

  std::shared_ptr<const match::database> db_;
  grep_options options_;
  std::shared_ptr<grep_totals> totals_;
  match::scratch scratch_;
  std::vector<match::match> found_;
  std::string head_; ///< of each match line: {"id":<document id>,"pattern":
  struct span {
    std::size_t begin = 0;
    std::size_t size = 0;
  };
  std::vector<span> label_parts_; ///< by pattern id, into label_text_ (size 0: not yet made)
  std::string label_text_;
  std::string escaped_; ///< a match text that needs escaping, escaped
  label_counts labels_;
  std::vector<std::uint64_t> id_counts_;   ///< by pattern id, zero between documents
  std::vector<std::uint32_t> counted_ids_; ///< the ids counted in this document
  std::uint64_t total_ = 0;
  std::uint64_t documents_ = 0;
  enum stage : std::size_t { scanning, formatting };
  stage_timer timer_{{"scan", "format"}};
};

} // namespace

std::unique_ptr<document_processor> make_grep_processor(std::shared_ptr<const match::database> db,
                                                        grep_options options,
                                                        std::shared_ptr<grep_totals> totals) {
  return std::make_unique<grep_processor>(std::move(db), options, std::move(totals));
}

} // namespace wirespeed
