#include "match/cache.hpp"

#include <unistd.h>
#include <zlib.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace wirespeed::match::detail {
namespace {

constexpr std::array<char, 8> magic{'W', 'S', 'H', 'S', 'D', 'B', '1', '\n'};

// magic, key a, key b, blob size, blob crc32 (as u64): all little-endian
// host order, which is fine for a per-machine cache.
struct header {
  std::array<char, 8> magic;
  std::uint64_t key_a;
  std::uint64_t key_b;
  std::uint64_t blob_bytes;
  std::uint64_t blob_crc;
};

std::uint64_t crc(const char *data, std::size_t n) noexcept {
  uLong value = crc32(0L, Z_NULL, 0);
  while (n > 0) {
    const auto step = static_cast<uInt>(n < (1u << 30) ? n : (1u << 30));
    value = crc32(value, reinterpret_cast<const Bytef *>(data), step);
    data += step;
    n -= step;
  }
  return value;
}

} // namespace

// Two differently seeded FNV-1a streams with a final mix: not cryptographic,
// which a local cache keyed by our own inputs does not need.
cache_key::cache_key() : a(0xcbf29ce484222325ull), b(0x84222325cbf29ce4ull) {
}

void cache_key::add(std::string_view bytes) noexcept {
  add(static_cast<std::uint64_t>(bytes.size()));
  for (const char c : bytes) {
    a = (a ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    b = (b ^ static_cast<unsigned char>(c)) * 0x100000001b3ull + 0x9e3779b97f4a7c15ull;
  }
}

void cache_key::add(std::uint64_t value) noexcept {
  for (int i = 0; i < 8; ++i) {
    const auto byte = static_cast<unsigned char>(value >> (8 * i));
    a = (a ^ byte) * 0x100000001b3ull;
    b = (b ^ byte) * 0x100000001b3ull + 0x9e3779b97f4a7c15ull;
  }
}

std::string cache_key::hex() const {
  char text[33];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return text;
}

cache_key platform_key() {
  cache_key key;
  key.add(std::string_view{"wirespeed-match-cache-1"});
  key.add(std::string_view{hs_version()});
  hs_platform_info_t platform{};
  if (hs_populate_platform(&platform) == HS_SUCCESS) {
    key.add(static_cast<std::uint64_t>(platform.tune));
    key.add(static_cast<std::uint64_t>(platform.cpu_features));
  }
  return key;
}

hs_database_t *cache_load(const std::string &path, const cache_key &key, bool &rejected) noexcept {
  rejected = false;
  try {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return nullptr;
    }
    rejected = true;
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    header head{};
    if (bytes.size() < sizeof head) {
      return nullptr;
    }
    std::memcpy(&head, bytes.data(), sizeof head);
    const char *blob = bytes.data() + sizeof head;
    const std::size_t blob_bytes = bytes.size() - sizeof head;
    if (head.magic != magic || head.key_a != key.a || head.key_b != key.b ||
        head.blob_bytes != blob_bytes || head.blob_crc != crc(blob, blob_bytes)) {
      return nullptr;
    }
    hs_database_t *db = nullptr;
    if (hs_deserialize_database(blob, blob_bytes, &db) != HS_SUCCESS) {
      return nullptr;
    }
    rejected = false;
    return db;
  } catch (...) {
    return nullptr;
  }
}

bool cache_store(const std::string &path, const cache_key &key, const hs_database_t *db) noexcept {
  static std::atomic<unsigned> counter{0};
  char *blob = nullptr;
  std::size_t blob_bytes = 0;
  if (hs_serialize_database(db, &blob, &blob_bytes) != HS_SUCCESS) {
    return false;
  }
  bool ok = false;
  try {
    const std::filesystem::path target(path);
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    const std::string temporary =
        path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
    header head{magic, key.a, key.b, blob_bytes, crc(blob, blob_bytes)};
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      out.write(reinterpret_cast<const char *>(&head), sizeof head);
      out.write(blob, static_cast<std::streamsize>(blob_bytes));
      ok = static_cast<bool>(out.flush());
    }
    if (ok) {
      std::filesystem::rename(temporary, target, ec);
      ok = !ec;
    }
    if (!ok) {
      std::filesystem::remove(temporary, ec);
    }
  } catch (...) {
    ok = false;
  }
  std::free(blob);
  return ok;
}

} // namespace wirespeed::match::detail
