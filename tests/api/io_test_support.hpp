#pragma once
// Helpers shared by the I/O tests: a scratch directory per test, files written
// byte for byte, gzip/zstd fixtures made with the libraries' own one-shot
// APIs (independent of the streaming readers under test), and a reader loop.
#include <gtest/gtest.h>

#include <zlib.h>
#include <zstd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "wirespeed/reader.hpp"

namespace wirespeed::test {

namespace fs = std::filesystem;

/// A fresh directory under the system temp dir, removed with the fixture.
class scratch_dir : public ::testing::Test {
protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ =
        fs::temp_directory_path() / ("wirespeed-" + std::string(info->name()) + "-" +
                                     std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  /// Writes `bytes` exactly to root/name (creating directories) and returns the path.
  std::string write(const std::string &name, const std::string &bytes) {
    fs::path path = root_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }
  std::string path(const std::string &name) const { return (root_ / name).string(); }

  fs::path root_;
};

inline std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// One gzip member holding `data` (deflateInit2 with gzip framing).
inline std::string gzip(const std::string &data) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&stream, data.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef *>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

/// One zstd frame holding `data`.
inline std::string zstd(const std::string &data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  std::size_t size = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  EXPECT_FALSE(ZSTD_isError(size));
  out.resize(size);
  return out;
}

/// Everything a reader produced, in order.
struct read_result {
  std::vector<document> documents;
  std::vector<rejection> rejections;
  std::uint64_t bytes_read = 0;
};

/// Everything `reader` yields, one `next(doc, bad)` call (a read_status) at a time.
template <class Next> read_result read_all_from(document_reader &reader, Next next) {
  read_result result;
  document doc;
  rejection bad;
  for (read_status status; (status = next(doc, bad)) != read_status::end;) {
    if (status == read_status::document) {
      result.documents.push_back(doc);
    } else {
      result.rejections.push_back(bad);
    }
  }
  result.bytes_read = reader.bytes_read();
  return result;
}

inline read_result read_all(std::vector<std::string> inputs, reader_options options = {}) {
  document_reader reader(std::move(inputs), std::move(options));
  return read_all_from(reader,
                       [&](document &doc, rejection &bad) { return reader.next(doc, bad); });
}

/// Every content field of `got` equals that of `want`.
inline void expect_same_content(const document &got, const document &want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.source, want.source);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.published, want.published);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.text, want.text);
}

/// Points one of this process's descriptors (stdin, stdout) at a file for the
/// object's lifetime.
class redirected_fd {
public:
  redirected_fd(int target, const std::string &path, int flags)
      : target_(target), saved_(::dup(target)) {
    const int fd = ::open(path.c_str(), flags);
    EXPECT_GE(fd, 0) << path;
    ::dup2(fd, target_);
    ::close(fd);
  }
  ~redirected_fd() {
    ::dup2(saved_, target_);
    ::close(saved_);
  }
  redirected_fd(const redirected_fd &) = delete;
  redirected_fd &operator=(const redirected_fd &) = delete;

private:
  int target_;
  int saved_;
};

/// Redirects this process's stdin from a file for the fixture's lifetime.
class stdin_from : public redirected_fd {
public:
  explicit stdin_from(const std::string &path) : redirected_fd(STDIN_FILENO, path, O_RDONLY) {}
};

} // namespace wirespeed::test
