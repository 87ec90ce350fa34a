// Entities: people, organisations and places. Three sources, in order of
// trust: list names found by the one combined scan (gazetteer and alias
// entries, leftmost-longest, whole word); the dateline; and capitalised runs
// of tokens typed by their cue words (cues.cpp). Every mention then gets a
// canonical name: an alias list entry, a gazetteer entry within a small
// spelling distance, or the longer name in the same document that a lone
// word ("Harlow") is part of.
#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "extract/common/builtin_data.hpp"
#include "extract/common/word_list.hpp"
#include "extract/entities/cues.hpp"
#include "extract/entities/gazetteer.hpp"
#include "extract/entities/names.hpp"
#include "extract/factories.hpp"

namespace wirespeed::extract_detail {
namespace {

constexpr std::string_view builtin_gazetteers[] = {"places", "places_extra", "organizations",
                                                   "people"};

bool read_file(const std::string &path, std::string &content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  content = text.str();
  return true;
}

class entities_extractor final : public extractor {
public:
  explicit entities_extractor(const extract_options &options) : options_(options) {}

  std::string add_patterns(match::pattern_set &set, std::uint32_t tag) override {
    lex_.titles.load(builtin_list("speaker_titles"));
    if (options_.builtin_gazetteer) {
      for (std::string_view name : builtin_gazetteers) {
        std::string list = fmt::format("gazetteer/{}", name);
        if (auto e = lex_.names.load(builtin_list(list), fmt::format("corpora/{}.tsv", list));
            !e.empty()) {
          return e;
        }
      }
    }
    std::string content;
    for (const std::string &path : options_.gazetteer_files) {
      if (!read_file(path, content)) {
        return fmt::format("{}: cannot open gazetteer file", path);
      }
      if (auto e = lex_.names.load(content, path); !e.empty()) {
        return e;
      }
    }
    if (auto e = lex_.names.load_aliases(builtin_list("aliases"), "corpora/patterns/aliases.txt");
        !e.empty()) {
      return e;
    }
    for (const std::string &path : options_.alias_files) {
      if (!read_file(path, content)) {
        return fmt::format("{}: cannot open alias file", path);
      }
      if (auto e = lex_.names.load_aliases(content, path); !e.empty()) {
        return e;
      }
    }
    // Entries are added in order, so a match's entry is its id minus the first id.
    first_id_ = static_cast<std::uint32_t>(set.size());
    for (const gazetteer_entry &entry : lex_.names.entries()) {
      set.add_literal(entry.name,
                      {.flags = match::flag::whole_word, .label = "entity", .tag = tag});
    }
    return {};
  }

  std::string add_user_pattern(match::pattern_set &, std::uint32_t,
                               const match::pattern &p) override {
    return fmt::format("label '{}' does not belong to the entities extractor", p.label);
  }

  void run(const context &ctx, extraction &out) const override {
    thread_local std::vector<list_hit> hits; // reused: no allocation per document
    hits.clear();
    const std::uint64_t first = first_id_;
    std::uint64_t taken_end = 0;
    for (const match::match &m : ctx.matches) {
      if (m.begin < taken_end) {
        continue; // matches come leftmost first, longest first: the rest overlap
      }
      taken_end = m.end;
      hits.push_back({static_cast<std::uint32_t>(m.begin), static_cast<std::uint32_t>(m.end),
                      &lex_.names.entries()[m.id - first]});
    }
    tag_names(ctx, lex_, hits, out, out.entities);
  }

private:
  extract_options options_;
  name_lexicon lex_;
  std::uint32_t first_id_ = 0;
};

} // namespace

std::unique_ptr<extractor> make_entities_extractor(const extract_options &options) {
  return std::make_unique<entities_extractor>(options);
}

} // namespace wirespeed::extract_detail

namespace wirespeed {

std::string_view to_string(entity_type type) noexcept {
  static constexpr std::string_view names[] = {"person", "organization", "place"};
  return names[static_cast<std::size_t>(type)];
}

bool parse_entity_type(std::string_view name, entity_type &type) noexcept {
  for (std::uint8_t t = 0; t <= static_cast<std::uint8_t>(entity_type::place); ++t) {
    if (to_string(static_cast<entity_type>(t)) == name) {
      type = static_cast<entity_type>(t);
      return true;
    }
  }
  return false;
}

} // namespace wirespeed
