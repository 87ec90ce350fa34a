// `wirespeed cat`: read, validate, write documents as JSON Lines.
#include <memory>

#include "cli_options.hpp"
#include "commands.hpp"
#include "wirespeed/processors.hpp"

namespace wirespeed::cli {

void register_cat(CLI::App &app, int &exit_code) {
  CLI::App *cmd =
      app.add_subcommand("cat", "Read documents, check them and write them as JSON Lines "
                                "{id, source, url, published, title, text}");
  auto options = std::make_shared<common_options>();
  add_common_options(*cmd, *options);
  cmd->footer(R"(Bad records (malformed JSON, a missing or non-string text field, invalid UTF-8,
NUL bytes, over-long lines, empty, unreadable or truncated files) are reported as
FILE:LINE: REASON on stderr, skipped and counted; the exit status is then 2.

Examples:
  wirespeed cat archive.jsonl.zst > clean.jsonl
  wirespeed cat --rejects bad.jsonl -o clean.jsonl dump-*.jsonl.gz
  wirespeed cat --fields text=body,published=date feed.ndjson | head
  wirespeed cat corpora/sample/txt/          # one record per .txt file, id = relative path
  zcat big.jsonl.gz | wirespeed cat --on-error=fail -q > /dev/null && echo valid)");
  cmd->callback(
      [options, &exit_code] { exit_code = run_command("cat", *options, make_cat_processor); });
}

} // namespace wirespeed::cli
