target_sources(wirespeed_toolkit PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/byte_ranges.cpp
  ${CMAKE_CURRENT_LIST_DIR}/cache.cpp
  ${CMAKE_CURRENT_LIST_DIR}/compile.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grep_processor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/literal_index.cpp
  ${CMAKE_CURRENT_LIST_DIR}/literal_scan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patterns.cpp
  ${CMAKE_CURRENT_LIST_DIR}/scan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/serialize.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tail_match.cpp)
# The literal index's kernels (candidate bytes, tail compares), one object
# library per ISA.
wirespeed_add_isa_kernels(wirespeed_toolkit ${CMAKE_CURRENT_LIST_DIR}/isa/byte_ranges_ISA.cpp)
wirespeed_add_isa_kernels(wirespeed_toolkit ${CMAKE_CURRENT_LIST_DIR}/isa/tail_match_ISA.cpp)
