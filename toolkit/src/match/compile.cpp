// database::compile: pattern table -> Hyperscan database(s), through the cache.
#include <chrono>
#include <new>
#include <string>
#include <vector>

#include "match/cache.hpp"
#include "match/database_impl.hpp"
#include "match/unicode_rules.hpp"
#include "match/word.hpp"
#include "wirespeed/cpu.hpp"

namespace wirespeed::match {
namespace {

// How patterns are handed to Hyperscan.
struct engine_input {
  std::vector<std::string> expressions; // regex source, or the literal's bytes
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;

  void add(std::string expression, unsigned flag_bits, unsigned id) {
    expressions.push_back(std::move(expression));
    flags.push_back(flag_bits);
    ids.push_back(id);
  }
};

// What each form of the database compiles: streams see every pattern; block
// scans leave the literal index's patterns out.
struct engine_inputs {
  engine_input block;
  engine_input stream;
};

// A literal is sent as a regex of \xHH escapes, so no byte is special.
std::string escape_literal(std::string_view text, bool utf8) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() * 4);
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    // In UTF-8 mode \xHH names a code point, not a byte: pass characters as is.
    if ((b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ||
        (utf8 && b >= 0x80)) {
      out.push_back(c);
    } else {
      out += "\\x";
      out.push_back(hex[b >> 4]);
      out.push_back(hex[b & 15]);
    }
  }
  return out;
}

// Fills the per-id hot table, the literal index and the engine inputs from
// the pattern table; a null input is not wanted (no streaming form, or a
// deserialised database), which spares escaping every pattern for it.
void plan(database::impl &db, engine_input *block, engine_input *stream) {
  const std::size_t n = db.patterns.size();
  db.entries.resize(n);
  db.index.build(db.patterns, cpu::active_isa());
  std::uint64_t longest_word_literal = 0;
  std::size_t engine_patterns = 0;
  for (std::uint32_t id = 0; id < n; ++id) {
    const pattern &p = db.patterns[id];
    pattern_entry &e = db.entries[id];
    e.tag = p.tag;
    e.whole_word = has(p.flags, flag::whole_word);
    db.whole_word = db.whole_word || e.whole_word;
    unsigned flags = has(p.flags, flag::caseless) ? HS_FLAG_CASELESS : 0u;
    const bool unicode = detail::needs_unicode(p);
    const bool literal = p.kind == pattern_kind::literal && !unicode;
    if (literal) {
      e.length = static_cast<std::uint32_t>(p.expression.size());
      if (e.whole_word && e.length > longest_word_literal) {
        longest_word_literal = e.length;
      }
    } else {
      // Regexes see lines as PCRE's multiline mode does: what grep users expect.
      flags |= HS_FLAG_SOM_LEFTMOST | (p.kind == pattern_kind::regex ? HS_FLAG_MULTILINE : 0u);
      if (unicode) {
        flags |= HS_FLAG_UTF8 | HS_FLAG_UCP;
        db.utf8 = true;
      }
      if (e.whole_word) {
        longest_word_literal = UINT32_MAX;
      }
    }
    const bool in_block = !detail::literal_index::accepts(p);
    engine_patterns += in_block ? 1 : 0;
    if ((!in_block || block == nullptr) && stream == nullptr) {
      continue;
    }
    std::string expression = literal                         ? escape_literal(p.expression, false)
                             : p.kind == pattern_kind::regex ? p.expression
                                                             : escape_literal(p.expression, true);
    if (in_block && block != nullptr) {
      block->add(expression, flags, id);
    }
    if (stream != nullptr) {
      stream->add(std::move(expression), flags, id);
    }
  }
  db.engine_patterns = engine_patterns;
  // A whole-word regex may be long; the SOM horizon bounds it at 64 KiB.
  constexpr std::uint64_t som_horizon = std::uint64_t{1} << 16;
  db.history = (longest_word_literal == UINT32_MAX ? som_horizon : longest_word_literal) +
               detail::word_bytes_before;
}

bool unsupported(std::string_view reason) {
  return reason.find("not supported") != std::string_view::npos ||
         reason.find("unsupported") != std::string_view::npos ||
         reason.find("Unsupported") != std::string_view::npos;
}

error compile_failure(const database::impl &db, const engine_input &in,
                      const hs_compile_error_t *failure) {
  error e;
  std::string reason = failure->message != nullptr ? failure->message : "unknown reason";
  if (failure->expression < 0 || static_cast<std::size_t>(failure->expression) >= in.ids.size()) {
    e.code = error_code::engine_error;
    e.message = "pattern database: " + reason;
    return e;
  }
  e.pattern = in.ids[static_cast<std::size_t>(failure->expression)];
  const pattern &p = db.patterns[e.pattern];
  e.file = p.file;
  e.line = p.line;
  e.code = unsupported(reason) ? error_code::unsupported_pattern : error_code::bad_pattern;
  const std::string where = p.file.empty() ? "pattern " + std::to_string(e.pattern)
                                           : p.file + ":" + std::to_string(p.line);
  if (reason.find("too large") != std::string::npos) {
    // Start offsets (always on for regexes) are what usually costs the size.
    reason += " (reporting where matches begin needs more state: try bounding repeats such as "
              "\\w+ or [^x]*)";
  }
  e.message =
      where + ": " +
      (e.code == error_code::unsupported_pattern ? "unsupported construct" : "bad pattern") +
      " in '" + p.expression + "': " + reason;
  return e;
}

