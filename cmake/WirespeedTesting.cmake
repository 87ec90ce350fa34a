include(GoogleTest)

# wirespeed_add_test(<name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>])
#   One GoogleTest binary; every TEST in it becomes its own CTest test, so a
#   failure names the case. Tests find data through WIRESPEED_SOURCE_DIR and
#   the built CLI through WIRESPEED_CLI.
function(wirespeed_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE wirespeed::toolkit GTest::gtest GTest::gtest_main
                                        wirespeed_internal_flags ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_compile_definitions(${name} PRIVATE WIRESPEED_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  if(TARGET wirespeed)
    target_compile_definitions(${name} PRIVATE WIRESPEED_CLI="$<TARGET_FILE:wirespeed>")
    add_dependencies(${name} wirespeed)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()
