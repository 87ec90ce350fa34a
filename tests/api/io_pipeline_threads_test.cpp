// run_pipeline with several workers: input order kept (or not, --unordered),
// counts that balance, merged totals, on_error=fail, cancellation, an output
// that fails, progress reports and the --stats JSON. The expected outputs
// are built from the generator's own list of good and bad records.
#include <pthread.h>

#include <chrono>
#include <thread>

#include "io_test_support.hpp"
#include "wirespeed/pipeline.hpp"
#include "wirespeed/processors.hpp"

namespace wirespeed::test {
namespace {

constexpr int record_count = 300;

bool is_malformed(int i) {
  return i % 23 == 5;
}
bool is_refused(int i) {
  return !is_malformed(i) && i % 31 == 7;
}

/// 300 JSON Lines: malformed ones (rejected by the reader), "bad-N" ones
/// (rejected by echo_processor) and good "doc-N" ones.
struct generated_input {
  std::string jsonl;
  std::string expected_output; ///< "doc-N\n" for every good record, in order
  std::vector<std::uint64_t> rejected_lines;
  std::uint64_t documents = 0; ///< records the reader accepts
  std::uint64_t text_bytes = 0;

  generated_input() {
    for (int i = 0; i < record_count; ++i) {
      const std::string n = std::to_string(i);
      if (is_malformed(i)) {
        jsonl += "{\"id\":\"broken-" + n + "\",\"text\":\n";
        rejected_lines.push_back(static_cast<std::uint64_t>(i) + 1);
        continue;
      }
      const std::string text = "Text number " + n + ".";
      jsonl += "{\"id\":\"" + std::string(is_refused(i) ? "bad-" : "doc-") + n + "\",\"text\":\"" +
               text + "\"}\n";
      ++documents;
      text_bytes += text.size();
      if (is_refused(i)) {
        rejected_lines.push_back(static_cast<std::uint64_t>(i) + 1);
      } else {
        expected_output += "doc-" + n + "\n";
      }
    }
  }
};

const generated_input &input() {
  static const generated_input generated;
  return generated;
}

class pipeline_threads_test : public scratch_dir {
protected:
  /// The generated input, written to `output` in the scratch dir by `threads`
  /// workers, in batches of `batch_records` (0: the default).
  pipeline_options options_for(const std::string &output, unsigned threads,
                               std::size_t batch_records = 0) {
    pipeline_options options;
    options.inputs = {write("in.jsonl", input().jsonl)};
    options.output = path(output);
    options.threads = threads;
    if (batch_records != 0) {
      options.batch_records = batch_records;
    }
    return options;
  }

