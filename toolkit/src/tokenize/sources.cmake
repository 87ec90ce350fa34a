target_sources(wirespeed_toolkit PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/chars.cpp
  ${CMAKE_CURRENT_LIST_DIR}/multibyte.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reference.cpp
  ${CMAKE_CURRENT_LIST_DIR}/segment.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tokenize.cpp
  ${CMAKE_CURRENT_LIST_DIR}/processor.cpp)
# Both stages of the SIMD lexer, one object library per ISA with its own flags.
wirespeed_add_isa_kernels(wirespeed_toolkit ${CMAKE_CURRENT_LIST_DIR}/isa/tokenize_ISA.cpp)
