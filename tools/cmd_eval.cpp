// `wirespeed eval`: extract documents and score the result against gold.
#include <memory>

#include <fmt/core.h>

#include "cli_options.hpp"
#include "commands.hpp"
#include "wirespeed/eval.hpp"

namespace wirespeed::cli {
namespace {

struct eval_flags {
  std::string gold;
  std::vector<std::string> patterns;
  bool json = false;
  bool verbose = false;
};

} // namespace

void register_eval(CLI::App &app, int &exit_code) {
  CLI::App *cmd = app.add_subcommand(
      "eval", "Extract documents and print precision, recall and F1 per field against gold "
              "annotations, and speaker accuracy");
  auto options = std::make_shared<common_options>();
  auto flags = std::make_shared<eval_flags>();
  add_common_options(*cmd, *options);
  cmd->add_option("--gold", flags->gold, "Gold annotations, JSON Lines (corpora/README.md)")
      ->required();
  cmd->add_option("--patterns", flags->patterns, "Extra pattern file(s), as for extract");
  cmd->add_flag("--json", flags->json, "Print the scores as one JSON object");
  cmd->add_flag("-v,--verbose", flags->verbose, "Also list every error, one per line");
  cmd->footer(R"(Predictions match gold by exact span text within a document; speaker
accuracy counts matched quotes whose speaker equals the gold one (null = null).
Quantities and dates are scored as distinct spans, as the gold lists them; over the matched
ones the report gives value+approx+unit and event accuracy, and resolved date value accuracy.

Examples:
  wirespeed eval --gold corpora/sample/gold.jsonl corpora/sample/articles.jsonl
  wirespeed eval --json --gold gold.jsonl my-articles.jsonl
  wirespeed eval -v --gold corpora/sample/gold.jsonl corpora/sample/articles.jsonl | grep speaker)");
  cmd->callback([options, flags, &exit_code] {
    auto gold = std::make_shared<gold_set>();
    std::string error;
    if (!gold->load_file(flags->gold, error)) {
      fmt::print(stderr, "wirespeed eval: {}\n", error);
      exit_code = exit_error;
      return;
    }
    extract_options build;
    build.pattern_files = flags->patterns;
    extract_error built;
    auto set = extractor_set::create(build, built);
    if (!set) {
      fmt::print(stderr, "wirespeed eval: {}\n", built.message);
      exit_code = exit_error;
      return;
    }
    std::shared_ptr<const gold_set> shared = gold;
    exit_code = run_command("eval", *options, [set, shared, f = *flags] {
      return make_eval_processor(set, shared, f.json, f.verbose);
    });
  });
}

} // namespace wirespeed::cli
