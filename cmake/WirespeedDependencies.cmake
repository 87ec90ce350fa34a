# Every dependency is a Debian 12 package. A missing one stops configuration
# with the apt-get line that fixes it, instead of a wall of CMake noise.
# tools/setup.sh installs the same list; keep the two in step.

find_package(PkgConfig QUIET)

function(wirespeed_missing what debian_package)
  message(FATAL_ERROR
    "wirespeed: ${what} not found.\n"
    "Install it with:  apt-get install ${debian_package}\n"
    "(or run tools/setup.sh, which installs every package the build needs)")
endfunction()

macro(wirespeed_find_config package debian_package)
  find_package(${package} ${ARGN} CONFIG QUIET)
  if(NOT ${package}_FOUND)
    wirespeed_missing("${package}" "${debian_package}")
  endif()
endmacro()

macro(wirespeed_find_pkgconfig prefix module debian_package)
  if(NOT PKG_CONFIG_FOUND)
    wirespeed_missing("pkg-config" "pkg-config")
  endif()
  pkg_check_modules(${prefix} QUIET IMPORTED_TARGET GLOBAL ${module})
  if(NOT ${prefix}_FOUND)
    wirespeed_missing("${module} (pkg-config)" "${debian_package}")
  endif()
endmacro()

# Hyperscan ships only pkg-config metadata (libhs); vectorscan provides the
# same module name, so non-x86 machines work unchanged.
wirespeed_find_pkgconfig(HS libhs libhyperscan-dev)
add_library(wirespeed::hyperscan ALIAS PkgConfig::HS)

wirespeed_find_config(simdjson libsimdjson-dev)
wirespeed_find_config(fmt libfmt-dev)
wirespeed_find_config(zstd libzstd-dev)
find_package(ZLIB QUIET)
if(NOT ZLIB_FOUND)
  wirespeed_missing("zlib" "zlib1g-dev")
endif()

# Debian's xsimd exports a bare `xsimd` target that also links a library
# named "xtl" which no package installs. xsimd is header-only: take just its
# include directories.
wirespeed_find_config(xsimd libxsimd-dev)
get_target_property(WIRESPEED_XSIMD_INCLUDES xsimd INTERFACE_INCLUDE_DIRECTORIES)
add_library(wirespeed_xsimd INTERFACE)
target_include_directories(wirespeed_xsimd SYSTEM INTERFACE ${WIRESPEED_XSIMD_INCLUDES})
add_library(wirespeed::xsimd ALIAS wirespeed_xsimd)

if(TARGET zstd::libzstd_shared)
  add_library(wirespeed::zstd ALIAS zstd::libzstd_shared)
else()
  add_library(wirespeed::zstd ALIAS zstd::libzstd_static)
endif()

if(WIRESPEED_BUILD_TOOLS)
  wirespeed_find_config(CLI11 libcli11-dev)
endif()
if(WIRESPEED_BUILD_TESTS)
  find_package(GTest QUIET)
  if(NOT GTest_FOUND)
    wirespeed_missing("GoogleTest" "libgtest-dev")
  endif()
endif()
if(WIRESPEED_BUILD_BENCH)
  wirespeed_find_config(benchmark libbenchmark-dev)
  # Peers measured in the same run as our own code. They are benchmark-only.
  wirespeed_find_pkgconfig(RE2 re2 libre2-dev)
  wirespeed_find_pkgconfig(PCRE2 libpcre2-8 libpcre2-dev)
  find_package(ICU QUIET COMPONENTS uc i18n)
  if(NOT ICU_FOUND)
    wirespeed_missing("ICU" "libicu-dev")
  endif()
endif()

# The corpus checks run Debian's python3 (not a pyenv one first in PATH).
find_program(WIRESPEED_PYTHON3 python3 HINTS /usr/bin NO_DEFAULT_PATH)
find_program(WIRESPEED_PYTHON3 python3)
if(NOT WIRESPEED_PYTHON3)
  wirespeed_missing("python3" "python3")
endif()

# corpora/gazetteer/places.tsv is generated from Debian's ISO 3166 data; a CTest
# check regenerates it to prove the committed file is that data.
set(WIRESPEED_ISO_CODES_DIR /usr/share/iso-codes/json)
if(NOT EXISTS ${WIRESPEED_ISO_CODES_DIR}/iso_3166-2.json)
  wirespeed_missing("ISO 3166 data (${WIRESPEED_ISO_CODES_DIR})" "iso-codes")
endif()

# bench/report.py draws its charts with Debian's matplotlib (its test runs in CTest).
execute_process(COMMAND ${WIRESPEED_PYTHON3} -c "import matplotlib"
                RESULT_VARIABLE WIRESPEED_MATPLOTLIB_MISSING OUTPUT_QUIET ERROR_QUIET)
if(WIRESPEED_MATPLOTLIB_MISSING)
  wirespeed_missing("matplotlib for ${WIRESPEED_PYTHON3}" "python3-matplotlib")
endif()
# The corpus generator's .jsonl.zst output and bench/run.sh compress with the zstd command.
find_program(WIRESPEED_ZSTD zstd)
if(NOT WIRESPEED_ZSTD)
  wirespeed_missing("the zstd command" "zstd")
endif()

# The Python module (python/): Debian's pybind11 for Debian's python3; its
# tests run pytest, and the scale-out example Dask distributed.
if(WIRESPEED_BUILD_PYTHON)
  set(PYTHON_EXECUTABLE ${WIRESPEED_PYTHON3} CACHE FILEPATH "python3 the module is built for")
  find_package(pybind11 CONFIG QUIET)
  if(NOT pybind11_FOUND)
    wirespeed_missing("pybind11 for ${WIRESPEED_PYTHON3}" "pybind11-dev python3-dev")
  endif()
  if(WIRESPEED_BUILD_TESTS)
    foreach(_ws_module_package IN ITEMS "pytest;python3-pytest" "distributed;python3-distributed")
      list(GET _ws_module_package 0 _ws_module)
      list(GET _ws_module_package 1 _ws_package)
      execute_process(COMMAND ${WIRESPEED_PYTHON3} -c "import ${_ws_module}"
                      RESULT_VARIABLE _ws_module_missing OUTPUT_QUIET ERROR_QUIET)
      if(_ws_module_missing)
        wirespeed_missing("${_ws_module} for ${WIRESPEED_PYTHON3}" "${_ws_package}")
      endif()
    endforeach()
  endif()
endif()
