# Every dependency comes from a Debian 12 package that scripts/setup.sh
# installs. docs/dependencies.md says why each one was chosen.

find_package(PkgConfig REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
find_package(spdlog 1.10 REQUIRED)
find_package(OpenSSL 3.0 REQUIRED)
find_package(LibArchive 3.6 REQUIRED)
find_package(LibXml2 2.9 REQUIRED)
find_package(pugixml 1.13 REQUIRED)
find_package(SQLite3 3.40 REQUIRED)
find_package(ZLIB 1.2 REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(TOMLPLUSPLUS REQUIRED IMPORTED_TARGET tomlplusplus)
pkg_check_modules(LIBYAML REQUIRED IMPORTED_TARGET yaml-0.1)
# Kernel modules compressed with xz (.ko.xz).
pkg_check_modules(LIBLZMA REQUIRED IMPORTED_TARGET liblzma)

# The allocator the kensa executable and the benchmarks run with
# (kensa_use_mimalloc below). Sanitizer builds keep the C library's, which
# AddressSanitizer replaces with its own.
if(NOT KENSA_SANITIZERS)
  find_package(mimalloc 2.0 REQUIRED)
endif()

# Makes `target` run with mimalloc instead of glibc's malloc: reading or
# writing a big SBOM allocates millions of small strings and nodes, and
# mimalloc does that work about a third faster (docs/dependencies.md). The
# shared library replaces malloc and operator new for the whole process as
# soon as it is loaded; --no-as-needed keeps it loaded although no symbol of
# it is named.
function(kensa_use_mimalloc target)
  if(NOT KENSA_SANITIZERS)
    target_link_options(${target} PRIVATE "LINKER:--no-as-needed")
    target_link_libraries(${target} PRIVATE mimalloc)
    # Its options: 2 MiB pages for big documents; and an operator new that
    # throws std::bad_alloc when memory runs out, where the library's aborts.
    target_sources(${target} PRIVATE "${PROJECT_SOURCE_DIR}/src/allocator/mimalloc_options.cpp"
                                     "${PROJECT_SOURCE_DIR}/src/allocator/throwing_new.cpp")
    # For code that talks to the allocator itself (the benchmarks return
    # its cached memory before measuring a peak).
    target_compile_definitions(${target} PRIVATE KENSA_WITH_MIMALLOC=1)
  endif()
endfunction()

if(KENSA_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED)
endif()
if(KENSA_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
