#pragma once
// Large buffers that are touched at random or page by page (a whole-file
// text filled by read(), a hash table bigger than the caches) cost a page
// fault per 4 KiB on first touch and a TLB miss per 4 KiB afterwards; on a
// VM both cost more than the work. Asking for transparent huge pages before
// the first touch (the kernel grants them on request where THP is set to
// "madvise", as on Debian) cuts both 512-fold. A hint: failure changes nothing.
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace wirespeed::core {

inline void prefer_huge_pages(void *buffer, std::size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  const auto begin = (reinterpret_cast<std::uintptr_t>(buffer) + huge - 1) & ~(huge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(buffer) + bytes) & ~(huge - 1);
  if (end > begin) {
    ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
  }
#else
  static_cast<void>(buffer);
  static_cast<void>(bytes);
#endif
}

} // namespace wirespeed::core
