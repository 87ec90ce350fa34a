// The parallel pipeline as users drive it: --threads, --unordered, --stats,
// progress only on a terminal, a full disk, a closed stdout and Ctrl-C.
#include <signal.h>
#include <spawn.h>

#include <chrono>
#include <thread>

#include "api/io_cli_support.hpp"

extern char **environ;

namespace wirespeed::test {
namespace {

/// 400 records, every 37th malformed, texts long enough for extract to chew on.
std::string mixed_corpus() {
  std::string jsonl;
  for (int i = 0; i < 400; ++i) {
    if (i % 37 == 11) {
      jsonl += "{\"id\":\"broken\n";
      continue;
    }
    jsonl +=
        "{\"id\":\"n" + std::to_string(i) + "\",\"text\":\"LONDON (Wire) - Prices rose " +
        std::to_string(i) +
        " percent, \\\"We are watching closely,\\\" said Ann Lee.\\n\\nShare this article\"}\n";
  }
  return jsonl;
}

using pipeline_cli = cli_test;

TEST_F(pipeline_cli, EveryThreadCountGivesTheSameOutputAndCounts) {
  write("in.jsonl", mixed_corpus());
  for (const char *command : {"cat", "extract", "tokenize"}) {
    const run_result one = run(std::string(command) + " --threads 1 in.jsonl");
    EXPECT_EQ(one.status, 2) << "11 malformed records";
    EXPECT_NE(one.err.find("400 records read = 389 written + 11 rejected"), std::string::npos)
        << one.err;
    EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 389) << command;
    for (const char *threads : {"2", "4"}) {
      const run_result many = run(std::string(command) + " --threads " + threads + " in.jsonl");
      EXPECT_EQ(many.status, 2);
      EXPECT_EQ(many.out, one.out) << command << " --threads " << threads;
      EXPECT_EQ(many.err.substr(0, many.err.find(" in ")), one.err.substr(0, one.err.find(" in ")));
    }
  }
}

TEST_F(pipeline_cli, UnorderedWritesTheSameLinesInSomeOrder) {
  write("in.jsonl", mixed_corpus());
  const run_result ordered = run("cat -q --threads 1 in.jsonl");
  const run_result unordered = run("cat -q --threads 2 --unordered in.jsonl");
  auto sorted_lines = [](const std::string &text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  EXPECT_EQ(unordered.status, 2);
  EXPECT_EQ(sorted_lines(unordered.out), sorted_lines(ordered.out));
}

TEST_F(pipeline_cli, GlobIsRepeatableAndLeavesLaterInputsPositional) {
  write("tree/a.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
  write("tree/sub/b.ndjson", "{\"id\":\"b\",\"text\":\"x\"}\n");
  write("tree/sub/c.jsonl", "{\"id\":\"c\",\"text\":\"x\"}\n");
  write("d.jsonl", "{\"id\":\"d\",\"text\":\"x\"}\n");
  const run_result r = run("cat -q --glob '*.ndjson' --glob 'a.*' tree d.jsonl");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("\"c\""), std::string::npos) << r.out;
  ASSERT_NE(r.out.find("\"a\""), std::string::npos) << r.out;
  EXPECT_LT(r.out.find("\"a\""), r.out.find("\"b\""));
  EXPECT_LT(r.out.find("\"b\""), r.out.find("\"d\""));
}

TEST_F(pipeline_cli, StatsFileHoldsTheRunsFigures) {
  write("in.jsonl", mixed_corpus());
  const run_result r = run("cat -q --threads 2 --stats stats.json -o out.jsonl in.jsonl");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "") << "-q: nothing on stderr";
  const std::string stats = read_file(path("stats.json"));
  const std::string head = "{\"documents\":389,\"records_read\":400,\"rejects\":11,\"bytes\":" +
                           std::to_string(mixed_corpus().size()) + ",\"threads\":2,";
  EXPECT_EQ(stats.rfind(head, 0), 0u) << stats;
  for (const char *key :
       {"\"wall_seconds\":", "\"cpu_seconds\":", "\"mb_per_second\":", "\"stages\":{\"read\":",
        ",\"decompress\":0.000000,", ",\"process\":", ",\"write\":"}) {
    EXPECT_NE(stats.find(key), std::string::npos) << key << " in " << stats;
  }
  EXPECT_TRUE(stats.ends_with(",\"outcome\":\"ok\"}\n")) << stats;
}

/// The number after "key": in a --stats JSON; -1 when the key is missing.
double stage_figure(const std::string &stats, const std::string &key) {
  const std::size_t at = stats.find("\"" + key + "\":");
  return at == std::string::npos ? -1.0 : std::stod(stats.substr(at + key.size() + 3));
}

class process_split_cli : public cli_test {
protected:
  /// Runs `command` over many copies of the mixed corpus with --stats and checks
  /// that `process` splits into `stages`, each present and non-negative, adding
  /// up to a little under it (the per-document bookkeeping outside them).
  void expect_process_split(const std::string &command,
                            std::initializer_list<const char *> stages) {
    std::string big;
    for (int i = 0; i < 20; ++i) {
      big += mixed_corpus();
    }
    write("big.jsonl", big);
    run(command + " -q --threads 2 --stats stats.json -o out.jsonl big.jsonl");
    const std::string stats = read_file(path("stats.json"));
    const double process = stage_figure(stats, "process");
    ASSERT_GT(process, 0.0) << stats;
    double sum = 0;
    for (const char *stage : stages) {
      const double seconds = stage_figure(stats, stage);
      EXPECT_GE(seconds, 0.0) << stage << " in " << stats;
      sum += seconds;
    }
    EXPECT_LE(sum, process * 1.001 + 1e-6) << stats;
    EXPECT_GE(sum, process * 0.5) << stats;
    for (const char *fixed : {"read", "decompress", "write"}) {
      EXPECT_GE(stage_figure(stats, fixed), 0.0) << fixed << " in " << stats;
    }
  }
};

TEST_F(process_split_cli, ExtractSplitsProcessIntoParseTokeniseScanExtractFormat) {
  expect_process_split("extract --no-cache", {"parse", "tokenise", "scan", "extract", "format"});
}

TEST_F(process_split_cli, GrepSplitsProcessIntoParseScanFormat) {
  expect_process_split("grep --no-cache -e Prices -e said", {"parse", "scan", "format"});
}

TEST_F(pipeline_cli, ProgressIsDrawnOnlyWhenStderrIsATerminal) {
  write("in.jsonl", mixed_corpus());
  // The second half of the input comes 0.6 s after the run has started (its
  // temporary output exists), so at least one 0.25 s progress tick falls between.
  const std::string feed =
      "(cat in.jsonl; for i in $(seq 400); do ls .out.jsonl.tmp* >/dev/null 2>&1 && break; "
      "sleep 0.05; done; sleep 0.6; cat in.jsonl) | \"$W\" cat -o out.jsonl -";
  const run_result piped = shell(feed + " 2>.stderr");
  EXPECT_EQ(piped.err.find('\r'), std::string::npos) << "no progress into a pipe";
  EXPECT_EQ(std::count(piped.err.begin(), piped.err.end(), '\n'), 22)
      << "20 rejections, the cap notice and the summary, nothing more";
  // script(1) gives the command a terminal; its output is what the terminal showed.
  const std::string on_tty = "W=\"$W\" script -qec '" + feed + "' /dev/null";
  const run_result tty = shell(on_tty + " >.stdout");
  EXPECT_NE(tty.out.find("\rwirespeed cat: "), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find(" records ("), std::string::npos) << tty.out;
  const run_result quiet = shell("W=\"$W\" script -qec '" + feed + " -q' /dev/null >.stdout");
  EXPECT_EQ(quiet.out, "") << "--quiet silences progress too";
}

TEST_F(pipeline_cli, AFullDiskIsAnErrorWithAClearMessage) {
  write("in.jsonl", mixed_corpus());
  const run_result r = shell("\"$W\" cat --threads 2 in.jsonl >/dev/full 2>.stderr");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("wirespeed cat: cannot write to stdout: No space left on device\n"),
            std::string::npos)
      << r.err;
}

