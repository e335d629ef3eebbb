// conda-meta records and an environment file as conda-forge tooling and
// syft's tests have them (tests/fixtures/conda/README.md), and
// environments with dependencies, pip: lists and malformed input written
// here in conda's layout.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

const model::Component& conda_package(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

bool conda_warned(const model::Document& document, std::string_view location,
                  std::string_view text) {
  auto warnings = native::warnings(document);
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

std::string conda_record(std::string_view name, std::string_view version,
                         std::string_view depends) {
  return "{\"name\": \"" + std::string(name) + "\", \"version\": \"" + std::string(version) +
         "\", \"build\": \"h1_0\", \"subdir\": \"linux-64\", \"channel\": "
         "\"https://repo.anaconda.com/pkgs/main/linux-64\", \"fn\": \"" +
         std::string(name) + "-" + std::string(version) + "-h1_0.tar.bz2\", \"depends\": [" +
         std::string(depends) + "]}";
}

} // namespace

TEST_CASE("conda-meta: installed packages with their build, channel and hashes",
          "[conda][conda-meta]") {
  auto document = native::scan_with(fixture("conda/env"), "conda");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 2);

  const auto& zlib = conda_package(
      document, "pkg:conda/zlib@1.2.11?build=h90dfc92_1014&channel=conda-forge&subdir=osx-arm64"
                "&type=tar.bz2");
  CHECK(zlib.version == "1.2.11");
  REQUIRE(zlib.licenses_declared.size() == 1);
  REQUIRE(zlib.hashes.size() == 2);
  CHECK(zlib.hashes[0].hex == "348a30b1350c9d91a4dbf05f5e46e0bb");
  CHECK(zlib.hashes[1].hex == "a70c028fd3b9af1d7ea3d7099d810f3d2588096237bb472db331a51a36f931c0");
  CHECK(native::property(zlib, "kensa:conda:channel") == "https://conda.anaconda.org/conda-forge/");
  REQUIRE(zlib.evidence.size() == 1);
  CHECK(zlib.evidence[0].location == "conda-meta/zlib-1.2.11-h90dfc92_1014.json");

  const auto& jupyterlab = conda_package(
      document,
      "pkg:conda/jupyterlab@4.4.3?build=pyhd8ed1ab_0&channel=conda-forge&subdir=noarch&type=conda");
  CHECK(native::property(jupyterlab, "kensa:conda:build") == "pyhd8ed1ab_0");
  // zlib needs libzlib and jupyterlab needs python: neither is installed
  // here.
  CHECK(native::edges(document, model::RelationshipType::depends_on).empty());
}

TEST_CASE("conda-meta: dependencies resolve within each environment", "[conda][conda-meta]") {
  fs::path folder = scratch_dir("conda-envs");
  fs::create_directories(folder / "base" / "conda-meta");
  fs::create_directories(folder / "base" / "envs" / "tools" / "conda-meta");
  native::write_bytes(folder / "base" / "conda-meta" / "python-3.11.5-h1_0.json",
                      conda_record("python", "3.11.5", "\"__glibc >=2.17\", \"openssl >=3.0\""));
  native::write_bytes(folder / "base" / "conda-meta" / "openssl-3.0.10-h1_0.json",
                      conda_record("openssl", "3.0.10", "\"ca-certificates\""));
  native::write_bytes(folder / "base" / "envs" / "tools" / "conda-meta" /
                          "openssl-1.1.1w-h1_0.json",
                      conda_record("openssl", "1.1.1w", ""));
  auto document = native::scan_with(folder, "conda");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 3);
  const auto& python = conda_package(
      document, "pkg:conda/python@3.11.5?build=h1_0&channel=main&subdir=linux-64&type=tar.bz2");
  CHECK(python.name == "python");
  // python's openssl is the one beside it, not the other environment's.
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"python@3.11.5 -> openssl@3.0.10"});
}

TEST_CASE("environment.yml: conda specs as written, pinned versions only", "[conda][environment]") {
  auto document = native::scan_with(fixture("conda/environment-yml"), "conda");
  CHECK(native::warnings(document).empty());
  // 14 packages, the commented pip: list left out.
  CHECK(document.components.size() == 15);
  const auto& python = native::only(document, "python");
  CHECK(python.version.empty());
  CHECK(python.purl == "pkg:conda/python");
  CHECK(native::property(python, "kensa:conda:requirement") == "=3.10.*");
  const auto& dask = native::only(document, "dask");
  CHECK(native::property(dask, "kensa:conda:requirement") == "=2022.4.0");
  CHECK(
      native::edges(document, model::RelationshipType::depends_on).count("data-science -> dask") ==
      1);
}

