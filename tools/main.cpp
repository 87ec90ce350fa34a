// `wirespeed`: parses the command line and hands over to one subcommand.
#include <csignal>

#include <fmt/core.h>
#include <fmt/format.h>

#include "cli_options.hpp"
#include "commands.hpp"
#include "wirespeed/cpu.hpp"
#include "wirespeed/version.hpp"

namespace {

std::string version_text() {
  std::vector<std::string_view> levels;
  for (wirespeed::cpu::isa level : wirespeed::cpu::available_isas()) {
    levels.push_back(wirespeed::cpu::to_string(level));
  }
  return fmt::format("wirespeed {}\nSIMD: {} (available here: {})\nHyperscan: {}\nsimdjson: {}",
                     wirespeed::version(), wirespeed::cpu::to_string(wirespeed::cpu::active_isa()),
                     fmt::join(levels, " "), wirespeed::hyperscan_version(),
                     wirespeed::simdjson_version());
}

} // namespace

int main(int argc, char **argv) {
  // A closed stdout must come back from write() as EPIPE, for a quiet exit,
  // not kill the process mid-record.
  std::signal(SIGPIPE, SIG_IGN);

  CLI::App app("wirespeed: bulk processing of news-article archives at hardware speed",
               "wirespeed");
  app.set_version_flag("--version", version_text, "Print the version, SIMD level and engines");
  app.require_subcommand(1);
  app.footer("Run `wirespeed COMMAND --help` for a command's options and examples.");

  int exit_code = wirespeed::cli::exit_ok;
  using registration = void (*)(CLI::App &, int &);
  for (registration add : {
           wirespeed::cli::register_cat,
           wirespeed::cli::register_stats,
           wirespeed::cli::register_extract,
           wirespeed::cli::register_eval,
           wirespeed::cli::register_tokenize,
           wirespeed::cli::register_grep,
           wirespeed::cli::register_gazetteer,
       }) {
    add(app, exit_code);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &error) {
    // --help and --version come through here with status 0; usage errors are 2.
    return app.exit(error) == 0 ? wirespeed::cli::exit_ok : wirespeed::cli::exit_error;
  }
  return exit_code;
}
