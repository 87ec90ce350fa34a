#include "match/child_process.hpp"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>

extern char **environ;

namespace wirespeed::bench {
namespace {

double seconds(const timeval &t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

/// The environment with LC_ALL=C in place of any LC_ALL.
std::vector<std::string> c_locale_environment() {
  std::vector<std::string> env{"LC_ALL=C"};
  for (char **e = environ; *e != nullptr; ++e) {
    if (std::strncmp(*e, "LC_ALL=", 7) != 0) {
      env.emplace_back(*e);
    }
  }
  return env;
}

std::vector<char *> pointers(std::vector<std::string> &strings) {
  std::vector<char *> out;
  for (std::string &s : strings) {
    out.push_back(s.data());
  }
  out.push_back(nullptr);
  return out;
}

} // namespace

child_run run_child(const std::vector<std::string> &argv) {
  child_run run;
  int out[2];
  if (::pipe(out) != 0) {
    return run;
  }
  std::vector<std::string> args = argv;
  std::vector<std::string> env = c_locale_environment();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, out[1]);
  rusage before{};
  ::getrusage(RUSAGE_CHILDREN, &before);
  const auto started = std::chrono::steady_clock::now();
  pid_t child = 0;
  const int spawned = ::posix_spawnp(&child, args[0].c_str(), &actions, nullptr,
                                     pointers(args).data(), pointers(env).data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (spawned != 0) {
    ::close(out[0]);
    return run;
  }
  char buffer[1 << 16];
  for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;) {
    run.lines += static_cast<std::uint64_t>(std::count(buffer, buffer + n, '\n'));
  }
  ::close(out[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  run.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  rusage after{};
  ::getrusage(RUSAGE_CHILDREN, &after);
  run.cpu_seconds = seconds(after.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_utime) -
                    seconds(before.ru_stime);
  run.ok = WIFEXITED(status) && WEXITSTATUS(status) <= 1;
  return run;
}

} // namespace wirespeed::bench
