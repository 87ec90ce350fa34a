#pragma once
// Large buffers that are touched at random or page by page (a whole-file
// text filled by read(), a hash table bigger than the caches, a document's
// output) cost a page fault per 4 KiB on first touch and a TLB miss per
// 4 KiB afterwards; on a VM both cost more than the work (about 12 us per
// 4 KiB fault on the 2-core test VM: 25 ms to first-touch 8 MiB, against
// under 1 ms in 2 MiB pages). Asking for transparent huge pages before the
// first touch (the kernel grants them on request where THP is set to
// "madvise", as on Debian) cuts both 512-fold. Hints only: where the kernel
// or the allocator does otherwise, nothing changes but the speed.
#include <sys/mman.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace wirespeed::core {

inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;
inline constexpr std::size_t base_page_bytes = 4096;

/// The 2 MiB-aligned span to advise for a buffer: its whole 2 MiB pages,
/// widened to the page boundary just before its start or just after its end
/// when that boundary lies in the buffer's own first or last 4 KiB page
/// (so in the same mapping: no other allocation's memory is advised). An
/// allocation glibc maps by itself starts 16 bytes past a mapping that the
/// kernel aligns to 2 MiB when its length is a multiple of 2 MiB (see
/// huge_page_capacity): widening lets its first 2 MiB be a huge page too.
struct huge_span {
  std::uintptr_t begin = 0;
  std::uintptr_t end = 0;            ///< begin == end: no whole huge page
  bool starts_before_buffer = false; ///< begin is below the buffer
};

constexpr huge_span huge_span_of(std::uintptr_t buffer, std::size_t bytes) noexcept {
  const std::uintptr_t down = buffer & ~(huge_page_bytes - 1);
  const std::uintptr_t last = buffer + bytes;
  const std::uintptr_t up = (last + huge_page_bytes - 1) & ~(huge_page_bytes - 1);
  huge_span span;
  span.starts_before_buffer = buffer - down < base_page_bytes && down != buffer;
  span.begin = buffer - down < base_page_bytes ? down : down + huge_page_bytes;
  span.end = up - last < base_page_bytes ? up : up - huge_page_bytes;
  if (bytes == 0 || span.end <= span.begin) {
    return {};
  }
  return span;
}

/// Bytes to allocate, at least `bytes`, so that a large allocation fills a
/// whole number of 2 MiB pages: glibc puts 32 bytes of its own with a block
/// it maps alone (above 128 KiB), and Linux (6.7 and later) aligns an
/// anonymous mapping whose length is a multiple of 2 MiB to 2 MiB. Small
/// sizes are returned as they are: they come from the heap, not a mapping.
constexpr std::size_t huge_page_capacity(std::size_t bytes) noexcept {
  constexpr std::size_t allocator_bytes = 32;
  if (bytes < huge_page_bytes / 2) {
    return bytes;
  }
  const std::size_t pages = (bytes + allocator_bytes + huge_page_bytes - 1) / huge_page_bytes;
  return pages * huge_page_bytes - allocator_bytes;
}

inline void prefer_huge_pages(void *buffer, std::size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
  const huge_span span = huge_span_of(reinterpret_cast<std::uintptr_t>(buffer), bytes);
  if (span.begin == span.end) {
    return;
  }
  ::madvise(reinterpret_cast<void *>(span.begin), span.end - span.begin, MADV_HUGEPAGE);
  // The allocator has already written its header into the first 4 KiB page,
  // so that 2 MiB would stay in small pages: collapsing it now (a 2 MiB copy
  // at most) costs far less than 511 faults later. MADV_COLLAPSE is Linux
  // 6.1's and missing from glibc 2.36's headers; older kernels refuse it.
  constexpr int collapse = 25;
  if (span.starts_before_buffer) {
    ::madvise(reinterpret_cast<void *>(span.begin), huge_page_bytes, collapse);
  }
#else
  static_cast<void>(buffer);
  static_cast<void>(bytes);
#endif
}

/// Makes room for `bytes` chars in `text` (its size included); a new large
/// buffer is sized by huge_page_capacity and advised before its first touch.
/// Growth is at least twofold, so that callers reserving a little more on
/// each append stay linear.
inline void reserve_in_huge_pages(std::string &text, std::size_t bytes) {
  if (bytes <= text.capacity()) {
    return;
  }
  bytes = std::max(bytes, 2 * text.capacity());
  text.reserve(huge_page_capacity(bytes + 1) - 1); // the string adds its terminator
  prefer_huge_pages(text.data(), text.capacity());
}

/// The same for `count` elements of a vector.
template <typename T> void reserve_in_huge_pages(std::vector<T> &items, std::size_t count) {
  if (count <= items.capacity()) {
    return;
  }
  count = std::max(count, 2 * items.capacity());
  items.reserve(huge_page_capacity(count * sizeof(T)) / sizeof(T));
  prefer_huge_pages(items.data(), items.capacity() * sizeof(T));
}

} // namespace wirespeed::core
