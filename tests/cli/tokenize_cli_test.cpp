// `wirespeed tokenize` end to end: the built binary on a file written here.
// Expected JSON was worked out by hand from the byte offsets of the text.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct result {
  std::string out;
  int status;
};

result run(const std::string &arguments) {
  result r{{}, -1};
  FILE *pipe = popen((std::string(WIRESPEED_CLI) + " " + arguments + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) {
    return r;
  }
  char buffer[4096];
  for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    r.out.append(buffer, got);
  }
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class TokenizeCli : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("wirespeed-tokenize-cli-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "doc.txt", std::ios::binary) << "Mr. Lew said 30,800.\n\nIt\u2019s over.";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string doc() const { return (dir_ / "doc.txt").string(); }

  std::filesystem::path dir_;
};

TEST_F(TokenizeCli, WritesOffsetsKindsSentencesAndParagraphs) {
  const result r = run("tokenize " + doc());
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, R"({"id":"doc.txt","tokens":[[0,3,"word"],[4,7,"word"],[8,12,"word"],)"
                   R"([13,19,"number"],[19,20,"punct"],[22,28,"word"],[29,33,"word"],)"
                   R"([33,34,"punct"]],"sentences":[0,5],"paragraphs":[0,5]})"
                   "\n");
}

TEST_F(TokenizeCli, TextModeWritesTokenText) {
  const result r = run("tokenize --text " + doc());
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "{\"id\":\"doc.txt\",\"tokens\":[[\"Mr.\",\"word\"],[\"Lew\",\"word\"],"
                   "[\"said\",\"word\"],[\"30,800\",\"number\"],[\".\",\"punct\"],"
                   "[\"It\u2019s\",\"word\"],[\"over\",\"word\"],[\".\",\"punct\"]],"
                   "\"sentences\":[0,5],\"paragraphs\":[0,5]}\n");
}

TEST_F(TokenizeCli, CountModeWritesTotalsForEveryLevel) {
  for (const char *level : {"scalar", "sse4_2", "avx2", "avx512bw", "neon64"}) {
    const result r = run(std::string("tokenize --count --isa ") + level + " " + doc());
    if (r.status == 2) {
      continue; // not available on this machine
    }
    EXPECT_EQ(r.status, 0) << level;
    EXPECT_EQ(r.out, std::string(R"({"documents":1,"rejects":0,"bytes":34,"tokens":8,)"
                                 R"("sentences":2,"paragraphs":2,"isa":")") +
                         level + "\"}\n");
  }
  EXPECT_EQ(run("tokenize --count --isa scalar " + doc()).status, 0);
}

TEST_F(TokenizeCli, BadOptionsExitWithTwo) {
  EXPECT_EQ(run("tokenize --isa avx3 " + doc()).status, 2);
  EXPECT_EQ(run("tokenize --text --count " + doc()).status, 2);
}

} // namespace
