// `wirespeed stats`: count documents, bytes, lines and rejects.
#include <memory>

#include "cli_options.hpp"
#include "commands.hpp"
#include "wirespeed/processors.hpp"

namespace wirespeed::cli {

void register_stats(CLI::App &app, int &exit_code) {
  CLI::App *cmd = app.add_subcommand(
      "stats", "Count documents, text bytes, text lines and rejected records; print one JSON "
               "object");
  auto options = std::make_shared<common_options>();
  add_common_options(*cmd, *options);
  cmd->footer(R"(Output, one line:
  {"documents":N,"rejects":N,"input_bytes":N,"bytes":N,"lines":N}
bytes and lines are those of the documents' text fields (UTF-8 bytes; a last line
without a newline counts); input_bytes is the uncompressed input read.

Examples:
  wirespeed stats archive.jsonl.zst
  wirespeed stats -q corpora/sample/txt/
  cat a.jsonl b.jsonl | wirespeed stats --fields text=content)");
  cmd->callback(
      [options, &exit_code] { exit_code = run_command("stats", *options, make_stats_processor); });
}

} // namespace wirespeed::cli
