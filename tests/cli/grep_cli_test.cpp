// `wirespeed grep` as users run it: output, flags and exit statuses.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct result {
  int status = -1;
  std::string out;
};

result run(const std::string &arguments) {
  const std::string command = std::string(WIRESPEED_CLI) + " grep -q --no-cache " + arguments;
  result r;
  FILE *pipe = popen(command.c_str(), "r");
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    r.out.append(buffer, n);
  }
  const int raw = pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

class grep_cli : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("wirespeed_grep_cli_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "in.jsonl")
        << "{\"id\":\"d1\",\"text\":\"Merkel met MERKEL in Merkelstadt\"}\n"
           "{\"id\":\"d2\",\"text\":\"prices rose 4 percent\"}\n";
    std::ofstream(dir_ / "doc.txt") << "Headline\n\nMerkel spoke.\n";
    std::ofstream(dir_ / "names.txt") << "# people\nperson\tMerkel\n";
    std::ofstream(dir_ / "bad.txt") << "ok\nre:fine\nre:(unclosed\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const char *name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

} // namespace

TEST_F(grep_cli, pattern_file_reports_each_match) {
  const auto r = run("-f " + path("names.txt") + " " + path("in.jsonl"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "{\"id\":\"d1\",\"pattern\":0,\"label\":\"person\",\"begin\":0,\"end\":6,"
                   "\"text\":\"Merkel\"}\n"
                   "{\"id\":\"d1\",\"pattern\":0,\"label\":\"person\",\"begin\":21,\"end\":27,"
                   "\"text\":\"Merkel\"}\n");
}

TEST_F(grep_cli, ignore_case_and_whole_word) {
  const auto r = run("-i -w -c -f " + path("names.txt") + " " + path("in.jsonl"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "{\"id\":\"d1\",\"matches\":2,\"labels\":{\"person\":2}}\n"
                   "{\"total\":2,\"documents\":1,\"labels\":{\"person\":2}}\n");
}

TEST_F(grep_cli, repeated_e_and_only_docs_and_text_files) {
  const auto r =
      run("-l -e Merkel -e 're:[0-9]+ percent' " + path("in.jsonl") + " " + path("doc.txt"));
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("{\"id\":\"d1\"}\n"), std::string::npos);
  EXPECT_NE(r.out.find("{\"id\":\"d2\"}\n"), std::string::npos);
  EXPECT_NE(r.out.find("doc.txt\"}\n"), std::string::npos);
}

TEST_F(grep_cli, no_match_exits_1_and_errors_exit_2) {
  EXPECT_EQ(run("-e Scholz " + path("in.jsonl")).status, 1);
  const auto bad = run("-f " + path("bad.txt") + " " + path("in.jsonl") + " 2>&1");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find(path("bad.txt") + ":3: bad pattern"), std::string::npos) << bad.out;
  EXPECT_EQ(run("-e 're:(a)\\1' " + path("in.jsonl")).status, 2);
  EXPECT_EQ(run(path("in.jsonl")).status, 2); // no patterns
  EXPECT_EQ(run("-e x --no-such-flag " + path("in.jsonl")).status, 2);
}
