// `wirespeed tokenize`: tokens, sentences and paragraphs of each document as JSON Lines.
#include <memory>
#include <string>

#include <fmt/core.h>

#include "cli_options.hpp"
#include "commands.hpp"
#include "wirespeed/cpu.hpp"
#include "wirespeed/processors.hpp"

namespace wirespeed::cli {

void register_tokenize(CLI::App &app, int &exit_code) {
  CLI::App *cmd = app.add_subcommand(
      "tokenize", "Split each document's text into tokens, sentences and paragraphs; one JSON "
                  "object per document");
  auto options = std::make_shared<common_options>();
  add_common_options(*cmd, *options);
  auto text = std::make_shared<bool>(false);
  auto count = std::make_shared<bool>(false);
  auto isa = std::make_shared<std::string>();
  CLI::Option *text_flag =
      cmd->add_flag("--text", *text, "Write each token's text instead of its byte offsets");
  cmd->add_flag("--count", *count,
                "Write only totals at the end (documents, bytes, tokens, ...): for throughput "
                "runs")
      ->excludes(text_flag);
  cmd->add_option("--isa", *isa,
                  "SIMD level: scalar, sse4_2, avx2, avx512bw or neon64 "
                  "(default: the best this CPU has; also WIRESPEED_FORCE_ISA)")
      ->check([](const std::string &name) {
        cpu::isa level{};
        return cpu::parse_isa(name, level) ? std::string() : "unknown SIMD level: " + name;
      });
  cmd->footer(R"(Output per document (offsets are bytes of the text field; sentences and
paragraphs list the index of their first token):
  {"id":"...","tokens":[[0,5,"word"],[6,9,"number"],...],"sentences":[0,12],"paragraphs":[0]}
Kinds: word number punct symbol url email mention hashtag.
With --text:   "tokens":[["We've","word"],["30,800","number"],...]
With --count:  {"documents":N,"rejects":N,"bytes":N,"tokens":N,"sentences":N,"paragraphs":N,"isa":"avx2"}

Examples:
  wirespeed tokenize corpora/sample/articles.jsonl | head -1
  wirespeed tokenize --text --fields text=body feed.ndjson
  time wirespeed tokenize --count --isa scalar archive.jsonl.zst)");
  cmd->callback([options, text, count, isa, &exit_code] {
    if (!isa->empty()) {
      cpu::isa level{};
      if (!cpu::parse_isa(*isa, level) || !cpu::force_isa(level)) {
        fmt::print(stderr, "wirespeed tokenize: SIMD level {} is not available on this machine\n",
                   *isa);
        exit_code = exit_error;
        return;
      }
    }
    const tokenize_output mode = *count  ? tokenize_output::count
                                 : *text ? tokenize_output::text
                                         : tokenize_output::offsets;
    exit_code = run_command("tokenize", *options, [mode] { return make_tokenize_processor(mode); });
  });
}

} // namespace wirespeed::cli
