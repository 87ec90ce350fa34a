// make_grep_processor through the real pipeline, on a JSON Lines input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "api/match_util.hpp"
#include "wirespeed/grep.hpp"

namespace fs = std::filesystem;

namespace {

struct grep_run {
  std::string output;
  wirespeed::run_summary summary;
  std::uint64_t matches = 0;
  std::uint64_t documents = 0;
};

grep_run run(wirespeed::grep_options how, const std::string &jsonl,
             const std::string &patterns = "city\tNew York\ncity\tYork\nre:[0-9]+ million\n") {
  // One directory per test and process: ctest -j runs this binary's tests at once.
  const fs::path dir =
      fs::temp_directory_path() /
      ("wirespeed_grep_processor_" +
       std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" +
       std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path input = dir / "in.jsonl";
  const fs::path output = dir / "out.jsonl";
  std::ofstream(input) << jsonl;
  wm::pattern_set set;
  EXPECT_TRUE(set.load_text(patterns, "p.txt").ok());
  auto db = std::make_shared<wm::database>();
  EXPECT_TRUE(db->compile(set).ok());
  auto totals = std::make_shared<wirespeed::grep_totals>();
  wirespeed::pipeline_options options;
  options.inputs = {input.string()};
  options.output = output.string();
  options.threads = 2;
  grep_run result;
  std::shared_ptr<const wm::database> shared = db;
  result.summary = wirespeed::run_pipeline(
      options, [&] { return wirespeed::make_grep_processor(shared, how, totals); });
  std::ifstream in(output);
  std::ostringstream text;
  text << in.rdbuf();
  result.output = text.str();
  result.matches = totals->matches;
  result.documents = totals->documents;
  fs::remove_all(dir);
  return result;
}

const std::string input = "{\"id\":\"a\",\"text\":\"New York lost 3 million\"}\n"
                          "{\"id\":\"b\",\"text\":\"nothing here\"}\n"
                          "{\"id\":\"c\",\"text\":\"York\"}\n";

} // namespace

TEST(grep_processor, matches_are_json_lines_with_spans_and_labels) {
  const auto r = run({}, input);
  EXPECT_EQ(r.summary.records_written, 3u);
  EXPECT_EQ(r.matches, 3u);
  EXPECT_EQ(r.documents, 2u);
  EXPECT_EQ(
      r.output,
      "{\"id\":\"a\",\"pattern\":0,\"label\":\"city\",\"begin\":0,\"end\":8,\"text\":\"New "
      "York\"}\n"
      "{\"id\":\"a\",\"pattern\":2,\"label\":\"[0-9]+ million\",\"begin\":14,\"end\":23,"
      "\"text\":\"3 million\"}\n"
      "{\"id\":\"c\",\"pattern\":1,\"label\":\"city\",\"begin\":0,\"end\":4,\"text\":\"York\"}"
      "\n");
}

TEST(grep_processor, all_mode_adds_overlapping_matches) {
  wirespeed::grep_options how;
  how.mode = wm::scan_mode::all;
  how.output = wirespeed::grep_output::documents;
  const auto r = run(how, input);
  EXPECT_EQ(r.matches, 4u); // "York" inside "New York" as well
  EXPECT_EQ(r.output, "{\"id\":\"a\"}\n{\"id\":\"c\"}\n");
}

TEST(grep_processor, counts_per_document_and_label_with_totals) {
  wirespeed::grep_options how;
  how.output = wirespeed::grep_output::counts;
  const auto r = run(how, input);
  EXPECT_EQ(r.output,
            "{\"id\":\"a\",\"matches\":2,\"labels\":{\"[0-9]+ million\":1,\"city\":1}}\n"
            "{\"id\":\"c\",\"matches\":1,\"labels\":{\"city\":1}}\n"
            "{\"total\":3,\"documents\":2,\"labels\":{\"[0-9]+ million\":1,\"city\":2}}\n");
}

TEST(grep_processor, ids_labels_and_texts_are_escaped_on_every_line_of_each_document) {
  // Each line repeats the document's id; the second document must not reuse
  // the first one's.
  const std::string jsonl =
      "{\"id\":\"x\\\"1\",\"text\":\"He said \\\"no\\\" at the caf\xc3\xa9\"}\n"
      "{\"id\":\"y\",\"text\":\"caf\xc3\xa9\"}\n";
  const grep_run r = run({}, jsonl, "q\"t\t\"no\"\ncaf\xc3\xa9\n");
  EXPECT_EQ(r.output,
            "{\"id\":\"x\\\"1\",\"pattern\":0,\"label\":\"q\\\"t\",\"begin\":8,\"end\":12,"
            "\"text\":\"\\\"no\\\"\"}\n"
            "{\"id\":\"x\\\"1\",\"pattern\":1,\"label\":\"caf\xc3\xa9\",\"begin\":20,\"end\":25,"
            "\"text\":\"caf\xc3\xa9\"}\n"
            "{\"id\":\"y\",\"pattern\":1,\"label\":\"caf\xc3\xa9\",\"begin\":0,\"end\":5,"
            "\"text\":\"caf\xc3\xa9\"}\n");
}