TEST_F(pipeline_cli, AClosedStdoutEndsAParallelRunQuietly) {
  std::string many;
  for (int i = 0; i < 3000; ++i) {
    many += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"Quoted: \\\"" +
            std::string(300, 'w') + ",\\\" said Ann Lee.\"}\n";
  }
  write("many.jsonl", many);
  const run_result r = shell("\"$W\" extract --threads 2 many.jsonl 2>.stderr | head -1 >.stdout; "
                             "exit ${PIPESTATUS[0]}");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.rfind("{\"id\":\"0\",", 0), 0u) << r.out;
}

/// Waits until `done` holds, up to `limit`; a loaded machine is slow to start.
template <typename Condition>
bool eventually(Condition done, std::chrono::seconds limit = std::chrono::seconds(30)) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

TEST_F(pipeline_cli, CtrlCStopsWithStatus130AndLeavesNoOutputFile) {
  // stdin is a pipe this test keeps open: the reader is blocked in read()
  // when the signal comes, and the run must not wait for it.
  int feed[2];
  ASSERT_EQ(::pipe(feed), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, feed[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, feed[1]);
  const std::string err_path = path("err.txt");
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const std::string out_path = path("out.jsonl");
  std::vector<std::string> args = {WIRESPEED_CLI, "cat", "--threads", "2", "-o", out_path, "-"};
  std::vector<char *> argv;
  for (std::string &arg : args) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  pid_t child = 0;
  ASSERT_EQ(posix_spawn(&child, WIRESPEED_CLI, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  ::close(feed[0]);
  const std::string records = mixed_corpus();
  ASSERT_EQ(::write(feed[1], records.data(), records.size()), static_cast<ssize_t>(records.size()));

  auto temporary_exists = [&] {
    for (const auto &entry : fs::directory_iterator(root_)) {
      if (entry.path().filename().string().starts_with(".out.jsonl.tmp")) {
        return true;
      }
    }
    return false;
  };
  ASSERT_TRUE(eventually(temporary_exists)) << "the run never started";
  ::kill(child, SIGINT);
  int raw = 0;
  ASSERT_TRUE(eventually([&] { return ::waitpid(child, &raw, WNOHANG) == child; },
                         std::chrono::seconds(20)))
      << "still running 20 s after SIGINT";
  ::close(feed[1]);
  ASSERT_TRUE(WIFEXITED(raw)) << "killed by a signal rather than stopping cleanly";
  EXPECT_EQ(WEXITSTATUS(raw), 130);
  EXPECT_FALSE(fs::exists(out_path));
  EXPECT_FALSE(temporary_exists());
  EXPECT_NE(read_file(err_path).find("wirespeed cat: interrupted;"), std::string::npos)
      << read_file(err_path);
}

} // namespace
} // namespace wirespeed::test
