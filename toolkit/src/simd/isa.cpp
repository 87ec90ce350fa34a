#include "wirespeed/cpu.hpp"

#include <array>
#include <atomic>
#include <cstdlib>
#include <string_view>

namespace wirespeed::cpu {
namespace {

// Must test every feature that cmake/WirespeedIsa.cmake enables for the
// level: the compiler may use any of them anywhere in that translation unit.
bool cpu_supports(isa level) noexcept {
  switch (level) {
  case isa::scalar:
    return true;
#if defined(__x86_64__)
  case isa::sse4_2:
    return __builtin_cpu_supports("sse4.2") && __builtin_cpu_supports("popcnt");
  case isa::avx2:
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
           __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
  case isa::avx512bw:
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
           __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx2") &&
           __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") &&
           __builtin_cpu_supports("popcnt");
#elif defined(__aarch64__)
  case isa::neon64:
    return true; // Advanced SIMD is mandatory on AArch64.
#endif
  default:
    return false;
  }
}

constexpr std::array compiled_isas {
  isa::scalar,
#if defined(WIRESPEED_HAVE_SSE4_2)
      isa::sse4_2,
#endif
#if defined(WIRESPEED_HAVE_AVX2)
      isa::avx2,
#endif
#if defined(WIRESPEED_HAVE_AVX512BW)
      isa::avx512bw,
#endif
#if defined(WIRESPEED_HAVE_NEON64)
      isa::neon64,
#endif
};

struct isa_list {
  std::array<isa, compiled_isas.size()> levels{};
  std::size_t count = 0;
};

const isa_list &detected() noexcept {
  static const isa_list list = [] {
    isa_list found;
    for (isa level : compiled_isas) {
      if (cpu_supports(level)) {
        found.levels[found.count++] = level;
      }
    }
    return found;
  }();
  return list;
}

bool is_available(isa level) noexcept {
  for (isa candidate : available_isas()) {
    if (candidate == level) {
      return true;
    }
  }
  return false;
}

isa initial_isa() noexcept {
  if (const char *forced = std::getenv("WIRESPEED_FORCE_ISA")) {
    isa level{};
    return parse_isa(forced, level) && is_available(level) ? level : isa::scalar;
  }
  return available_isas().back();
}

std::atomic<isa> &active() noexcept {
  static std::atomic<isa> level{initial_isa()};
  return level;
}

} // namespace

std::string_view to_string(isa level) noexcept {
  switch (level) {
  case isa::scalar:
    return "scalar";
  case isa::sse4_2:
    return "sse4_2";
  case isa::avx2:
    return "avx2";
  case isa::avx512bw:
    return "avx512bw";
  case isa::neon64:
    return "neon64";
  }
  return "unknown";
}

bool parse_isa(std::string_view name, isa &level) noexcept {
  for (isa candidate : {isa::scalar, isa::sse4_2, isa::avx2, isa::avx512bw, isa::neon64}) {
    if (name == to_string(candidate)) {
      level = candidate;
      return true;
    }
  }
  return false;
}

std::span<const isa> available_isas() noexcept {
  const isa_list &list = detected();
  return {list.levels.data(), list.count};
}

isa active_isa() noexcept {
  return active().load(std::memory_order_relaxed);
}

bool force_isa(isa level) noexcept {
  if (!is_available(level)) {
    return false;
  }
  active().store(level, std::memory_order_relaxed);
  return true;
}

} // namespace wirespeed::cpu
