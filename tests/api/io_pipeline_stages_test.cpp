// Per-stage seconds: stage_timer's laps, the workers' stage_times() summed by
// run_pipeline, the --stats JSON naming them, and extract's own split.
#include <chrono>
#include <thread>

#include "io_test_support.hpp"
#include "wirespeed/extract.hpp"
#include "wirespeed/pipeline.hpp"
#include "wirespeed/processors.hpp"

namespace wirespeed::test {
namespace {

using namespace std::chrono_literals;

TEST(stage_timer, EachLapAddsTheTimeSinceThePreviousOneToItsStage) {
  stage_timer timer({"quick", "slow"});
  for (int i = 0; i < 2; ++i) {
    timer.start();
    timer.lap(0);
    std::this_thread::sleep_for(20ms);
    timer.lap(1);
  }
  const std::vector<named_seconds> stages = timer.seconds();
  ASSERT_EQ(stages.size(), 2u);
  EXPECT_EQ(stages[0].name, "quick");
  EXPECT_EQ(stages[1].name, "slow");
  EXPECT_GE(stages[1].seconds, 0.040) << "two 20 ms sleeps";
  EXPECT_LT(stages[0].seconds, stages[1].seconds);
  EXPECT_GE(stages[0].seconds, 0.0);
}

TEST(stage_timer, StartForgetsTheTimeBeforeIt) {
  stage_timer timer({"only"});
  std::this_thread::sleep_for(20ms);
  timer.start();
  timer.lap(0);
  EXPECT_LT(timer.seconds().front().seconds, 0.020);
}

/// Reports fixed stage times, so the pipeline's sum over workers is known.
class fixed_stages_processor final : public document_processor {
public:
  bool process(const document &doc, std::string &out, std::string &why) override {
    static_cast<void>(doc);
    static_cast<void>(out);
    static_cast<void>(why);
    return true;
  }
  [[nodiscard]] std::vector<named_seconds> stage_times() const override {
    return {{"split", 1.5}, {"emit", 0.25}};
  }
};

class pipeline_stages_test : public scratch_dir {};

TEST_F(pipeline_stages_test, WorkersStageTimesAreSummedByName) {
  pipeline_options options;
  options.inputs = {write("in.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n")};
  options.output = path("out.jsonl");
  options.threads = 3;
  const run_summary run =
      run_pipeline(options, [] { return std::make_unique<fixed_stages_processor>(); });
  ASSERT_EQ(run.stages.process_stages.size(), 3u);
  EXPECT_EQ(run.stages.process_stages[0].name, "parse") << "the workers' JSON parsing comes first";
  EXPECT_GT(run.stages.process_stages[0].seconds, 0.0);
  EXPECT_LE(run.stages.process_stages[0].seconds, run.stages.process);
  EXPECT_EQ(run.stages.process_stages[1].name, "split");
  EXPECT_DOUBLE_EQ(run.stages.process_stages[1].seconds, 4.5) << "three workers";
  EXPECT_EQ(run.stages.process_stages[2].name, "emit");
  EXPECT_DOUBLE_EQ(run.stages.process_stages[2].seconds, 0.75);
}

TEST_F(pipeline_stages_test, ProcessorsThatDoNotSplitTheirTimeLeaveJustParsing) {
  pipeline_options options;
  options.inputs = {write("in.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n")};
  options.output = path("out.jsonl");
  options.threads = 2;
  const run_summary run = run_pipeline(options, make_cat_processor);
  ASSERT_EQ(run.stages.process_stages.size(), 1u);
  EXPECT_EQ(run.stages.process_stages[0].name, "parse");
  std::string json;
  append_run_stats_json(json, run);
  EXPECT_NE(json.find(",\"write\":"), std::string::npos) << json;
  EXPECT_NE(json.find("},\"outcome\":\"ok\"}"), std::string::npos) << json;
}

TEST(run_stats_json, ProcessStagesFollowTheFixedOnesByName) {
  run_summary run;
  run.stages = {1.25, 0.75, 2.5, 0.125, {{"tokenise", 0.5}, {"scan", 1.0}}};
  std::string out;
  append_run_stats_json(out, run);
  EXPECT_NE(out.find(R"("stages":{"read":1.250000,"decompress":0.750000,"process":2.500000,)"
                     R"("write":0.125000,"tokenise":0.500000,"scan":1.000000},"outcome":"ok"})"),
            std::string::npos)
      << out;
}

TEST(extract_scratch_stages, ExtractTimesTokeniseScanAndExtract) {
  extract_options quotes_only;
  quotes_only.extractors = {extractor_id::quotes}; // a small database: quick to compile
  extract_error error;
  const auto set = extractor_set::create(quotes_only, error);
  ASSERT_NE(set, nullptr) << error.message;
  extract_scratch scratch;
  for (const named_seconds &stage : scratch.stage_times()) {
    EXPECT_EQ(stage.seconds, 0.0) << stage.name << " before any document";
  }
  document doc;
  doc.id = "a";
  doc.text = "LONDON (Wire) - Prices rose 3 percent on 4 May, \"We are watching,\" said Ann Lee.";
  extraction result;
  ASSERT_TRUE(set->extract(doc, scratch, result).ok());
  const std::vector<named_seconds> stages = scratch.stage_times();
  ASSERT_EQ(stages.size(), 3u);
  EXPECT_EQ(stages[0].name, "tokenise");
  EXPECT_EQ(stages[1].name, "scan");
  EXPECT_EQ(stages[2].name, "extract");
  for (const named_seconds &stage : stages) {
    EXPECT_GT(stage.seconds, 0.0) << stage.name;
    EXPECT_LT(stage.seconds, 10.0) << stage.name;
  }
}

} // namespace
} // namespace wirespeed::test
