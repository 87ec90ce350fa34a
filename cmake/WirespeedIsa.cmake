# One OBJECT library per (kernel, ISA), each compiled with its own -m flags.
# xsimd fixes its architecture from the compiler's ISA macros at first include,
# so an ISA cannot share a translation unit with another; everything outside
# these objects builds for the baseline CPU (never -march=native).
#
# The runtime check in toolkit/src/simd/isa.cpp must test every feature that a
# flag set below enables: the compiler may emit any of them anywhere in the TU.
include(CheckCXXCompilerFlag)

set(WIRESPEED_ISA_FLAGS_sse4_2 -msse4.2 -mpopcnt)
set(WIRESPEED_ISA_FLAGS_avx2 -mavx2 -mbmi -mbmi2 -mpopcnt)
# xsimd 8.1 derives avx512bw from avx512dq and avx512cd, so those are needed too.
set(WIRESPEED_ISA_FLAGS_avx512bw -mavx512f -mavx512cd -mavx512dq -mavx512bw -mavx512vl -mavx2 -mbmi
    -mbmi2 -mpopcnt)
set(WIRESPEED_ISA_FLAGS_neon64 "")

set(WIRESPEED_ISAS "")
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64|amd64")
  list(APPEND WIRESPEED_ISAS sse4_2 avx2)
  check_cxx_compiler_flag("-mavx512bw" WIRESPEED_COMPILER_HAS_AVX512BW)
  if(WIRESPEED_COMPILER_HAS_AVX512BW)
    list(APPEND WIRESPEED_ISAS avx512bw)
  endif()
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "aarch64|arm64")
  list(APPEND WIRESPEED_ISAS neon64)
endif()
message(STATUS "wirespeed: SIMD kernels for: scalar ${WIRESPEED_ISAS}")

# wirespeed_add_isa_kernels(<target> <pattern>)
#   <pattern> is a source path containing the token ISA, e.g. isa/classify_ISA.cpp.
#   For each ISA this compiler can build, compiles that file with the ISA's flags
#   into <target>, and defines WIRESPEED_HAVE_<ISA> on <target> so the dispatch
#   table knows which kernels exist.
function(wirespeed_add_isa_kernels target pattern)
  foreach(isa IN LISTS WIRESPEED_ISAS)
    string(REPLACE "ISA" "${isa}" source "${pattern}")
    get_filename_component(stem "${source}" NAME_WE)
    set(objects "${target}_${stem}")
    add_library(${objects} OBJECT "${source}")
    target_compile_options(${objects} PRIVATE ${WIRESPEED_ISA_FLAGS_${isa}})
    target_link_libraries(${objects} PRIVATE wirespeed::xsimd wirespeed_internal_flags)
    target_include_directories(${objects} PRIVATE
      $<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>)
    # Whole-program optimisation could inline ISA code into baseline callers.
    set_target_properties(${objects} PROPERTIES
      INTERPROCEDURAL_OPTIMIZATION OFF POSITION_INDEPENDENT_CODE ON)
    target_sources(${target} PRIVATE $<TARGET_OBJECTS:${objects}>)
    string(TOUPPER "${isa}" isa_upper)
    target_compile_definitions(${target} PRIVATE WIRESPEED_HAVE_${isa_upper}=1)
  endforeach()
endfunction()
