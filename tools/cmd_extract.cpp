// `wirespeed extract`: boilerplate, metadata, quotes, quantities and dates of every document.
#include <algorithm>
#include <memory>
#include <string_view>

#include <fmt/core.h>

#include "cli_options.hpp"
#include "commands.hpp"
#include "wirespeed/extract.hpp"

namespace wirespeed::cli {
namespace {

struct extract_flags {
  std::vector<std::string> patterns;
  std::vector<std::string> gazetteers;
  std::vector<std::string> aliases;
  std::string fields;
  std::vector<std::string> without;
  std::string text;
  std::string date_order = "dmy";
  std::string reference_date;
  cache_flags cache;
};

constexpr const char *field_list[] = {"title",  "published",  "byline", "dateline", "boilerplate",
                                      "quotes", "quantities", "dates",  "entities", "stats"};

} // namespace

void register_extract(CLI::App &app, int &exit_code) {
  CLI::App *cmd = app.add_subcommand(
      "extract", "Extract boilerplate lines, title, byline, dateline, publication date, "
                 "quotes with their speakers, quantities and dates; one JSON object per document");
  auto options = std::make_shared<common_options>();
  auto flags = std::make_shared<extract_flags>();
  add_common_options(*cmd, *options);
  add_cache_options(*cmd, flags->cache);
  // --fields selects output fields here; the input key mapping moves to --input-fields.
  cmd->remove_option(cmd->get_option("--fields"));
  cmd->add_option("--input-fields", options->fields,
                  "JSON keys of document fields, e.g. text=content,published=date");
  cmd->add_option(
      "--patterns", flags->patterns,
      "Extra pattern file(s): label<TAB>pattern, label = a boilerplate kind "
      "(paywall share related comments caption credit navigation other), verb or title");
  cmd->add_option("--gazetteer", flags->gazetteers,
                  "Extra entity list(s): type<TAB>name[<TAB>canonical], type = person, "
                  "organization or place (wirespeed gazetteer build writes one); repeatable")
      ->allow_extra_args(false);
  cmd->add_option(
         "--aliases", flags->aliases,
         "Extra alias file: canonical<TAB>alias, as corpora/patterns/aliases.txt; repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--fields", flags->fields, "Output only these fields (comma-separated)")
      ->check([](const std::string &list) {
        for (std::size_t at = 0; at <= list.size();) {
          std::size_t comma = std::min(list.find(',', at), list.size());
          if (parse_extract_field(std::string_view(list).substr(at, comma - at)) == 0) {
            return "unknown field '" + list.substr(at, comma - at) + "'";
          }
          at = comma + 1;
        }
        return std::string();
      });
  for (const char *field : field_list) {
    cmd->add_flag_callback(
        fmt::format("--no-{}", field), [flags, field] { flags->without.emplace_back(field); },
        fmt::format("Leave out the {} field", field));
  }
  cmd->add_option("--text", flags->text, "clean: add the text without its boilerplate lines")
      ->check(CLI::IsMember({"clean"}));
  cmd->add_option("--date-order", flags->date_order,
                  "Day and month order of numeric dates both of whose numbers could be a "
                  "month (07/03/2024): dmy (default) or mdy")
      ->check(CLI::IsMember({"dmy", "mdy"}));
  cmd->add_option("--reference-date", flags->reference_date,
                  "YYYY-MM-DD: resolve relative dates (\"on Thursday\") of documents whose "
                  "publication date is unknown against this date");
  cmd->footer(R"(Output, one line per document (offsets are bytes into the input text):
  {"id","source","url","title","published","byline":[..],"dateline",
   "boilerplate":[{"begin","end","kind"}],
   "quotes":[{"begin","end","text","speaker","speaker_begin","speaker_end","verb","partial"}],
   "quantities":[{"begin","end","text","value","approx","unit","event"}],
   "dates":[{"begin","end","text","value","kind"}],
   "entities":[{"begin","end","text","type","canonical"}],
   "stats":{"bytes","tokens","sentences","paragraphs"}}
  approx: exact at_least more_than nearly about at_most less_than range
  date value: YYYY-MM-DD, YYYY-MM or YYYY, null when unknown; kind: absolute relative duration

Examples:
  wirespeed extract corpora/sample/articles.jsonl > extracted.jsonl
  wirespeed extract --fields quotes,byline archive.jsonl.zst
  wirespeed extract --no-boilerplate --text clean --patterns my-furniture.txt feed.jsonl)");
  cmd->callback([options, flags, &exit_code] {
    extract_output_options output;
    if (!flags->fields.empty()) {
      output.fields = 0;
      for (std::size_t at = 0; at <= flags->fields.size();) {
        std::size_t comma = std::min(flags->fields.find(',', at), flags->fields.size());
        output.fields |=
            parse_extract_field(std::string_view(flags->fields).substr(at, comma - at));
        at = comma + 1;
      }
    }
    for (const std::string &f : flags->without) {
      output.fields &= ~parse_extract_field(f);
    }
    output.clean_text = flags->text == "clean";
    extract_options build;
    build.pattern_files = flags->patterns;
    build.reference_date = flags->reference_date;
    static_cast<void>(parse_date_order(flags->date_order, build.numeric_date_order));
    build.gazetteer_files = flags->gazetteers;
    build.alias_files = flags->aliases;
    build.use_cache = !flags->cache.no_cache;
    build.cache_dir = flags->cache.cache_dir;
    build.extractors =
        extractors_for(output.fields | (output.clean_text ? std::uint32_t{field_boilerplate} : 0u));
    if (build.extractors.empty()) {
      build.extractors.push_back(extractor_id::boilerplate);
    }
    extract_error error;
    auto set = extractor_set::create(build, error);
    if (!set) {
      fmt::print(stderr, "wirespeed extract: {}\n", error.message);
      exit_code = exit_error;
      return;
    }
    exit_code = run_command("extract", *options,
                            [set, output] { return make_extract_processor(set, output); });
  });
}

} // namespace wirespeed::cli
