#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "wirespeed/jsonl.hpp"

namespace wirespeed {
namespace {

constexpr std::size_t buffer_limit = std::size_t{256} << 10;

mode_t current_umask() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

} // namespace

struct output_file::impl {
  std::string path;      // final name; "-" for stdout
  std::string temporary; // the name written to until commit (files only)
  int fd = -1;
  std::string buffer;
  std::string error;
  bool broken_pipe = false;
  bool committed = false;

  bool fail(const std::string &what, int code) {
    if (error.empty()) {
      error = what + ": " + std::strerror(code);
      broken_pipe = code == EPIPE;
    }
    return false;
  }

  bool write_all(std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (wrote < 0) {
        if (errno == EINTR) {
          continue;
        }
        return fail("cannot write " + (path == "-" ? std::string("to stdout") : path), errno);
      }
      done += static_cast<std::size_t>(wrote);
    }
    return true;
  }

  bool flush() {
    const bool ok = write_all(buffer);
    buffer.clear();
    return ok;
  }
};

output_file::output_file(const std::string &path) : impl_(std::make_unique<impl>()) {
  impl_->path = path;
  impl_->buffer.reserve(buffer_limit);
  if (path == "-") {
    impl_->fd = STDOUT_FILENO;
    return;
  }
  // A device or pipe (-o /dev/null, a FIFO) is written in place: renaming a
  // temporary over it would replace the device with a regular file.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    impl_->fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (impl_->fd < 0) {
      impl_->fail("cannot open " + path, errno);
    }
    return;
  }
  // The temporary lives beside the target so that rename() cannot cross file systems.
  const std::filesystem::path target(path);
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp.XXXXXX";
  impl_->temporary = (target.parent_path() / name).string();
  impl_->fd = ::mkstemp(impl_->temporary.data());
  if (impl_->fd < 0) {
    impl_->fail("cannot create " + path, errno);
    impl_->temporary.clear();
    return;
  }
  // mkstemp creates 0600; the result should look like any file the user writes.
  ::fchmod(impl_->fd, 0666 & ~current_umask());
}

output_file::~output_file() {
  if (impl_->path == "-") {
    if (!impl_->committed) {
      impl_->flush();
    }
    return;
  }
  if (impl_->fd >= 0) {
    ::close(impl_->fd);
  }
  if (!impl_->committed && !impl_->temporary.empty()) {
    ::unlink(impl_->temporary.c_str());
  }
}

bool output_file::write(std::string_view bytes) {
  if (!impl_->error.empty()) {
    return false;
  }
  if (impl_->buffer.size() + bytes.size() < buffer_limit) {
    impl_->buffer.append(bytes);
    return true;
  }
  // A batch's output is usually larger than the buffer: it goes out as it
  // is, after what is buffered, instead of being copied first.
  return impl_->flush() && impl_->write_all(bytes);
}

bool output_file::commit() {
  if (!impl_->error.empty() || impl_->committed) {
    return impl_->error.empty();
  }
  if (!impl_->flush()) {
    return false;
  }
  impl_->committed = true;
  if (impl_->path == "-") {
    return true;
  }
  int fd = impl_->fd;
  impl_->fd = -1;
  if (::fsync(fd) != 0 && errno != EINVAL) {
    int code = errno;
    ::close(fd);
    impl_->committed = false;
    return impl_->fail("cannot write " + impl_->path, code);
  }
  if (::close(fd) != 0) {
    impl_->committed = false;
    return impl_->fail("cannot write " + impl_->path, errno);
  }
  if (impl_->temporary.empty()) {
    return true; // a device or pipe, written in place
  }
  if (::rename(impl_->temporary.c_str(), impl_->path.c_str()) != 0) {
    impl_->committed = false;
    return impl_->fail("cannot rename the output into place as " + impl_->path, errno);
  }
  return true;
}

const std::string &output_file::error() const noexcept {
  return impl_->error;
}

bool output_file::broken_pipe() const noexcept {
  return impl_->broken_pipe;
}

} // namespace wirespeed
