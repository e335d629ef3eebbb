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
find_package(yaml-cpp 0.7 REQUIRED)
find_package(SQLite3 3.40 REQUIRED)
find_package(ZLIB 1.2 REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(TOMLPLUSPLUS REQUIRED IMPORTED_TARGET tomlplusplus)

if(KENSA_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED)
endif()
if(KENSA_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
