# The C API (include/wirespeed/wirespeed.h): thin wrappers that turn C++
# errors and exceptions into ws_status values.
target_sources(wirespeed_toolkit PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/status.cpp
  ${CMAKE_CURRENT_LIST_DIR}/database.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tokenize.cpp
  ${CMAKE_CURRENT_LIST_DIR}/extract.cpp)
