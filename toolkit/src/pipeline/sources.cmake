# The driver every subcommand runs, and the ready-made processors.
target_sources(wirespeed_toolkit PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/batch_flow.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pipeline.cpp
  ${CMAKE_CURRENT_LIST_DIR}/processors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_stats.cpp)
