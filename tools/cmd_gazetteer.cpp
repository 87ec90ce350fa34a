// `wirespeed gazetteer build`: mine candidate names and their counts from a
// corpus into a gazetteer file for `wirespeed extract --gazetteer`.
#include <memory>

#include <fmt/core.h>

#include "cli_options.hpp"
#include "commands.hpp"
#include "wirespeed/gazetteer.hpp"

namespace wirespeed::cli {

void register_gazetteer(CLI::App &app, int &exit_code) {
  CLI::App *group = app.add_subcommand("gazetteer", "Entity name lists");
  group->require_subcommand(1);
  CLI::App *cmd = group->add_subcommand(
      "build", "Mine multi-word names and their mention counts from a corpus into a gazetteer "
               "file (type<TAB>name) that extract --gazetteer loads");
  auto options = std::make_shared<common_options>();
  auto build = std::make_shared<gazetteer_build_options>();
  add_common_options(*cmd, *options);
  cmd->add_option("--min-count", build->min_count, "Leave out names mentioned fewer times")
      ->capture_default_str();
  cmd->add_option("--min-words", build->min_words, "Leave out names of fewer words")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->footer(R"(The names come from the entity rules alone (title and role cues, "said",
organisation and place words), without the built-in lists, so the file holds what
the lists lack. Review it: the rules guess each name's type.

Examples:
  wirespeed gazetteer build archive.jsonl.zst -o names.tsv
  wirespeed gazetteer build --min-count 5 corpus/ -o names.tsv
  wirespeed extract --gazetteer names.tsv feed.jsonl)");
  cmd->callback([options, build, &exit_code] {
    extract_error error;
    auto set = make_gazetteer_build_set(error);
    if (!set) {
      fmt::print(stderr, "wirespeed gazetteer build: {}\n", error.message);
      exit_code = exit_error;
      return;
    }
    exit_code = run_command("gazetteer build", *options,
                            [set, b = *build] { return make_gazetteer_build_processor(set, b); });
  });
}

} // namespace wirespeed::cli
