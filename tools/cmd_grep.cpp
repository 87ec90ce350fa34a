// `wirespeed grep`: many literals and regexes in one pass over every document.
#include <fmt/core.h>

#include <memory>

#include "cli_options.hpp"
#include "commands.hpp"
#include "wirespeed/grep.hpp"

namespace wirespeed::cli {
namespace {

struct grep_flags {
  std::vector<std::string> pattern_files;
  std::vector<std::string> expressions;
  bool caseless = false;
  bool whole_word = false;
  bool unicode = false;
  bool count = false;
  bool only_docs = false;
  bool overlapping = false;
  cache_flags cache;
};

// Builds and compiles the database; false (message printed) on any error.
bool build_database(const grep_flags &flags, match::database &db) {
  match::pattern_options options;
  options.flags = (flags.caseless ? match::flag::caseless : match::flag::none) |
                  (flags.whole_word ? match::flag::whole_word : match::flag::none) |
                  (flags.unicode ? match::flag::utf8 : match::flag::none);
  match::pattern_set set;
  for (const std::string &file : flags.pattern_files) {
    if (const auto loaded = set.load_file(file, options); !loaded.ok()) {
      fmt::print(stderr, "wirespeed grep: {}\n", loaded.err.message);
      return false;
    }
  }
  for (const std::string &expression : flags.expressions) {
    if (const auto loaded = set.load_text(expression, "-e", options); !loaded.ok()) {
      fmt::print(stderr, "wirespeed grep: {}\n", loaded.err.message);
      return false;
    }
  }
  if (set.empty()) {
    fmt::print(stderr, "wirespeed grep: no patterns (give -f FILE or -e PATTERN)\n");
    return false;
  }
  match::compile_options compile;
  compile.use_cache = !flags.cache.no_cache;
  compile.cache_dir = flags.cache.cache_dir;
  if (const match::error e = db.compile(set, compile); !e.ok()) {
    fmt::print(stderr, "wirespeed grep: {}\n", e.message);
    return false;
  }
  return true;
}

} // namespace

void register_grep(CLI::App &app, int &exit_code) {
  CLI::App *cmd = app.add_subcommand(
      "grep", "Match literals and regexes (Hyperscan) against document texts; JSON Lines out");
  auto options = std::make_shared<common_options>();
  auto flags = std::make_shared<grep_flags>();
  cmd->add_option("-f,--file", flags->pattern_files, "Pattern file (repeatable)")
      ->check(CLI::ExistingFile)
      ->allow_extra_args(false);
  cmd->add_option("-e,--regexp", flags->expressions,
                  "Pattern, written as a pattern-file line (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("-i,--ignore-case", flags->caseless, "Match ASCII letters in any case");
  cmd->add_flag("-w,--word", flags->whole_word, "Only whole words");
  cmd->add_flag("--unicode", flags->unicode,
                "UTF-8 mode: regex classes and -i work on Unicode characters");
  cmd->add_flag("-c,--count", flags->count, "Per-document and per-label counts");
  cmd->add_flag("-l,--only-docs", flags->only_docs, "Only the ids of matching documents");
  cmd->add_flag("--all", flags->overlapping,
                "Every match, overlapping ones included (default: leftmost-longest, as grep -o)");
  add_cache_options(*cmd, flags->cache);
  add_common_options(*cmd, *options);
  cmd->footer(R"(Pattern files: one pattern per line; '#' starts a comment line; LABEL<TAB>PATTERN
gives a label (default: the pattern); 're:' marks a regex (Hyperscan syntax); a
leading '\' takes the rest literally. Compiled databases are cached on disk.

Output (one line per match):  {"id":DOC,"pattern":N,"label":L,"begin":B,"end":E,"text":T}
begin/end are byte offsets in the document text. --count: {"id","matches","labels"}
per matching document and a final {"total","documents","labels"}; --only-docs: {"id"}.
Exit status: 0 something matched, 1 nothing matched, 2 error (incl. rejected records).

Examples:
  wirespeed grep -w -f people.txt archive.jsonl.zst
  wirespeed grep -c -f gazetteer.tsv -e 're:[0-9]+ (million|billion)' corpora/sample/txt/
  wirespeed grep -l -i -e Merkel -e 'person	re:Ang(ela|ie) M' news.jsonl.gz)");
  cmd->callback([options, flags, &exit_code] {
    auto db = std::make_shared<match::database>();
    if (!build_database(*flags, *db)) {
      exit_code = exit_error;
      return;
    }
    grep_options how;
    how.output = flags->count       ? grep_output::counts
                 : flags->only_docs ? grep_output::documents
                                    : grep_output::matches;
    how.mode = flags->overlapping ? match::scan_mode::all : match::scan_mode::leftmost_longest;
    auto totals = std::make_shared<grep_totals>();
    std::shared_ptr<const match::database> shared = db;
    exit_code = run_command("grep", *options, [shared, how, totals] {
      return make_grep_processor(shared, how, totals);
    });
    if (exit_code == exit_ok && totals->matches == 0) {
      exit_code = 1;
    }
  });
}

} // namespace wirespeed::cli
