# Compiler settings for kensa's own targets. Linked PRIVATE (or through the
# library's PUBLIC interface for the standard level only), never into
# third-party code.

add_library(kensa_settings INTERFACE)
target_compile_features(kensa_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

# A target whose KENSA_NO_NULL_DEREFERENCE_WARNING property is true goes
# without -Wnull-dereference: GCC 12 raises it falsely inside nlohmann/json
# when many files that read JSON are compiled as one (the batched tests).
add_library(kensa_warnings INTERFACE)
target_compile_options(
  kensa_warnings
  INTERFACE -Wall
            -Wextra
            -Wpedantic
            -Wshadow
            -Wnon-virtual-dtor
            -Wold-style-cast
            -Wcast-align
            -Woverloaded-virtual
            $<$<NOT:$<BOOL:$<TARGET_PROPERTY:KENSA_NO_NULL_DEREFERENCE_WARNING>>>:-Wnull-dereference>
            -Wimplicit-fallthrough
            -Wformat=2)
if(KENSA_WARNINGS_AS_ERRORS)
  target_compile_options(kensa_warnings INTERFACE -Werror)
endif()

if(KENSA_SANITIZERS)
  # Sanitizers apply to everything we compile so that inlined template code
  # from headers is checked too.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

if(KENSA_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "KENSA_FUZZ needs clang (libFuzzer): configure with the fuzz preset")
  endif()
  # Coverage feedback for libFuzzer in everything kensa_fuzz runs; only the
  # fuzz executable links libFuzzer's main (fuzz/CMakeLists.txt). The
  # sanitizer runtime provides the coverage hooks' defaults elsewhere, so the
  # tests built alongside link as usual.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
