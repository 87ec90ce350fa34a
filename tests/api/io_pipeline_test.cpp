// run_pipeline: accounting, rejects file, error policies, atomic output, and
// the ready-made cat and stats processors. Expected outputs written by hand.
#include "io_test_support.hpp"
#include "wirespeed/pipeline.hpp"
#include "wirespeed/processors.hpp"

namespace wirespeed::test {
namespace {

using pipeline_test = scratch_dir;

const std::string mixed_input = "{\"id\":\"a\",\"text\":\"Alpha.\"}\n"
                                "{\"id\":\"b\"}\n"
                                "{\"id\":\"c\",\"text\":\"Gamma.\"}\n"
                                "{\"id\":\"d\",\"text\":\"Delta \xff.\"}\n"
                                "{\"id\":\"e\",\"text\":\"Epsilon.\"}\n";

TEST_F(pipeline_test, CatWritesGoodRecordsAndRejectsBadOnesWithReasons) {
  pipeline_options options;
  options.inputs = {write("in.jsonl", mixed_input)};
  options.output = path("out.jsonl");
  options.rejects_path = path("rejects.jsonl");
  std::vector<rejection> seen;
  run_summary summary =
      run_pipeline(options, make_cat_processor, [&](const rejection &bad) { seen.push_back(bad); });
  EXPECT_TRUE(summary.output_ok) << summary.error;
  EXPECT_FALSE(summary.stopped_early);
  EXPECT_EQ(summary.records_read, 5u);
  EXPECT_EQ(summary.records_written, 3u);
  EXPECT_EQ(summary.records_rejected, 2u);
  EXPECT_EQ(summary.records_read, summary.records_written + summary.records_rejected);
  EXPECT_EQ(summary.bytes_read, mixed_input.size());
  EXPECT_EQ(read_file(options.output),
            R"({"id":"a","source":"","url":"","published":"","title":"","text":"Alpha."})"
            "\n"
            R"({"id":"c","source":"","url":"","published":"","title":"","text":"Gamma."})"
            "\n"
            R"({"id":"e","source":"","url":"","published":"","title":"","text":"Epsilon."})"
            "\n");
  const std::string in = options.inputs[0];
  EXPECT_EQ(read_file(options.rejects_path),
            R"({"file":")" + in + R"(","line":2,"reason":"missing field \"text\""})" + "\n" +
                R"({"file":")" + in +
                R"(","line":4,"reason":"invalid UTF-8 at byte offset 24, in field \"text\""})" +
                "\n");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].line, 2u);
  EXPECT_EQ(seen[1].line, 4u);
}

TEST_F(pipeline_test, FailPolicyStopsAtTheFirstBadRecordAndWritesNoOutputFile) {
  pipeline_options options;
  options.inputs = {write("in.jsonl", mixed_input)};
  options.output = path("out.jsonl");
  options.rejects_path = path("rejects.jsonl");
  options.on_error = error_policy::fail;
  run_summary summary = run_pipeline(options, make_cat_processor);
  EXPECT_TRUE(summary.stopped_early);
  EXPECT_EQ(summary.records_read, 2u);
  EXPECT_EQ(summary.records_written, 1u);
  EXPECT_EQ(summary.records_rejected, 1u);
  EXPECT_EQ(summary.error, options.inputs[0] + ":2: missing field \"text\"");
  EXPECT_FALSE(fs::exists(options.output)) << "no partial output after a failed run";
  EXPECT_EQ(read_file(options.rejects_path),
            R"({"file":")" + options.inputs[0] +
                R"(","line":2,"reason":"missing field \"text\""})" + "\n");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto &entry : fs::directory_iterator(root_)) {
    ++entries;
  }
  EXPECT_EQ(entries, 2u) << "only the input and the rejects file, no temporaries";
}

/// Rejects documents whose id is "bad"; writes the ids of the others.
class picky_processor final : public document_processor {
public:
  bool process(const document &doc, std::string &out, std::string &why) override {
    if (doc.id == "bad") {
      why = "id is bad";
      return false;
    }
    out += doc.id + "\n";
    return true;
  }
  void finish(std::string &out) override { out += "end\n"; }
};

