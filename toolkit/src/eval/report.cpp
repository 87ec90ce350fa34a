// Report arithmetic, formatting, and the eval document processor.
#include <fmt/format.h>

#include "wirespeed/eval.hpp"

namespace wirespeed {
namespace {

double ratio(std::uint64_t num, std::uint64_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

class eval_processor final : public document_processor {
public:
  eval_processor(std::shared_ptr<const extractor_set> set, std::shared_ptr<const gold_set> gold,
                 bool json, bool verbose)
      : set_(std::move(set)), gold_(std::move(gold)), json_(json), verbose_(verbose) {}

  bool process(const document &doc, std::string &out, std::string &why) override {
    static_cast<void>(out);
    if (auto e = set_->extract(doc, scratch_, result_); !e.ok()) {
      why = e.message;
      return false;
    }
    gold_->score(doc, result_, report_);
    return true;
  }

  void merge(document_processor &other) override {
    report_.merge(dynamic_cast<eval_processor &>(other).report_);
  }

  void finish(std::string &out) override {
    out += json_ ? format_eval_json(report_) : format_eval_table(report_);
    if (verbose_) {
      for (const std::string &e : report_.errors) {
        out += e + "\n";
      }
    }
  }

private:
  std::shared_ptr<const extractor_set> set_;
  std::shared_ptr<const gold_set> gold_;
  bool json_;
  bool verbose_;
  extract_scratch scratch_;
  extraction result_;
  eval_report report_;
};

} // namespace

double eval_counts::precision() const noexcept {
  return ratio(true_positives, true_positives + false_positives);
}
double eval_counts::recall() const noexcept {
  return ratio(true_positives, true_positives + false_negatives);
}
double eval_counts::f1() const noexcept {
  double p = precision();
  double r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

double eval_report::speaker_accuracy() const noexcept {
  return ratio(speakers_right, speakers_total);
}

double eval_report::quantity_detail_accuracy() const noexcept {
  return ratio(quantity_details_right, quantities_total);
}
double eval_report::quantity_event_accuracy() const noexcept {
  return ratio(quantity_events_right, quantities_total);
}
double eval_report::date_value_accuracy() const noexcept {
  return ratio(date_values_right, dates_total);
}
double eval_report::canonical_accuracy() const noexcept {
  return ratio(canonical_right, canonical_total);
}

void eval_report::merge(const eval_report &other) {
  for (std::size_t i = 0; i < eval_field_count; ++i) {
    fields[i].true_positives += other.fields[i].true_positives;
    fields[i].false_positives += other.fields[i].false_positives;
    fields[i].false_negatives += other.fields[i].false_negatives;
  }
  speakers_right += other.speakers_right;
  speakers_total += other.speakers_total;
  quantity_details_right += other.quantity_details_right;
  quantity_events_right += other.quantity_events_right;
  quantities_total += other.quantities_total;
  date_values_right += other.date_values_right;
  dates_total += other.dates_total;
  canonical_right += other.canonical_right;
  canonical_total += other.canonical_total;
  documents += other.documents;
  without_gold += other.without_gold;
  errors.insert(errors.end(), other.errors.begin(), other.errors.end());
}

std::string format_eval_table(const eval_report &report) {
  std::string out = fmt::format("{:<12} {:>5} {:>5} {:>5} {:>9} {:>9} {:>9}\n", "field", "tp", "fp",
                                "fn", "precision", "recall", "f1");
  for (std::size_t i = 0; i < eval_field_count; ++i) {
    const eval_counts &c = report.fields[i];
    out += fmt::format("{:<12} {:>5} {:>5} {:>5} {:>9.3f} {:>9.3f} {:>9.3f}\n", eval_fields[i],
                       c.true_positives, c.false_positives, c.false_negatives, c.precision(),
                       c.recall(), c.f1());
  }
  out += fmt::format("speaker accuracy {:.3f} ({} of {} matched quotes)\n",
                     report.speaker_accuracy(), report.speakers_right, report.speakers_total);
  out += fmt::format("quantity value+approx+unit accuracy {:.3f}, event accuracy {:.3f} ({} and {} "
                     "of {} matched quantities)\n",
                     report.quantity_detail_accuracy(), report.quantity_event_accuracy(),
                     report.quantity_details_right, report.quantity_events_right,
                     report.quantities_total);
  out += fmt::format("date value accuracy {:.3f} ({} of {} matched dates)\n",
                     report.date_value_accuracy(), report.date_values_right, report.dates_total);
  out += fmt::format("canonical accuracy {:.3f} ({} of {} matched entities)\n",
                     report.canonical_accuracy(), report.canonical_right, report.canonical_total);
  out +=
      fmt::format("documents {} scored, {} without gold\n", report.documents, report.without_gold);
  return out;
}

std::string format_eval_json(const eval_report &report) {
  std::string out = "{";
  for (std::size_t i = 0; i < eval_field_count; ++i) {
    const eval_counts &c = report.fields[i];
    out += fmt::format("\"{}\":{{\"tp\":{},\"fp\":{},\"fn\":{},\"precision\":{:.4f},\"recall\":{:."
                       "4f},\"f1\":{:.4f}}},",
                       eval_fields[i], c.true_positives, c.false_positives, c.false_negatives,
                       c.precision(), c.recall(), c.f1());
  }
  out += fmt::format("\"speaker_accuracy\":{:.4f},\"speakers_right\":{},\"speakers_total\":{},",
                     report.speaker_accuracy(), report.speakers_right, report.speakers_total);
  out += fmt::format("\"quantity_detail_accuracy\":{:.4f},\"quantity_event_accuracy\":{:.4f},"
                     "\"quantities_matched\":{},\"date_value_accuracy\":{:.4f},"
                     "\"dates_matched\":{},",
                     report.quantity_detail_accuracy(), report.quantity_event_accuracy(),
                     report.quantities_total, report.date_value_accuracy(), report.dates_total);
  out += fmt::format("\"canonical_accuracy\":{:.4f},\"canonical_right\":{},\"canonical_total\":{},",
                     report.canonical_accuracy(), report.canonical_right, report.canonical_total);
  out += fmt::format("\"documents\":{},\"without_gold\":{}}}\n", report.documents,
                     report.without_gold);
  return out;
}

std::unique_ptr<document_processor> make_eval_processor(std::shared_ptr<const extractor_set> set,
                                                        std::shared_ptr<const gold_set> gold,
                                                        bool json, bool verbose) {
  return std::make_unique<eval_processor>(std::move(set), std::move(gold), json, verbose);
}

} // namespace wirespeed