error build(const database::impl &db, const engine_input &in, unsigned mode, hs_database_t *&out) {
  std::vector<const char *> expressions;
  expressions.reserve(in.expressions.size());
  for (const std::string &x : in.expressions) {
    expressions.push_back(x.c_str());
  }
  hs_compile_error_t *failure = nullptr;
  const auto count = static_cast<unsigned>(expressions.size());
  // Literals go through the regex compiler as \xHH escapes, never through
  // hs_compile_lit_multi: Hyperscan 5.4's literal API built databases whose
  // scans fail with HS_UNKNOWN_ERROR (found by match_compile_fuzz; the input
  // is a test case in match_scan_test.cpp).
  const hs_error_t status = hs_compile_multi(expressions.data(), in.flags.data(), in.ids.data(),
                                             count, mode, nullptr, &out, &failure);
  if (status == HS_SUCCESS) {
    return {};
  }
  error e = failure != nullptr ? compile_failure(db, in, failure)
                               : detail::engine_failure(status, "compiling the pattern database");
  hs_free_compile_error(failure);
  return e;
}

// Cache lookup, else compile (and store).
error obtain(const database::impl &db, const engine_input &in, unsigned mode,
             const compile_options &options, hs_database_t *&out, compile_stats &stats) {
  if (!options.use_cache) {
    return build(db, in, mode, out);
  }
  detail::cache_key key = detail::platform_key();
  key.add(static_cast<std::uint64_t>(mode));
  // The ids too: the engine reports them, and the same expressions can carry
  // other ids in another set (a literal the index takes shifts those after it).
  for (std::size_t i = 0; i < in.expressions.size(); ++i) {
    key.add(in.expressions[i]);
    key.add(static_cast<std::uint64_t>(in.flags[i]));
    key.add(static_cast<std::uint64_t>(in.ids[i]));
  }
  const std::string dir = options.cache_dir.empty() ? default_cache_dir() : options.cache_dir;
  if (dir.empty()) { // neither XDG_CACHE_HOME nor HOME: nowhere to cache
    stats.from_cache = false;
    return build(db, in, mode, out);
  }
  const std::string path =
      dir + "/" + key.hex() + ((mode & HS_MODE_STREAM) != 0 ? ".stream" : ".block") + ".hsdb";
  stats.cache_file = path;
  bool rejected = false;
  out = detail::cache_load(path, key, rejected);
  stats.cache_rejected = stats.cache_rejected || rejected;
  if (out != nullptr) {
    return {};
  }
  stats.from_cache = false;
  error e = build(db, in, mode, out);
  if (e.ok()) {
    detail::cache_store(path, key, out);
  }
  return e;
}

std::size_t database_size(const hs_database_t *db) {
  std::size_t bytes = 0;
  if (db != nullptr && hs_database_size(db, &bytes) != HS_SUCCESS) {
    bytes = 0;
  }
  return bytes;
}

} // namespace

void detail::index_patterns(database::impl &db) {
  plan(db, nullptr, nullptr);
}

error database::compile(const pattern_set &set, const compile_options &options,
                        compile_stats *stats) noexcept {
  const auto started = std::chrono::steady_clock::now();
  impl_.reset();
  compile_stats local;
  local.from_cache = options.use_cache;
  error e;
  try {
    if (set.empty()) {
      e.code = error_code::no_patterns;
      e.message = "no patterns to compile";
      return e;
    }
    auto db = std::make_shared<impl>();
    db->patterns.assign(set.patterns().begin(), set.patterns().end());
    for (std::uint32_t id = 0; id < db->patterns.size(); ++id) {
      if (db->patterns[id].expression.empty()) {
        e.code = error_code::empty_pattern;
        e.pattern = id;
        e.message = "pattern " + std::to_string(id) + " is empty";
        return e;
      }
    }
    engine_inputs in;
    plan(*db, &in.block, options.streaming ? &in.stream : nullptr);
    if (db->engine_patterns != 0) {
      e = obtain(*db, in.block, HS_MODE_BLOCK, options, db->block, local);
    }
    if (e.ok() && options.streaming) {
      e = obtain(*db, in.stream, HS_MODE_STREAM | HS_MODE_SOM_HORIZON_SMALL, options, db->streaming,
                 local);
    }
    if (!e.ok()) {
      return e;
    }
    scratch::impl probe;
    e = detail::prepare_scratch(probe, *db);
    if (!e.ok()) {
      return e;
    }
    hs_scratch_size(probe.space, &local.scratch_bytes);
    local.database_bytes =
        database_size(db->block) + database_size(db->streaming) + db->index.bytes();
    if (db->streaming != nullptr) {
      hs_stream_size(db->streaming, &local.stream_bytes);
    }
    impl_ = std::move(db);
  } catch (const std::bad_alloc &) {
    e.code = error_code::out_of_memory;
    e.message = "out of memory compiling the pattern database";
  }
  local.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (stats != nullptr) {
    *stats = std::move(local);
  }
  return e;
}

std::size_t database::size() const noexcept {
  return impl_ ? impl_->patterns.size() : 0;
}

const pattern &database::at(std::uint32_t id) const {
  return impl_->patterns.at(id);
}

bool database::requires_utf8() const noexcept {
  return impl_ && impl_->utf8;
}

} // namespace wirespeed::match
