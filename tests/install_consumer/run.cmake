# ctest -P driver: installs the build tree into PREFIX, configures and builds
# tests/install_consumer against it (nothing from the build tree on its search
# path), runs the static and shared binaries and compares with expected.txt;
# then builds main.cpp once more from `pkg-config --static wirespeed` flags.
# Last, when the Python module is built, imports it from the installed tree
# and scans the same text with it.
# Inputs: -DBUILD_DIR= -DSOURCE_DIR= -DWORK_DIR= -DCXX= -DGENERATOR= [-DEXTRA_LINK_FLAGS=]
#         (sanitizer builds: the instrumented archive needs the runtime)
#         [-DPYTHON= -DPYTHON_DIR=] (the module's interpreter and install directory)
cmake_minimum_required(VERSION 3.25)

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK_DIR}/prefix)
set(consumer_build ${WORK_DIR}/build)
file(REMOVE_RECURSE ${prefix})
run_step("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

run_step("configuring the consumer" ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${consumer_build}
  -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Release
  -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
run_step("building the consumer" ${CMAKE_COMMAND} --build ${consumer_build})

file(READ ${SOURCE_DIR}/expected.txt expected)
set(text "Angela Merkel said 300 million people.")
foreach(binary consumer_static consumer_shared)
  run_step("running ${binary}" ${consumer_build}/${binary} ${SOURCE_DIR}/patterns.txt "${text}")
  if(NOT step_output STREQUAL expected)
    message(FATAL_ERROR "${binary} printed:\n${step_output}\nexpected:\n${expected}")
  endif()
endforeach()

# The shared binary must load the installed libwirespeed.so, not a copy elsewhere.
run_step("ldd" ldd ${consumer_build}/consumer_shared)
if(NOT step_output MATCHES "${prefix}/[^ ]*/libwirespeed\\.so")
  message(FATAL_ERROR "consumer_shared does not use the installed library:\n${step_output}")
endif()

# pkg-config users: the static link needs Requires.private/Libs.private.
file(GLOB pc_dirs ${prefix}/lib*/pkgconfig ${prefix}/lib/*/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "${pc_dirs}")
run_step("pkg-config" pkg-config --cflags --libs --static wirespeed)
string(STRIP "${step_output}" pc_flags)
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
run_step("pkg-config libdir" pkg-config --variable=libdir wirespeed)
string(STRIP "${step_output}" pc_libdir)
list(REMOVE_ITEM pc_flags -lwirespeed) # link the archive itself, not the .so beside it
run_step("linking from pkg-config flags" ${CXX} -std=c++20 -O1 ${SOURCE_DIR}/main.cpp
  -o ${WORK_DIR}/consumer_pkgconfig ${pc_libdir}/libwirespeed.a ${pc_flags} ${EXTRA_LINK_FLAGS})
run_step("running consumer_pkgconfig" ${WORK_DIR}/consumer_pkgconfig ${SOURCE_DIR}/patterns.txt
  "${text}")
if(NOT step_output STREQUAL expected)
  message(FATAL_ERROR "consumer_pkgconfig printed:\n${step_output}")
endif()

if(PYTHON)
  set(ENV{PYTHONPATH} "${prefix}/${PYTHON_DIR}")
  run_step("importing the installed Python module" ${PYTHON} -c
    "import sys, wirespeed
assert wirespeed.__file__.startswith(sys.argv[1]), wirespeed.__file__
print(wirespeed.compile(['Angela Merkel', 'million']).scan(sys.argv[2]).tolist())"
    "${prefix}" "${text}")
  if(NOT step_output STREQUAL "[(0, 0, 13), (1, 23, 30)]\n")
    message(FATAL_ERROR "the installed Python module printed:\n${step_output}")
  endif()
endif()