  /// The generated input cut into six shards of 50 lines under shards/,
  /// plain, gzip and zstd in turn; returns their paths in reading order.
  std::vector<std::string> write_shards() {
    std::istringstream all(input().jsonl);
    std::vector<std::string> paths;
    for (int shard = 0; shard * 50 < record_count; ++shard) {
      std::string text;
      std::string line;
      for (int i = 0; i < 50 && std::getline(all, line); ++i) {
        text += line + "\n";
      }
      const std::string name = "shards/s" + std::to_string(shard) + ".jsonl";
      if (shard % 3 == 0) {
        paths.push_back(write(name, text));
      } else if (shard % 3 == 1) {
        paths.push_back(write(name + ".gz", gzip(text)));
      } else {
        paths.push_back(write(name + ".zst", zstd(text)));
      }
    }
    return paths;
  }
};

/// Writes each id; refuses "bad-" ones; takes longer on some documents so
/// that batches finish out of order when there are several workers.
class echo_processor final : public document_processor {
public:
  bool process(const document &doc, std::string &out, std::string &why) override {
    if (doc.id.back() % 3 == 0) {
      std::this_thread::sleep_for(std::chrono::microseconds(150));
    }
    if (doc.id.starts_with("bad-")) {
      out += "partial output that must be dropped\n";
      why = "refused " + doc.id;
      return false;
    }
    out += doc.id + "\n";
    return true;
  }
};

std::unique_ptr<document_processor> make_echo() {
  return std::make_unique<echo_processor>();
}

std::vector<std::string> lines_of(const std::string &text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

/// The lines in sorted order: what an unordered run must match.
std::vector<std::string> sorted_lines(const std::string &text) {
  std::vector<std::string> lines = lines_of(text);
  std::sort(lines.begin(), lines.end());
  return lines;
}

class ordered_by_threads : public pipeline_threads_test,
                           public ::testing::WithParamInterface<unsigned> {};

TEST_P(ordered_by_threads, OutputAndRejectionsComeInInputOrder) {
  // Batches of 7 records: many batches, so that order is really at stake.
  pipeline_options options = options_for("out.txt", GetParam(), 7);
  std::vector<std::uint64_t> seen;
  const run_summary summary =
      run_pipeline(options, make_echo, [&](const rejection &bad) { seen.push_back(bad.line); });
  EXPECT_TRUE(summary.output_ok) << summary.error;
  EXPECT_EQ(summary.threads, GetParam());
  EXPECT_EQ(read_file(options.output), input().expected_output);
  EXPECT_EQ(seen, input().rejected_lines);
  EXPECT_EQ(summary.records_read, static_cast<std::uint64_t>(record_count));
  EXPECT_EQ(summary.records_rejected, input().rejected_lines.size());
  EXPECT_EQ(summary.records_read, summary.records_written + summary.records_rejected);
  EXPECT_EQ(summary.bytes_read, input().jsonl.size());
}

INSTANTIATE_TEST_SUITE_P(threads, ordered_by_threads, ::testing::Values(1u, 2u, 4u));

TEST_F(pipeline_threads_test, CatOutputWithFourWorkersEqualsOneWorkers) {
  pipeline_options options;
  options.inputs = {write("in.jsonl", input().jsonl)};
  options.batch_records = 5;
  options.threads = 1;
  options.output = path("one.jsonl");
  run_pipeline(options, make_cat_processor);
  options.threads = 4;
  options.output = path("four.jsonl");
  run_pipeline(options, make_cat_processor);
  const std::string one = read_file(path("one.jsonl"));
  EXPECT_EQ(lines_of(one).size(), input().documents);
  EXPECT_EQ(read_file(path("four.jsonl")), one);
}

class shards_by_threads : public pipeline_threads_test,
                          public ::testing::WithParamInterface<unsigned> {};

TEST_P(shards_by_threads, SeveralReadersKeepFileThenRecordOrder) {
  const std::vector<std::string> shards = write_shards();
  ASSERT_EQ(shards.size(), 6u);
  pipeline_options options;
  options.inputs = {path("shards")};
  options.output = path("out.txt");
  options.threads = GetParam();
  options.batch_records = 7;
  options.reader_group_bytes = 1; // every shard its own group: as many readers as threads
  std::vector<std::pair<std::string, std::uint64_t>> seen;
  const run_summary summary = run_pipeline(
      options, make_echo, [&](const rejection &bad) { seen.emplace_back(bad.file, bad.line); });
  EXPECT_TRUE(summary.output_ok) << summary.error;
  EXPECT_EQ(read_file(options.output), input().expected_output);
  std::vector<std::pair<std::string, std::uint64_t>> expected;
  for (const std::uint64_t line : input().rejected_lines) {
    expected.emplace_back(shards[(line - 1) / 50], (line - 1) % 50 + 1);
  }
  EXPECT_EQ(seen, expected) << "rejections name the shard and its own line, in order";
  EXPECT_EQ(summary.records_read, static_cast<std::uint64_t>(record_count));
  EXPECT_EQ(summary.records_read, summary.records_written + summary.records_rejected);
  EXPECT_EQ(summary.bytes_read, input().jsonl.size()) << "uncompressed bytes of every shard";
  EXPECT_GT(summary.stages.decompress, 0.0);
}

TEST_P(shards_by_threads, UnorderedReadersWriteEveryResultOnce) {
  write_shards();
  pipeline_options options;
  options.inputs = {path("shards")};
  options.output = path("out.txt");
  options.threads = GetParam();
  options.batch_records = 3;
  options.reader_group_bytes = 1;
  options.ordered = false;
  const run_summary summary = run_pipeline(options, make_echo);
  EXPECT_EQ(sorted_lines(read_file(options.output)), sorted_lines(input().expected_output));
  EXPECT_EQ(summary.records_rejected, input().rejected_lines.size());
}

TEST_P(shards_by_threads, FailPolicyStopsAtTheFirstBadRecordOfTheFirstShard) {
  const std::vector<std::string> shards = write_shards();
  pipeline_options options;
  options.inputs = {path("shards")};
  options.output = path("out.txt");
  options.on_error = error_policy::fail;
  options.threads = GetParam();
  options.batch_records = 2;
  options.reader_group_bytes = 1;
  const run_summary summary = run_pipeline(options, make_echo);
  EXPECT_TRUE(summary.stopped_early);
  EXPECT_EQ(summary.records_read, 6u) << "records 0-4 good, line 6 of shard 0 malformed";
  EXPECT_EQ(summary.error.rfind(shards[0] + ":6: ", 0), 0u) << summary.error;
  EXPECT_FALSE(fs::exists(options.output));
}

INSTANTIATE_TEST_SUITE_P(threads, shards_by_threads, ::testing::Values(1u, 2u, 4u));

TEST_F(pipeline_threads_test, ATreeOfSmallFilesKeepsItsOrderWithManyThreads) {
  // 40 one-article text files, far under the group size: read as one group.
  std::string expected;
  for (int i = 0; i < 40; ++i) {
    const std::string name = "doc-" + std::to_string(100 + i) + ".txt";
    write("texts/" + name, "Title " + std::to_string(i) + "\n");
    expected += name + "\n";
  }
  pipeline_options options;
  options.inputs = {path("texts")};
  options.output = path("out.txt");
  options.threads = 4;
  options.batch_records = 3;
  const run_summary summary = run_pipeline(options, make_echo);
  EXPECT_EQ(summary.records_written, 40u);
  EXPECT_EQ(read_file(options.output), expected);
}

TEST_F(pipeline_threads_test, WorkersTotalsAreMergedOnceAtTheEnd) {
  pipeline_options options = options_for("stats.json", 4, 3);
  const run_summary summary = run_pipeline(options, make_stats_processor);
  EXPECT_EQ(summary.records_written, input().documents);
  EXPECT_EQ(read_file(options.output),
            "{\"documents\":" + std::to_string(input().documents) +
                ",\"rejects\":" + std::to_string(record_count - input().documents) +
                ",\"input_bytes\":" + std::to_string(input().jsonl.size()) +
                ",\"bytes\":" + std::to_string(input().text_bytes) +
                ",\"lines\":" + std::to_string(input().documents) + "}\n");
}

/// Writes the name of the thread that runs it and the names of the process's
/// other threads at that moment, one line per document.
class thread_names_processor final : public document_processor {
public:
  bool process(const document &, std::string &out, std::string &) override {
    char name[16] = {};
    pthread_getname_np(pthread_self(), name, sizeof name);
    out += name;
    for (const auto &task : fs::directory_iterator("/proc/self/task")) {
      std::string comm = read_file((task.path() / "comm").string());
      out.push_back(' ');
      out.append(comm, 0, comm.find('\n'));
    }
    out += "\n";
    return true;
  }
};

TEST_F(pipeline_threads_test, ThreadsAreNamedForTopAndProfilers) {
  // One record a batch: the reader is still filling batches (so alive) when
  // the first document is processed.
  pipeline_options options = options_for("names.txt", 2, 1);
  const run_summary summary =
      run_pipeline(options, [] { return std::make_unique<thread_names_processor>(); });
  ASSERT_TRUE(summary.output_ok) << summary.error;
  const std::vector<std::string> lines = lines_of(read_file(options.output));
  ASSERT_EQ(lines.size(), input().documents);
  for (const std::string &line : lines) {
    const std::string worker = line.substr(0, line.find(' '));
    EXPECT_TRUE(worker == "ws-work-0" || worker == "ws-work-1") << line;
  }
  EXPECT_NE(lines.front().find(" ws-read-0"), std::string::npos) << lines.front();
}

TEST_F(pipeline_threads_test, UnorderedWritesEveryResultOnce) {
  pipeline_options options = options_for("out.txt", 4, 7);
  options.ordered = false;
  const run_summary summary = run_pipeline(options, make_echo);
  EXPECT_EQ(sorted_lines(read_file(options.output)), sorted_lines(input().expected_output));
  EXPECT_EQ(summary.records_read, summary.records_written + summary.records_rejected);
  EXPECT_EQ(summary.records_rejected, input().rejected_lines.size());
}

TEST_F(pipeline_threads_test, FailPolicyStopsAtTheFirstBadRecordWithManyWorkers) {
  pipeline_options options;
  options.inputs = {write("in.jsonl", input().jsonl)};
  options.output = path("out.txt");
  options.rejects_path = path("rejects.jsonl");
  options.on_error = error_policy::fail;
  options.threads = 4;
  options.batch_records = 2;
  const run_summary summary = run_pipeline(options, make_echo);
  EXPECT_TRUE(summary.stopped_early);
  // Record 5 (line 6) is the first malformed one; records 0-4 are good.
  EXPECT_EQ(summary.records_read, 6u);
  EXPECT_EQ(summary.records_written, 5u);
  EXPECT_EQ(summary.records_rejected, 1u);
  EXPECT_EQ(summary.error.rfind(options.inputs[0] + ":6: ", 0), 0u) << summary.error;
  EXPECT_FALSE(fs::exists(options.output));
  EXPECT_EQ(lines_of(read_file(options.rejects_path)).size(), 1u);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto &entry : fs::directory_iterator(root_)) {
    ++entries;
  }
  EXPECT_EQ(entries, 2u) << "the input and the rejects file, no temporaries";
}

TEST_F(pipeline_threads_test, ProcessorRejectionsDropWhatTheProcessorAppended) {
  pipeline_options options;
  options.inputs = {write("in.jsonl", input().jsonl)};
  options.output = path("out.txt");
  options.rejects_path = path("rejects.jsonl");
  options.threads = 2;
  run_pipeline(options, make_echo);
  EXPECT_EQ(read_file(options.output).find("partial output"), std::string::npos);
  EXPECT_NE(read_file(options.rejects_path)
                .find(R"(","line":8,"reason":"refused bad-7"})"
                      "\n"),
            std::string::npos);
}

