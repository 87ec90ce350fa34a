#pragma once
// The subcommands of `wirespeed`, one registration function each.
//
// To add a subcommand `foo`:
//   1. Write tools/cmd_foo.cpp defining `void register_foo(CLI::App &app, int &exit_code)`.
//      In it: `auto *cmd = app.add_subcommand("foo", "one-line description")`;
//      `auto options = std::make_shared<cli::common_options>()`;
//      `cli::add_common_options(*cmd, *options)` (inputs, -o, --rejects, --on-error, ...);
//      add foo's own options; `cmd->footer(...)` with two or three examples; then
//      `cmd->callback([options, &exit_code] { exit_code = cli::run_command("foo", *options,
//      factory); })`, where `factory` makes one wirespeed::document_processor per worker.
//   2. Declare register_foo below, add it to the list in main.cpp, add cmd_foo.cpp to
//      tools/CMakeLists.txt. Nothing else: reading, rejects, summary and exit codes are shared.
// A command keeps no logic of its own: what it needs that the library lacks goes in the library.
#include <CLI/CLI.hpp>

namespace wirespeed::cli {

void register_cat(CLI::App &app, int &exit_code);
void register_stats(CLI::App &app, int &exit_code);
void register_extract(CLI::App &app, int &exit_code);
void register_eval(CLI::App &app, int &exit_code);
void register_tokenize(CLI::App &app, int &exit_code);
void register_grep(CLI::App &app, int &exit_code);
void register_gazetteer(CLI::App &app, int &exit_code);

} // namespace wirespeed::cli
