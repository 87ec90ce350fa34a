# Tests, tools and benchmarks default ON only when wirespeed is the top-level
# project, so embedding it with add_subdirectory() builds just the library.
string(COMPARE EQUAL "${CMAKE_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}" WIRESPEED_IS_TOP_LEVEL)

option(WIRESPEED_BUILD_TOOLS "Build the wirespeed command" ${WIRESPEED_IS_TOP_LEVEL})
option(WIRESPEED_BUILD_TESTS "Build the GoogleTest suite" ${WIRESPEED_IS_TOP_LEVEL})
option(WIRESPEED_BUILD_BENCH "Build the Google Benchmark suites" ${WIRESPEED_IS_TOP_LEVEL})
option(WIRESPEED_WERROR "Treat compiler warnings as errors" ON)
set(WIRESPEED_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
# An extension built with sanitizers cannot load into Debian's uninstrumented
# python3, so sanitizer builds leave the Python module (and its tests) out.
if(WIRESPEED_SANITIZE)
  set(_ws_python_default OFF)
else()
  set(_ws_python_default ${WIRESPEED_IS_TOP_LEVEL})
endif()
option(WIRESPEED_BUILD_PYTHON "Build the wirespeed Python module (pybind11)" ${_ws_python_default})
option(WIRESPEED_FUZZ "Build tests/fuzz targets as libFuzzer binaries (clang only)" OFF)
if(WIRESPEED_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "WIRESPEED_FUZZ=ON needs clang (libFuzzer): configure with CXX=clang++")
endif()