TEST_CASE("environment.yml: exact pins, channels and pip: lists", "[conda][environment]") {
  fs::path folder = scratch_dir("conda-environment") / "analysis";
  fs::create_directories(folder);
  native::write_bytes(folder / "environment.yml", R"(channels:
  - conda-forge
dependencies:
  - conda-forge::numpy==1.26.4
  - libblas=3.9.0=20_linux64_openblas
  - scipy>=1.11
  - pip
  - pip:
      - requests==2.31.0
      - Flask_Cors>=4.0
      - -r requirements-dev.txt
)");
  auto document = native::scan_with(folder.parent_path(), "conda");
  INFO(Catch::Detail::stringify(native::warnings(document)));
  CHECK(conda_package(document, "pkg:conda/numpy@1.26.4?channel=conda-forge").version == "1.26.4");
  CHECK(conda_package(document, "pkg:conda/libblas@3.9.0?build=20_linux64_openblas").name ==
        "libblas");
  CHECK(native::only(document, "scipy").version.empty());
  const auto& requests = conda_package(document, "pkg:pypi/requests@2.31.0");
  CHECK(requests.ecosystem == "pypi");
  const auto& cors = conda_package(document, "pkg:pypi/flask-cors");
  CHECK(cors.name == "Flask_Cors");
  CHECK(native::property(cors, "kensa:pypi:requirement") == ">=4.0");
  CHECK(conda_warned(document, "analysis/environment.yml", "-r requirements-dev.txt"));
  // The environment has no name: the root is the folder.
  CHECK(native::edges(document, model::RelationshipType::depends_on).size() == 6);
}

TEST_CASE("conda: malformed files are warnings naming the file", "[conda]") {
  fs::path folder = scratch_dir("conda-malformed");
  fs::create_directories(folder / "env" / "conda-meta");
  native::write_bytes(folder / "env" / "conda-meta" / "broken-1-0.json", "{\"name\": ");
  native::write_bytes(folder / "env" / "conda-meta" / "nameless-1-0.json", "{\"version\": \"1\"}");
  native::write_bytes(folder / "env" / "conda-meta" / "odd-1-0.json",
                      R"({"name": "odd", "version": "1", "md5": "xyz", "depends": "a b",
                      "files": 4})");
  native::write_bytes(folder / "env" / "conda-meta" / "list-1-0.json", "[1, 2]");
  fs::create_directories(folder / "yaml");
  native::write_bytes(folder / "yaml" / "environment.yml", "dependencies: [a, {b: c}, [d]");
  fs::create_directories(folder / "shape");
  native::write_bytes(folder / "shape" / "environment.yml",
                      "dependencies:\n  - {other: [x]}\n  - [nested]\n  - \"==1.0\"\n");
  fs::create_directories(folder / "top");
  native::write_bytes(folder / "top" / "environment.yaml", "- just\n- a list\n");
  auto document = native::scan_with(folder, "conda");
  INFO(Catch::Detail::stringify(native::warnings(document)));
  CHECK(conda_warned(document, "env/conda-meta/broken-1-0.json", "not valid JSON"));
  CHECK(conda_warned(document, "env/conda-meta/nameless-1-0.json", "no \"name\" or \"version\""));
  CHECK(conda_warned(document, "env/conda-meta/odd-1-0.json", "not a digest of 32 hex digits"));
  CHECK(conda_warned(document, "env/conda-meta/odd-1-0.json", "\"depends\" is a string"));
  CHECK(conda_warned(document, "env/conda-meta/odd-1-0.json", "\"files\" is a number"));
  CHECK(conda_warned(document, "env/conda-meta/list-1-0.json", "not a JSON object"));
  CHECK(conda_warned(document, "yaml/environment.yml", "line"));
  CHECK(conda_warned(document, "shape/environment.yml", "not a pip: list"));
  CHECK(conda_warned(document, "shape/environment.yml", "neither text nor a pip: list"));
  CHECK(conda_warned(document, "shape/environment.yml", "names no package"));
  CHECK(conda_warned(document, "top/environment.yaml", "top level is not a map"));
  CHECK(native::only(document, "odd").version == "1");
}