/// Throws on "doc-3": a processor's exception rejects that record only.
class throwing_processor final : public document_processor {
public:
  bool process(const document &doc, std::string &out, std::string &why) override {
    static_cast<void>(why);
    if (doc.id == "doc-3") {
      throw std::runtime_error("boom");
    }
    out += doc.id + "\n";
    return true;
  }
};

TEST_F(pipeline_threads_test, AnExceptionFromAProcessorRejectsThatRecord) {
  pipeline_options options = options_for("out.txt", 2);
  std::vector<rejection> seen;
  const run_summary summary = run_pipeline(
      options, [] { return std::make_unique<throwing_processor>(); },
      [&](const rejection &bad) { seen.push_back(bad); });
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen[0].line, 4u);
  EXPECT_EQ(seen[0].reason, "processor failed: boom");
  EXPECT_EQ(summary.records_read, summary.records_written + summary.records_rejected);
}

TEST_F(pipeline_threads_test, ACancelledRunLeavesNoOutputFileAndBalancedCounts) {
  std::atomic<bool> cancel{false};
  /// Pulls the cord when it meets doc-101.
  class cancelling_processor final : public document_processor {
  public:
    explicit cancelling_processor(std::atomic<bool> &cancel) : cancel_(cancel) {}
    bool process(const document &doc, std::string &out, std::string &why) override {
      static_cast<void>(why);
      if (doc.id == "doc-101") {
        cancel_.store(true);
      }
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      out += doc.id + "\n";
      return true;
    }

  private:
    std::atomic<bool> &cancel_;
  };
  pipeline_options options = options_for("out.txt", 2, 5);
  options.cancel = &cancel;
  const run_summary summary =
      run_pipeline(options, [&] { return std::make_unique<cancelling_processor>(cancel); });
  EXPECT_TRUE(summary.cancelled);
  EXPECT_GT(summary.records_read, 0u);
  EXPECT_LT(summary.records_read, static_cast<std::uint64_t>(record_count));
  EXPECT_EQ(summary.records_read, summary.records_written + summary.records_rejected);
  EXPECT_FALSE(fs::exists(options.output));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto &entry : fs::directory_iterator(root_)) {
    ++entries;
  }
  EXPECT_EQ(entries, 1u) << "only the input: the temporary output is removed";
}

