// Builds the one combined pattern database and runs a document through the
// tokenizer, one scan and every enabled extractor.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "extract/extractor.hpp"
#include "extract/factories.hpp"
#include "wirespeed/extract.hpp"

namespace wirespeed {
namespace extract_detail {

inline constexpr std::size_t extractor_count = 6;

struct set_state {
  std::array<std::unique_ptr<extractor>, extractor_count> extractors;
  match::database db;
};

struct scratch_state {
  token_buffer tokens;
  match::scratch space;
  std::vector<match::match> found;
  std::array<std::vector<match::match>, extractor_count> routed;
  std::vector<line> lines;
  shared_analyses shared;
  /// Each extractor's make_scratch(), asked for while it is null.
  std::array<std::unique_ptr<extractor_scratch>, extractor_count> per_extractor;
  stage_timer timer{{"tokenise", "scan", "extract"}};
};

enum stage : std::size_t { tokenising, scanning, extracting };

namespace {

// Which extractor a user pattern's label belongs to.
bool route_label(std::string_view label, extractor_id &id) {
  boilerplate_kind kind{};
  if (parse_boilerplate_kind(label, kind)) {
    id = extractor_id::boilerplate;
    return true;
  }
  if (label == "verb" || label == "title") {
    id = extractor_id::quotes;
    return true;
  }
  return false;
}

std::unique_ptr<extractor> make(extractor_id id, const extract_options &options) {
  switch (id) {
  case extractor_id::boilerplate:
    return make_boilerplate_extractor();
  case extractor_id::metadata:
    return make_metadata_extractor();
  case extractor_id::quotes:
    return make_quotes_extractor();
  case extractor_id::quantities:
    return make_quantities_extractor();
  case extractor_id::dates:
    return make_dates_extractor(options);
  case extractor_id::entities:
    return make_entities_extractor(options);
  }
  return nullptr;
}

std::string add_user_file(set_state &state, match::pattern_set &set, const std::string &path) {
  match::pattern_set file;
  auto loaded = file.load_file(path);
  if (!loaded.ok()) {
    return loaded.err.message;
  }
  for (const match::pattern &p : file.patterns()) {
    extractor_id id{};
    if (p.label == p.expression || !route_label(p.label, id)) {
      return fmt::format("{}:{}: label '{}' is not a boilerplate kind, 'verb' or 'title'", p.file,
                         p.line, p.label == p.expression ? "" : p.label);
    }
    auto &owner = state.extractors[static_cast<std::size_t>(id)];
    if (!owner) {
      continue;
    }
    if (auto e = owner->add_user_pattern(set, static_cast<std::uint32_t>(id), p); !e.empty()) {
      return fmt::format("{}:{}: {}", p.file, p.line, e);
    }
  }
  return {};
}

} // namespace
} // namespace extract_detail

using namespace extract_detail;

std::string_view to_string(extractor_id id) noexcept {
  switch (id) {
  case extractor_id::boilerplate:
    return "boilerplate";
  case extractor_id::metadata:
    return "metadata";
  case extractor_id::quotes:
    return "quotes";
  case extractor_id::quantities:
    return "quantities";
  case extractor_id::dates:
    return "dates";
  case extractor_id::entities:
    return "entities";
  }
  return "?";
}

void extraction::clear() noexcept {
  title.clear();
  published.clear();
  byline.clear();
  dateline.clear();
  boilerplate.clear();
  quotes.clear();
  quantities.clear();
  dates.clear();
  entities.clear();
  stats = {};
}

extract_scratch::extract_scratch() : state_(std::make_unique<scratch_state>()) {
}
extract_scratch::~extract_scratch() = default;
extract_scratch::extract_scratch(extract_scratch &&) noexcept = default;
extract_scratch &extract_scratch::operator=(extract_scratch &&) noexcept = default;

std::vector<named_seconds> extract_scratch::stage_times() const {
  return state_->timer.seconds();
}

extractor_set::extractor_set() : state_(std::make_unique<set_state>()) {
}
extractor_set::~extractor_set() = default;

std::shared_ptr<const extractor_set> extractor_set::create(const extract_options &options,
                                                           extract_error &error) {
  std::shared_ptr<extractor_set> set(new extractor_set());
  set_state &state = *set->state_;
  for (std::size_t i = 0; i < extractor_count; ++i) {
    auto id = static_cast<extractor_id>(i);
    if (options.extractors.empty() ||
        std::find(options.extractors.begin(), options.extractors.end(), id) !=
            options.extractors.end()) {
      state.extractors[i] = make(id, options);
    }
  }
  match::pattern_set patterns;
  for (std::size_t i = 0; i < extractor_count; ++i) {
    if (state.extractors[i]) {
      if (auto e = state.extractors[i]->add_patterns(patterns, static_cast<std::uint32_t>(i));
          !e.empty()) {
        error.message = fmt::format("{}: {}", to_string(static_cast<extractor_id>(i)), e);
        return nullptr;
      }
    }
  }
  for (const std::string &path : options.pattern_files) {
    if (auto e = add_user_file(state, patterns, path); !e.empty()) {
      error.message = e;
      return nullptr;
    }
  }
  if (!patterns.empty()) {
    match::compile_options compile;
    compile.use_cache = options.use_cache;
    compile.cache_dir = options.cache_dir;
    if (auto e = state.db.compile(patterns, compile); !e.ok()) {
      error.message = e.message;
      return nullptr;
    }
  }
  return set;
}

std::size_t extractor_set::pattern_count() const noexcept {
  return state_->db.compiled() ? state_->db.size() : 0;
}

extract_error extractor_set::extract(const document &doc, extract_scratch &scratch,
                                     extraction &out) const {
  out.clear();
  scratch_state &s = *scratch.state_;
  s.timer.start();
  if (auto status = tokenize(doc.text, s.tokens); status != tokenize_status::ok) {
    return {std::string(to_string(status))};
  }
  split_lines(doc.text, s.lines);
  s.shared.forget();
  s.timer.lap(tokenising);
  s.found.clear();
  for (auto &routed : s.routed) {
    routed.clear();
  }
  if (state_->db.compiled()) {
    if (auto e = state_->db.scan(doc.text, s.space, s.found); !e.ok()) {
      return {e.message};
    }
  }
  s.timer.lap(scanning);
  for (const match::match &m : s.found) {
    if (m.tag < extractor_count) {
      s.routed[m.tag].push_back(m);
    }
  }
  out.stats = {doc.text.size(), s.tokens.tokens().size(), s.tokens.sentence_starts().size(),
               s.tokens.paragraph_starts().size()};
  for (std::size_t i = 0; i < extractor_count; ++i) {
    if (!state_->extractors[i]) {
      continue;
    }
    auto &routed = s.routed[i];
    std::sort(routed.begin(), routed.end(), [](const match::match &a, const match::match &b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::unique_ptr<extractor_scratch> &own = s.per_extractor[i];
    if (!own) {
      own = state_->extractors[i]->make_scratch();
    }
    context ctx{doc,
                doc.text,
                s.tokens.tokens(),
                s.tokens.sentence_starts(),
                s.tokens.paragraph_starts(),
                s.lines,
                routed,
                state_->db,
                own.get(),
                &s.shared};
    state_->extractors[i]->run(ctx, out);
  }
  s.timer.lap(extracting);
  return {};
}

} // namespace wirespeed