TEST_F(pipeline_test, ProcessorRejectionsAreCountedLikeReadErrors) {
  pipeline_options options;
  options.inputs = {write("in.jsonl", "{\"id\":\"x\",\"text\":\"1\"}\n"
                                      "{\"id\":\"bad\",\"text\":\"2\"}\n"
                                      "{\"id\":\"y\",\"text\":\"3\"}\n")};
  options.output = path("out.txt");
  options.rejects_path = path("rejects.jsonl");
  run_summary summary = run_pipeline(options, [] { return std::make_unique<picky_processor>(); });
  EXPECT_EQ(summary.records_read, 3u);
  EXPECT_EQ(summary.records_written, 2u);
  EXPECT_EQ(summary.records_rejected, 1u);
  EXPECT_EQ(read_file(options.output), "x\ny\nend\n") << "finish() output comes last";
  EXPECT_EQ(read_file(options.rejects_path),
            R"({"file":")" + options.inputs[0] + R"(","line":2,"reason":"id is bad"})" + "\n");
}

TEST_F(pipeline_test, StatsCountsDocumentsTextBytesLinesAndRejects) {
  pipeline_options options;
  // Texts: "a\nb" (3 bytes, 2 lines), "c\n" (2 bytes, 1 line), "" (0, 0).
  options.inputs = {write("in.jsonl", "{\"text\":\"a\\nb\"}\n{\"text\":\"c\\n\"}\n"
                                      "{\"text\":\"\"}\nbroken\n"),
                    path("missing.jsonl")};
  options.output = path("stats.json");
  run_summary summary = run_pipeline(options, make_stats_processor);
  EXPECT_EQ(summary.records_rejected, 2u);
  EXPECT_EQ(read_file(options.output),
            "{\"documents\":3,\"rejects\":2,\"input_bytes\":50,\"bytes\":5,\"lines\":3}\n");
}

TEST(stats_processor, MergeAddsAnotherWorkersTotals) {
  auto one = make_stats_processor();
  auto two = make_stats_processor();
  document doc;
  std::string out;
  std::string why;
  doc.text = "x\ny";
  ASSERT_TRUE(one->process(doc, out, why));
  doc.text = "zz";
  ASSERT_TRUE(two->process(doc, out, why));
  ASSERT_TRUE(two->process(doc, out, why));
  EXPECT_TRUE(out.empty());
  one->merge(*two);
  run_summary run;
  run.records_rejected = 4;
  run.bytes_read = 99;
  one->finish_run(run, out);
  EXPECT_EQ(out, "{\"documents\":3,\"rejects\":4,\"input_bytes\":99,\"bytes\":7,\"lines\":4}\n");
}

TEST_F(pipeline_test, AnOutputThatCannotBeCreatedStopsTheRunBeforeReading) {
  pipeline_options options;
  options.inputs = {write("in.jsonl", mixed_input)};
  options.output = path("missing-dir/out.jsonl");
  run_summary summary = run_pipeline(options, make_cat_processor);
  EXPECT_FALSE(summary.output_ok);
  EXPECT_FALSE(summary.broken_pipe);
  EXPECT_NE(summary.error.find("missing-dir/out.jsonl"), std::string::npos) << summary.error;
  EXPECT_EQ(summary.records_read, 0u);
}

TEST_F(pipeline_test, AFactoryWithoutAProcessorIsAnErrorNotACrash) {
  pipeline_options options;
  options.inputs = {write("in.jsonl", mixed_input)};
  options.output = path("out.jsonl");
  run_summary summary = run_pipeline(options, [] { return std::unique_ptr<document_processor>(); });
  EXPECT_FALSE(summary.output_ok);
  EXPECT_EQ(summary.error, "no document processor to run");
  EXPECT_FALSE(fs::exists(options.output));
}

} // namespace
} // namespace wirespeed::test