TEST_F(pipeline_threads_test, AFullDiskStopsTheRunWithAClearError) {
  std::string big;
  for (int i = 0; i < 400; ++i) {
    big += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"" + std::string(2000, 'x') + "\"}\n";
  }
  pipeline_options options;
  options.inputs = {write("in.jsonl", big)};
  options.threads = 2;
  run_summary summary;
  {
    std::fflush(stdout);
    redirected_fd full(STDOUT_FILENO, "/dev/full", O_WRONLY);
    summary = run_pipeline(options, make_cat_processor);
  }
  EXPECT_FALSE(summary.output_ok);
  EXPECT_FALSE(summary.broken_pipe);
  EXPECT_EQ(summary.error, "cannot write to stdout: No space left on device");
  EXPECT_EQ(summary.records_read, summary.records_written + summary.records_rejected);
}

TEST_F(pipeline_threads_test, ProgressIsReportedOnTheCallingThread) {
  class slow_processor final : public document_processor {
  public:
    bool process(const document &doc, std::string &out, std::string &why) override {
      static_cast<void>(doc);
      static_cast<void>(out);
      static_cast<void>(why);
      std::this_thread::sleep_for(std::chrono::microseconds(300));
      return true;
    }
  };
  pipeline_options options = options_for("out.txt", 2, 4);
  options.progress_interval = std::chrono::milliseconds(1);
  std::vector<pipeline_progress> reports;
  const auto caller = std::this_thread::get_id();
  options.on_progress = [&](const pipeline_progress &now) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    reports.push_back(now);
  };
  run_pipeline(options, [] { return std::make_unique<slow_processor>(); });
  ASSERT_FALSE(reports.empty());
  for (std::size_t i = 0; i < reports.size(); ++i) {
    EXPECT_EQ(reports[i].total_bytes, input().jsonl.size());
    EXPECT_LE(reports[i].bytes_read, input().jsonl.size());
    EXPECT_LE(reports[i].records_done, static_cast<std::uint64_t>(record_count));
    if (i > 0) {
      EXPECT_GE(reports[i].records_done, reports[i - 1].records_done);
      EXPECT_GE(reports[i].elapsed_seconds, reports[i - 1].elapsed_seconds);
    }
  }
}

