// wirespeed eval scoring on a tiny hand-made gold with known counts.
#include <gtest/gtest.h>

#include "api/extract_util.hpp"
#include "wirespeed/eval.hpp"

namespace {

// Article: two quotes (one attributed to "Ann Lee", one continuation), one
// share line. The gold below lists one quote right, one quote the extractor
// cannot find ("missing"), a wrong speaker for the continuation, and a
// boilerplate line; its byline matches, its dateline does not.
const char *article = "LISBON \u2014 The port reopened on Monday after the strike ended.\n\n"
                      "\"We are back to work at last,\" union leader Ann Lee said. \"It was a long "
                      "month for every family here.\"\n\nShare this article";

const char *gold =
    R"({"id":"d1","title":"Port reopens","published":"2024-05-06","byline":[],"dateline":"PORTO",)"
    R"("boilerplate":[{"text":"Share this article","kind":"share"}],)"
    R"("quotes":[{"text":"We are back to work at last,","speaker":"Ann Lee","verb":"said","partial":false},)"
    R"({"text":"It was a long month for every family here.","speaker":"Bo Chen","verb":null,"partial":false},)"
    R"({"text":"missing","speaker":null,"verb":null,"partial":true}]})"
    "\n";

} // namespace

TEST(eval, counts_precision_recall_and_speaker_accuracy) {
  wirespeed::gold_set g;
  std::string error;
  ASSERT_TRUE(g.load(gold, error)) << error;
  ASSERT_EQ(g.size(), 1u);
  wirespeed::document doc;
  doc.id = "d1";
  doc.title = "Port reopens";
  doc.published = "2024-05-06";
  doc.text = article;
  wirespeed::extract_scratch scratch;
  wirespeed::extraction r;
  ASSERT_TRUE(extract_test::default_set()->extract(doc, scratch, r).ok());
  wirespeed::eval_report report;
  g.score(doc, r, report);
  doc.id = "other";
  g.score(doc, r, report);

  const auto &quotes = report.fields[1];
  EXPECT_EQ(quotes.true_positives, 2u);
  EXPECT_EQ(quotes.false_positives, 0u);
  EXPECT_EQ(quotes.false_negatives, 1u);
  EXPECT_DOUBLE_EQ(quotes.precision(), 1.0);
  EXPECT_DOUBLE_EQ(quotes.recall(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(quotes.f1(), 0.8);
  EXPECT_EQ(report.speakers_total, 2u);
  EXPECT_EQ(report.speakers_right, 1u);
  EXPECT_DOUBLE_EQ(report.speaker_accuracy(), 0.5);
  EXPECT_EQ(report.fields[0].true_positives, 1u); // boilerplate
  const auto &dateline = report.fields[3];        // LISBON vs PORTO
  EXPECT_EQ(dateline.false_positives, 1u);
  EXPECT_EQ(dateline.false_negatives, 1u);
  EXPECT_EQ(report.fields[4].true_positives, 1u); // published
  EXPECT_EQ(report.fields[5].true_positives, 1u); // title
  EXPECT_EQ(report.documents, 1u);
  EXPECT_EQ(report.without_gold, 1u);

  const std::string table = wirespeed::format_eval_table(report);
  EXPECT_NE(table.find("quotes           2     0     1     1.000     0.667     0.800"),
            std::string::npos)
      << table;
  EXPECT_NE(wirespeed::format_eval_json(report).find("\"speaker_accuracy\":0.5000"),
            std::string::npos);
}

TEST(eval, malformed_gold_is_an_error_naming_the_line) {
  wirespeed::gold_set g;
  std::string error;
  EXPECT_FALSE(g.load("{\"id\":\"a\"}\nnot json\n", error));
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
}

TEST(eval, reports_merge) {
  wirespeed::eval_report a;
  wirespeed::eval_report b;
  a.fields[1].true_positives = 2;
  b.fields[1].false_positives = 1;
  b.speakers_total = 3;
  a.merge(b);
  EXPECT_EQ(a.fields[1].true_positives, 2u);
  EXPECT_EQ(a.fields[1].false_positives, 1u);
  EXPECT_EQ(a.speakers_total, 3u);
}
