// database::serialize/deserialize: the pattern table plus Hyperscan's own
// serialised bytes, so a process can load a database instead of compiling it
// (C API, Python pickling, shipping one database to many workers).
//
// Layout (integers little-endian as on every CPU Hyperscan runs on):
//   "WSDB" u32 format_version
//   u32 pattern count, then per pattern: u8 kind, u32 flags, u32 tag,
//       u64 line, and three strings (u32 length + bytes): expression, label, file
//   u64 length + block database bytes; u64 length + streaming bytes (0: none)
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <type_traits>

#include "match/database_impl.hpp"

namespace wirespeed::match {
namespace {

constexpr std::string_view magic = "WSDB";
// 2: the block database leaves out the literal index's patterns.
constexpr std::uint32_t format_version = 2;

template <typename Int> void put(std::string &out, Int value) {
  static_assert(std::is_integral_v<Int>);
  char bytes[sizeof(Int)];
  std::memcpy(bytes, &value, sizeof(Int));
  out.append(bytes, sizeof(Int));
}

void put_string(std::string &out, std::string_view text) {
  put(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
}

error put_engine(std::string &out, const hs_database_t *db) {
  if (db == nullptr) {
    put(out, std::uint64_t{0});
    return {};
  }
  char *bytes = nullptr;
  std::size_t length = 0;
  if (const hs_error_t status = hs_serialize_database(db, &bytes, &length); status != HS_SUCCESS) {
    return detail::engine_failure(status, "serialising the pattern database");
  }
  put(out, static_cast<std::uint64_t>(length));
  out.append(bytes, length);
  std::free(bytes);
  return {};
}

// Reads from the front of `rest`; every read fails (false) past the end.
class reader {
public:
  explicit reader(std::string_view bytes) : rest_(bytes) {}

  template <typename Int> bool get(Int &value) {
    if (rest_.size() < sizeof(Int)) {
      return false;
    }
    std::memcpy(&value, rest_.data(), sizeof(Int));
    rest_.remove_prefix(sizeof(Int));
    return true;
  }
  bool get_bytes(std::uint64_t length, std::string_view &bytes) {
    if (rest_.size() < length) {
      return false;
    }
    bytes = rest_.substr(0, length);
    rest_.remove_prefix(length);
    return true;
  }
  bool get_string(std::string &text) {
    std::uint32_t length = 0;
    std::string_view bytes;
    if (!get(length) || !get_bytes(length, bytes)) {
      return false;
    }
    text.assign(bytes);
    return true;
  }
  [[nodiscard]] bool at_end() const noexcept { return rest_.empty(); }

private:
  std::string_view rest_;
};

error bad(std::string_view why) {
  error e;
  e.code = error_code::bad_serialized;
  e.message = "serialised pattern database: " + std::string(why);
  return e;
}

bool get_pattern(reader &in, pattern &p) {
  std::uint8_t kind = 0;
  std::uint32_t flags = 0;
  if (!in.get(kind) || !in.get(flags) || !in.get(p.tag) || !in.get(p.line) ||
      !in.get_string(p.expression) || !in.get_string(p.label) || !in.get_string(p.file)) {
    return false;
  }
  if (kind > static_cast<std::uint8_t>(pattern_kind::regex) || flags > 7) {
    return false;
  }
  p.kind = static_cast<pattern_kind>(kind);
  p.flags = static_cast<flag>(flags);
  return true;
}

error get_engine(reader &in, hs_database_t *&out, bool required) {
  std::uint64_t length = 0;
  std::string_view bytes;
  if (!in.get(length) || !in.get_bytes(length, bytes)) {
    return bad("truncated");
  }
  if (length == 0) {
    return required ? bad("no block database") : error{};
  }
  const hs_error_t status = hs_deserialize_database(bytes.data(), bytes.size(), &out);
  if (status == HS_DB_PLATFORM_ERROR) {
    return bad("built for a CPU with features this one lacks");
  }
  if (status == HS_DB_VERSION_ERROR) {
    return bad("written by another Hyperscan version");
  }
  if (status != HS_SUCCESS) {
    return bad("the engine rejected its bytes (corrupt)");
  }
  return {};
}

} // namespace

error database::serialize(std::string &out) const noexcept {
  if (!impl_) {
    error e;
    e.code = error_code::not_compiled;
    e.message = "serialize() on a database that was never compiled";
    return e;
  }
  try {
    out.append(magic);
    put(out, format_version);
    put(out, static_cast<std::uint32_t>(impl_->patterns.size()));
    for (const pattern &p : impl_->patterns) {
      put(out, static_cast<std::uint8_t>(p.kind));
      put(out, static_cast<std::uint32_t>(p.flags));
      put(out, p.tag);
      put(out, p.line);
      put_string(out, p.expression);
      put_string(out, p.label);
      put_string(out, p.file);
    }
    if (error e = put_engine(out, impl_->block); !e.ok()) {
      return e;
    }
    return put_engine(out, impl_->streaming);
  } catch (const std::bad_alloc &) {
    error e;
    e.code = error_code::out_of_memory;
    e.message = "out of memory serialising the pattern database";
    return e;
  }
}

error database::deserialize(std::string_view bytes) noexcept {
  impl_.reset();
  try {
    reader in(bytes);
    std::string_view head;
    std::uint32_t version = 0;
    std::uint32_t count = 0;
    if (!in.get_bytes(magic.size(), head) || head != magic) {
      return bad("not a wirespeed database");
    }
    if (!in.get(version) || version != format_version) {
      return bad("format version " + std::to_string(version) + ", this build reads " +
                 std::to_string(format_version));
    }
    if (!in.get(count) || count == 0) {
      return bad("truncated or without patterns");
    }
    auto db = std::make_shared<impl>();
    db->patterns.resize(count);
    for (pattern &p : db->patterns) {
      if (!get_pattern(in, p)) {
        return bad("truncated or corrupt pattern table");
      }
    }
    detail::index_patterns(*db);
    if (error e = get_engine(in, db->block, db->engine_patterns != 0); !e.ok()) {
      return e;
    }
    if (error e = get_engine(in, db->streaming, false); !e.ok()) {
      return e;
    }
    if (!in.at_end()) {
      return bad("trailing bytes");
    }
    impl_ = std::move(db);
    return {};
  } catch (const std::bad_alloc &) {
    error e;
    e.code = error_code::out_of_memory;
    e.message = "out of memory loading the pattern database";
    return e;
  }
}

} // namespace wirespeed::match