TEST_F(pipeline_threads_test, ZeroThreadsMeansOnePerCore) {
  pipeline_options options = options_for("out.txt", 0);
  const run_summary summary = run_pipeline(options, make_echo);
  EXPECT_EQ(summary.threads, std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(read_file(options.output), input().expected_output);
}

TEST_F(pipeline_threads_test, ZeroBatchLimitsMeanOneRecordPerBatch) {
  pipeline_options options = options_for("out.txt", 2);
  options.batch_records = 0;
  options.batch_bytes = 0;
  const run_summary summary = run_pipeline(options, make_echo);
  EXPECT_EQ(read_file(options.output), input().expected_output);
  EXPECT_EQ(summary.records_read, static_cast<std::uint64_t>(record_count));
}

TEST(run_stats_json, NamesEveryFigureAndTheOutcome) {
  run_summary run;
  run.records_read = 10;
  run.records_written = 8;
  run.records_rejected = 2;
  run.bytes_read = 4000000;
  run.threads = 2;
  run.wall_seconds = 2;
  run.cpu_seconds = 3.5;
  run.stages = {1.25, 0.75, 2.5, 0.125};
  std::string out;
  append_run_stats_json(out, run);
  EXPECT_EQ(out, R"({"documents":8,"records_read":10,"rejects":2,"bytes":4000000,"threads":2,)"
                 R"("wall_seconds":2.000000,"cpu_seconds":3.500000,"mb_per_second":2.000,)"
                 R"("stages":{"read":1.250000,"decompress":0.750000,"process":2.500000,)"
                 R"("write":0.125000},)"
                 R"("outcome":"ok"})");
  run.cancelled = true;
  out.clear();
  append_run_stats_json(out, run);
  EXPECT_TRUE(out.ends_with(R"("outcome":"cancelled"})")) << out;
  run.cancelled = false;
  run.output_ok = false;
  out.clear();
  append_run_stats_json(out, run);
  EXPECT_TRUE(out.ends_with(R"("outcome":"output_error"})")) << out;
  run.output_ok = true;
  run.stopped_early = true;
  out.clear();
  append_run_stats_json(out, run);
  EXPECT_TRUE(out.ends_with(R"("outcome":"stopped"})")) << out;
}

} // namespace
} // namespace wirespeed::test
