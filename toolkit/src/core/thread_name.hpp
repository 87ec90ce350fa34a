#pragma once
// Names the calling thread, so that `top -H`, `perf report --sort comm` and
// debuggers tell the pipeline's readers, inflaters and workers apart.
#include <pthread.h>

#include <algorithm>
#include <string>

namespace wirespeed::detail {

inline void name_this_thread(std::string name) {
#ifdef __linux__
  name.resize(std::min<std::size_t>(name.size(), 15)); // the kernel keeps 15 bytes
  pthread_setname_np(pthread_self(), name.c_str());
#else
  static_cast<void>(name);
#endif
}

} // namespace wirespeed::detail
