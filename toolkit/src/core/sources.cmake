target_sources(wirespeed_toolkit PRIVATE ${CMAKE_CURRENT_LIST_DIR}/version.cpp)
