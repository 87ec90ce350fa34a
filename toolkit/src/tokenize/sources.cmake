target_sources(wirespeed_toolkit PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/chars.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reference.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lex_masks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/segment.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tokenize.cpp
  ${CMAKE_CURRENT_LIST_DIR}/processor.cpp)
# Stage 1 byte classification, one object library per ISA with its own flags.
wirespeed_add_isa_kernels(wirespeed_toolkit ${CMAKE_CURRENT_LIST_DIR}/isa/classify_ISA.cpp)
