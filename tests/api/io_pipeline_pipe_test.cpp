// Inputs that can block (a FIFO kept open by its writer, as stdin often is):
// reader_options::stop ends a blocked read, and a run cancelled while its
// reader waits on such a pipe joins that reader instead of leaving it behind.
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include "io_test_support.hpp"
#include "wirespeed/pipeline.hpp"
#include "wirespeed/processors.hpp"

namespace wirespeed::test {
namespace {

using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

/// A FIFO in the scratch directory, held open for writing (O_RDWR does not
/// wait for a reader) so that a reader never sees its end.
class open_fifo_test : public scratch_dir {
protected:
  void SetUp() override {
    scratch_dir::SetUp();
    fifo_ = path(fifo_name());
    ASSERT_EQ(::mkfifo(fifo_.c_str(), 0600), 0);
    writer_ = ::open(fifo_.c_str(), O_RDWR | O_CLOEXEC);
    ASSERT_GE(writer_, 0);
  }
  void TearDown() override {
    if (writer_ >= 0) {
      ::close(writer_);
    }
    scratch_dir::TearDown();
  }
  virtual std::string fifo_name() const { return "feed.jsonl"; }

  void feed(const std::string &bytes) const {
    ASSERT_EQ(::write(writer_, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  /// Bytes written into the FIFO that nobody has read yet.
  int unread_bytes() const {
    int unread = -1;
    EXPECT_EQ(::ioctl(writer_, FIONREAD, &unread), 0);
    return unread;
  }

  /// Feeds `records`, cancels the run over the FIFO once its reader waits
  /// there, having read `records_read` of them, and checks that the run ended
  /// with that reader joined: `more`, fed afterwards, stays unread.
  void expect_cancelled_run_joins_its_reader(const std::string &records, const std::string &more,
                                             std::uint64_t records_read) {
    std::atomic<bool> cancel{false};
    pipeline_options options;
    options.inputs = {fifo_};
    options.output = path("out.jsonl");
    options.threads = 2;
    options.batch_records = 1;
    options.cancel = &cancel;
    feed(records);
    std::thread canceller([&] {
      std::this_thread::sleep_for(300ms);
      cancel = true;
    });
    const auto start = steady::now();
    const run_summary run = run_pipeline(options, make_cat_processor);
    const auto took = steady::now() - start;
    canceller.join();
    EXPECT_TRUE(run.cancelled);
    EXPECT_EQ(run.records_read, records_read);
    EXPECT_LT(took, 3s);
    EXPECT_FALSE(fs::exists(options.output));
    feed(more);
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(unread_bytes(), static_cast<int>(more.size()))
        << "a reader left running would have read them";
  }

  std::string fifo_;
  int writer_ = -1;
};

TEST_F(open_fifo_test, StopEndsAReadBlockedOnAnOpenPipe) {
  std::atomic<bool> stop{false};
  reader_options options;
  options.stop = &stop;
  document_reader reader({fifo_}, options);
  feed("{\"id\":\"a\",\"text\":\"x\"}\n");
  document doc;
  rejection bad;
  ASSERT_EQ(reader.next(doc, bad), read_status::document);
  EXPECT_EQ(doc.id, "a");
  std::thread stopper([&] {
    std::this_thread::sleep_for(100ms);
    stop = true;
  });
  const auto start = steady::now();
  const read_status status = reader.next(doc, bad); // nothing more comes: blocks until stopped
  const auto waited = steady::now() - start;
  stopper.join();
  ASSERT_EQ(status, read_status::rejected);
  EXPECT_EQ(bad.file, fifo_);
  EXPECT_EQ(bad.reason, "reading stopped");
  EXPECT_GE(waited, 90ms);
  EXPECT_LT(waited, 2s);
  EXPECT_EQ(reader.next(doc, bad), read_status::end);
}

TEST_F(open_fifo_test, WithoutStopAPipeIsReadToItsEnd) {
  std::atomic<bool> stop{false};
  reader_options options;
  options.stop = &stop;
  document_reader reader({fifo_}, options);
  feed("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n");
  document doc;
  rejection bad;
  ASSERT_EQ(reader.next(doc, bad), read_status::document); // the reader has opened the FIFO
  ::close(writer_);
  writer_ = -1;
  ASSERT_EQ(reader.next(doc, bad), read_status::document);
  EXPECT_EQ(doc.id, "b");
  EXPECT_EQ(reader.next(doc, bad), read_status::end);
}

TEST_F(open_fifo_test, ACancelledRunJoinsItsReaderBlockedOnAPipe) {
  expect_cancelled_run_joins_its_reader(
      "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n",
      "{\"id\":\"c\",\"text\":\"z\"}\n", 2);
}

class open_zstd_fifo_test : public open_fifo_test {
  std::string fifo_name() const override { return "feed.jsonl.zst"; }
};

TEST_F(open_zstd_fifo_test, ACancelledRunJoinsItsDecompressorBlockedOnAPipe) {
  expect_cancelled_run_joins_its_reader(
      zstd("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n"),
      zstd("{\"id\":\"c\",\"text\":\"z\"}\n"),
      0); // the decompressor hands over whole 1 MiB blocks (or the end): none yet
}

} // namespace
} // namespace wirespeed::test
