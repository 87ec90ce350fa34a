# Flags every wirespeed target compiles with, carried by one INTERFACE target
# (linked PRIVATE) so nothing leaks into consumers of the installed library.
add_library(wirespeed_internal_flags INTERFACE)
target_compile_options(wirespeed_internal_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor> -Wimplicit-fallthrough
  $<$<BOOL:${WIRESPEED_WERROR}>:-Werror>
  # GCC and Clang Debug builds of SIMD code are unusably slow at -O0.
  $<$<CONFIG:Debug>:-Og>)

if(WIRESPEED_SANITIZE)
  target_compile_options(wirespeed_internal_flags INTERFACE
    -fsanitize=${WIRESPEED_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(wirespeed_internal_flags INTERFACE -fsanitize=${WIRESPEED_SANITIZE})
endif()

# libFuzzer needs coverage from the library too, not only from the target.
if(WIRESPEED_FUZZ)
  target_compile_options(wirespeed_internal_flags INTERFACE -fsanitize=fuzzer-no-link)
endif()
