# wirespeed_add_bench(<name> SOURCES <files...> [LIBS <targets...>])
#   One Google Benchmark binary. Run it with --benchmark_format=json for
#   machine-readable results; bench/common provides corpora and context.
function(wirespeed_add_bench name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE wirespeed_bench_common wirespeed::toolkit
                                        benchmark::benchmark wirespeed_internal_flags ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/bench
                                             ${PROJECT_SOURCE_DIR}/toolkit/src)
endfunction()
