# `cmake --install` gives a prefix that other projects build against:
#   include/wirespeed/*.hpp, wirespeed.h     the public headers
#   lib/libwirespeed.a, lib/libwirespeed.so  the toolkit, static and shared
#   lib/cmake/wirespeed/                     find_package(wirespeed CONFIG)
#   lib/pkgconfig/wirespeed.pc               pkg-config --libs [--static] wirespeed
#   bin/wirespeed                            the command
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The shared library is the static archive linked whole into one .so, so no
# source is compiled twice; the version script exports only the public API
# (wirespeed::*, the C API's ws_*), never the engines linked into it.
set_target_properties(wirespeed_toolkit PROPERTIES EXPORT_NAME toolkit
                                                   CXX_VISIBILITY_PRESET default)
set(_ws_version_script ${CMAKE_CURRENT_LIST_DIR}/install/wirespeed.map)
add_library(wirespeed_toolkit_shared SHARED ${_ws_version_script})
add_library(wirespeed::toolkit_shared ALIAS wirespeed_toolkit_shared)
target_link_libraries(wirespeed_toolkit_shared PRIVATE
  "$<LINK_LIBRARY:WHOLE_ARCHIVE,wirespeed_toolkit>")
target_link_options(wirespeed_toolkit_shared PRIVATE
  "LINKER:--version-script=${_ws_version_script}" "LINKER:--no-undefined")
target_include_directories(wirespeed_toolkit_shared PUBLIC
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/toolkit/include> $<INSTALL_INTERFACE:include>)
target_compile_features(wirespeed_toolkit_shared PUBLIC cxx_std_20)
# An instrumented library needs its sanitizer runtimes loaded first: programs
# linking a sanitizer build must link them too.
if(WIRESPEED_SANITIZE)
  target_link_options(wirespeed_toolkit_shared INTERFACE -fsanitize=${WIRESPEED_SANITIZE})
endif()
set_target_properties(wirespeed_toolkit_shared PROPERTIES
  OUTPUT_NAME wirespeed EXPORT_NAME toolkit_shared LINKER_LANGUAGE CXX
  VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}
  LINK_DEPENDS ${_ws_version_script})

# The static archive's private links travel with it as link-only entries: the
# engines (found again by wirespeedConfig.cmake) and two build-only helpers
# exported under internal names (their link options matter: sanitizer builds).
set_target_properties(wirespeed_internal_flags PROPERTIES EXPORT_NAME internal_link_flags)
set_target_properties(wirespeed_xsimd PROPERTIES EXPORT_NAME internal_xsimd)
install(TARGETS wirespeed_toolkit wirespeed_toolkit_shared wirespeed_internal_flags wirespeed_xsimd
        EXPORT wirespeedTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/toolkit/include/wirespeed
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET wirespeed)
  install(TARGETS wirespeed RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(_ws_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/wirespeed)
install(EXPORT wirespeedTargets NAMESPACE wirespeed:: DESTINATION ${_ws_cmake_dir})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/install/wirespeedConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/wirespeedConfig.cmake INSTALL_DESTINATION ${_ws_cmake_dir})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/wirespeedConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/wirespeedConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/wirespeedConfigVersion.cmake
        DESTINATION ${_ws_cmake_dir})

# pkg-config: relocatable (paths from ${pcfiledir}), engines as Requires.private.
file(RELATIVE_PATH _ws_pc_to_prefix /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" _ws_pc_to_prefix "${_ws_pc_to_prefix}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/install/wirespeed.pc.in
               ${CMAKE_CURRENT_BINARY_DIR}/wirespeed.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/wirespeed.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
