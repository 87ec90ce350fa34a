// The `wirespeed` binary as a user runs it, through a shell: exit codes,
// the summary line, rejection messages, --rejects, atomic -o, pipes, --version.
#include <algorithm>

#include "io_cli_support.hpp"
#include "wirespeed/version.hpp"

namespace wirespeed::test {
namespace {

const std::string two_good_one_bad = "{\"id\":\"1\",\"title\":\"One\",\"text\":\"First.\"}\n"
                                     "{\"id\":\"2\",\"text\":7}\n"
                                     "{\"id\":\"3\",\"text\":\"Third.\"}\n";

TEST_F(cli_test, CatOfCleanInputPrintsJsonLinesAndASummaryAndExitsZero) {
  write("in.jsonl", "{\"id\":\"1\",\"title\":\"One\",\"text\":\"First.\"}\n");
  run_result r = run("cat in.jsonl");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, R"({"id":"1","source":"","url":"","published":"","title":"One","text":"First."})"
                   "\n");
  // "...; 41 B in 0.00 s": everything but the time is fixed.
  const std::string head = "wirespeed cat: 1 records read = 1 written + 0 rejected; 41 B in ";
  ASSERT_TRUE(r.err.starts_with(head) && r.err.ends_with(" s\n")) << r.err;
  const std::string seconds = r.err.substr(head.size(), r.err.size() - head.size() - 3);
  EXPECT_EQ(seconds.find_first_not_of("0123456789."), std::string::npos) << r.err;
}

TEST_F(cli_test, RejectedRecordsAreNamedOnStderrAndMakeTheExitStatusTwo) {
  write("in.jsonl", two_good_one_bad);
  run_result r = run("cat in.jsonl --rejects bad.jsonl");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
  EXPECT_NE(r.err.find("wirespeed: in.jsonl:2: field \"text\" is a number, not a string\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("wirespeed cat: 3 records read = 2 written + 1 rejected;"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read_file(path("bad.jsonl")),
            R"({"file":"in.jsonl","line":2,"reason":"field \"text\" is a number, not a string"})"
            "\n");
}

TEST_F(cli_test, FailPolicyLeavesNoOutputFile) {
  write("in.jsonl", two_good_one_bad);
  run_result r = run("cat --on-error=fail -o out.jsonl in.jsonl");
  EXPECT_EQ(r.status, 2);
  EXPECT_FALSE(fs::exists(path("out.jsonl")));
  EXPECT_NE(r.err.find("stopped at the first bad record"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 records read = 1 written + 1 rejected"), std::string::npos) << r.err;
}

TEST_F(cli_test, OutputFileAndQuietMode) {
  write("in.jsonl", "{\"text\":\"x\"}\n");
  run_result r = run("cat -q -o out.jsonl in.jsonl");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(read_file(path("out.jsonl")),
            R"({"id":"","source":"","url":"","published":"","title":"","text":"x"})"
            "\n");
}

TEST_F(cli_test, StdinIsTheDefaultInputAndFieldsCanBeRenamed) {
  run_result r = shell("printf '%s\\n' '{\"body\":\"B\",\"when\":\"2021\"}' | \"$W\" cat -q "
                       "--fields text=body,published=when >.stdout 2>.stderr");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, R"({"id":"","source":"","url":"","published":"2021","title":"","text":"B"})"
                   "\n");
}

TEST_F(cli_test, StatsPrintsOneJsonObject) {
  write("in.jsonl", two_good_one_bad);
  run_result r = run("stats -q in.jsonl");
  EXPECT_EQ(r.status, 2) << "a rejected record is an error";
  EXPECT_EQ(r.out, "{\"documents\":2,\"rejects\":1,\"input_bytes\":" +
                       std::to_string(two_good_one_bad.size()) + ",\"bytes\":12,\"lines\":2}\n");
}

TEST_F(cli_test, TxtTreeGivesOneRecordPerFile) {
  write("tree/a.txt", "Alpha\nbody\n");
  write("tree/sub/b.txt", "Beta\nbody\n");
  run_result r = run("cat tree");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(
      r.out,
      R"({"id":"a.txt","source":"","url":"","published":"","title":"Alpha","text":"Alpha\nbody\n"})"
      "\n"
      R"({"id":"sub/b.txt","source":"","url":"","published":"","title":"Beta","text":"Beta\nbody\n"})"
      "\n");
}

TEST_F(cli_test, ABrokenPipeIsAQuietSuccess) {
  // Far more output than a pipe buffer holds, so writes fail once head exits.
  std::string many;
  for (int i = 0; i < 20000; ++i) {
    many += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"" + std::string(200, 'w') + "\"}\n";
  }
  write("many.jsonl", many);
  run_result r = shell("\"$W\" cat many.jsonl 2>.stderr | head -1 >.stdout; "
                       "exit ${PIPESTATUS[0]}");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "") << "no error message, no summary";
  EXPECT_EQ(r.out.rfind("{\"id\":\"0\",", 0), 0u) << r.out;
}

TEST_F(cli_test, TooManyRejectionsAreCappedOnStderr) {
  std::string bad;
  for (int i = 0; i < 30; ++i) {
    bad += "oops\n";
  }
  write("bad.jsonl", bad);
  run_result r = run("cat bad.jsonl");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 22) << r.err;
  EXPECT_NE(r.err.find("wirespeed: bad.jsonl:20: "), std::string::npos);
  EXPECT_EQ(r.err.find("wirespeed: bad.jsonl:21: "), std::string::npos);
  EXPECT_NE(r.err.find("further rejections are counted, not shown"), std::string::npos);
  EXPECT_NE(r.err.find("30 records read = 0 written + 30 rejected"), std::string::npos);
}

TEST_F(cli_test, UsageErrorsExitWithTwoAndHelpWithZero) {
  EXPECT_EQ(run("").status, 2) << "a subcommand is required";
  EXPECT_EQ(run("cat --no-such-flag").status, 2);
  EXPECT_EQ(run("cat --on-error=maybe").status, 2);
  EXPECT_EQ(run("cat --fields body=x").status, 2);
  EXPECT_EQ(run("frobnicate").status, 2);
  run_result help = run("cat --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("Examples:"), std::string::npos);
  EXPECT_NE(help.out.find("--rejects"), std::string::npos);
  EXPECT_EQ(run("stats --help").status, 0);
}

TEST_F(cli_test, VersionNamesTheToolkitSimdLevelAndHyperscan) {
  run_result r = run("--version");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("wirespeed " + std::string(wirespeed::version()) + "\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("SIMD: "), std::string::npos);
  EXPECT_NE(r.out.find("Hyperscan: " + wirespeed::hyperscan_version()), std::string::npos);
}

} // namespace
} // namespace wirespeed::test
