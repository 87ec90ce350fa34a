#pragma once
// Running the built `wirespeed` binary through bash in a scratch directory,
// as a user would, capturing its exit status, stdout and stderr.
#include <sys/wait.h>

#include <cstdlib>

#include "io_test_support.hpp"

namespace wirespeed::test {

struct run_result {
  int status = -1;
  std::string out;
  std::string err;
};

class cli_test : public scratch_dir {
protected:
  /// Runs `arguments` after the binary's path in bash, in the scratch dir.
  run_result run(const std::string &arguments) {
    const std::string script = "cd '" + root_.string() + "' && W='" WIRESPEED_CLI "' && \"$W\" " +
                               arguments + " >'" + path(".stdout") + "' 2>'" + path(".stderr") +
                               "'";
    return shell(script);
  }
  /// Runs a whole bash script (with $W the binary) and captures its output.
  run_result shell(const std::string &script) {
    const std::string wrapped = "cd '" + root_.string() + "' && W='" WIRESPEED_CLI "' && " + script;
    write(".script", wrapped);
    const std::string command = "bash '" + path(".script") + "'";
    int raw = std::system(command.c_str());
    run_result result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result.out = read_file(path(".stdout"));
    result.err = read_file(path(".stderr"));
    fs::remove(path(".stdout"));
    fs::remove(path(".stderr"));
    return result;
  }
};

} // namespace wirespeed::test
