#include <algorithm>

#include "extract/metadata/metadata.hpp"

namespace wirespeed::extract_detail {
namespace {

bool is_particle(std::string_view w) {
  static constexpr std::string_view particles[] = {"al", "el",  "bin", "ibn", "van", "von", "de",
                                                   "da", "der", "du",  "la",  "le",  "di",  "dos"};
  return std::find(std::begin(particles), std::end(particles), w) != std::end(particles);
}

bool is_role(std::string_view w) {
  static constexpr std::string_view roles[] = {"Correspondent", "Reporter", "Editor",
                                               "Writer",        "Staff",    "Bureau",
                                               "Desk",          "Agency",   "Chief"};
  return std::find(std::begin(roles), std::end(roles), w) != std::end(roles);
}

} // namespace

void parse_byline_names(const context &ctx, std::uint64_t from, std::uint64_t line_end,
                        std::vector<std::string> &names) {
  std::size_t i = token_at_or_after(ctx.tokens, from);
  std::uint64_t name_begin = 0;
  std::uint64_t name_end = 0;
  bool skipping_place = false;
  bool role = false;
  auto finish = [&] {
    if (name_end > name_begin && !role) {
      std::string name(ctx.text.substr(name_begin, name_end - name_begin));
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(std::move(name));
      }
    }
    name_begin = name_end = 0;
    role = false;
  };
  for (; i < ctx.tokens.size() && ctx.tokens[i].end <= line_end; ++i) {
    const token &t = ctx.tokens[i];
    std::string_view w = token_text(ctx.text, t);
    if (t.kind == token_kind::word && !is_lower(decode_at(w, 0))) {
      if (skipping_place) {
        continue;
      }
      if (name_end == 0) {
        name_begin = t.begin;
      }
      name_end = t.end;
      role = role || is_role(w);
      continue;
    }
    if (t.kind == token_kind::word && is_particle(w) && name_end != 0) {
      continue;
    }
    if (w == "in" || w == "from" || w == "at") {
      finish();
      skipping_place = true;
      continue;
    }
    if (w == "and" || w == "," || w == "&") {
      finish();
      skipping_place = false;
      continue;
    }
    break; // ';', '.', '|', a lower-case word: the byline is over
  }
  finish();
}

std::string_view name_before_bar(std::string_view line) {
  std::size_t bar = line.find('|');
  if (bar == std::string_view::npos) {
    return {};
  }
  std::string_view left = trim(line.substr(0, bar));
  std::string_view right = line.substr(bar + 1);
  if (left.empty() || left.size() > 60 ||
      std::none_of(right.begin(), right.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      std::any_of(left.begin(), left.end(),
                  [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; }) ||
      is_lower(decode_at(left, 0))) {
    return {};
  }
  return left;
}

} // namespace wirespeed::extract_detail
