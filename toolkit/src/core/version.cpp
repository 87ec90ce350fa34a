#include "wirespeed/version.hpp"

#include <hs/hs.h>
#include <simdjson.h>

namespace wirespeed {

std::string_view version() noexcept {
  return WIRESPEED_VERSION;
}

std::string hyperscan_version() {
  return hs_version();
}

std::string_view simdjson_version() noexcept {
  return SIMDJSON_STRINGIFY(SIMDJSON_VERSION);
}

} // namespace wirespeed
