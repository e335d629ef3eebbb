// requirements files: the real pip syntax (checked with pip's own parser,
// tests/fixtures/python/README.md), includes, constraints, hashes, URLs.
#include "python_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::python;

namespace {

const ScanResult& requirements() {
  static const ScanResult result = scan_fixture("requirements-txt");
  return result;
}

constexpr std::string_view k_main = "requirements-txt/requirements.txt";
constexpr std::string_view k_dev = "requirements-txt/requirements-dev.txt";

std::vector<std::string> locations_of(const model::Component& component) {
  std::vector<std::string> locations;
  for (const auto& evidence : component.evidence) {
    locations.push_back(evidence.location);
  }
  return locations;
}

} // namespace

TEST_CASE("python requirements: pinned versions, hashes, markers and extras", "[scanner][python]") {
  INFO(Catch::Detail::stringify(requirements().warnings()));
  CHECK(requirements().warnings().empty());
  const auto& certifi = requirements().component("pkg:pypi/certifi@2024.2.2");
  CHECK(hashes_of(certifi) ==
        std::set<std::string>{
            "SHA-256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f",
            "SHA-256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1"});
  CHECK(locations_of(certifi) == std::vector<std::string>{std::string(k_main)});

  const auto& requests = requirements().component("pkg:pypi/requests@2.32.4");
  CHECK(hashes_of(requests).size() == 2);
  CHECK(property(requests, "kensa:python:marker") == "python_version >= \"3.8\"");
  CHECK(property(requests, "kensa:python:extras") == "socks");

  // "===" is an exact pin too.
  CHECK(requirements().find("pkg:pypi/urllib3@2.2.1") != nullptr);
}

TEST_CASE("python requirements: constraints pin unpinned requirements", "[scanner][python]") {
  const auto& idna = requirements().component("pkg:pypi/idna@3.7");
  CHECK(property(idna, "kensa:python:constraint") == "requirements-txt/constraints.txt");
  const auto& charset = requirements().component("pkg:pypi/charset-normalizer@3.3.2");
  CHECK(property(charset, "kensa:python:specifier") == ">=2,<4");
  // The constraints file itself is no list of requirements.
  for (const auto& component : requirements().document.components) {
    for (const auto& evidence : component.evidence) {
      CHECK(evidence.location != "requirements-txt/constraints.txt");
    }
  }
}

TEST_CASE("python requirements: unpinned, URL and VCS requirements get no version",
          "[scanner][python]") {
  const auto& pytest = requirements().unversioned("pytest");
  CHECK(pytest.version.empty());
  CHECK(property(pytest, "kensa:python:specifier") == ">=8");

  const auto& attrs = requirements().unversioned("attrs");
  CHECK(property(attrs, "kensa:python:source") ==
        "https://files.pythonhosted.org/packages/3a/2a/7cc015f5b9f5db42b7d48157e23356022889fc354a2"
        "813c15934b7cb5c0e/attrs-25.4.0-py3-none-any.whl");
  REQUIRE(attrs.external_references.size() == 1);
  CHECK(attrs.external_references[0].type == "distribution");

  const auto& itsdangerous = requirements().unversioned("itsdangerous");
  REQUIRE(itsdangerous.external_references.size() == 1);
  CHECK(itsdangerous.external_references[0].type == "vcs");
  CHECK(itsdangerous.external_references[0].url ==
        "git+https://github.com/pallets/itsdangerous.git@2.2.0#egg=itsdangerous");

  // A wheel URL without "name @": the name comes from the file name.
  const auto& anyio = requirements().unversioned("anyio");
  CHECK(anyio.version.empty());

  // A folder is not a package name: "-e ./tools/kensa-fixture-tool" is no
  // component (the tool's own metadata names it where it is installed).
  for (const auto& component : requirements().document.components) {
    CHECK(component.name.find('/') == std::string::npos);
    CHECK(component.name != ".");
  }
}

TEST_CASE("python requirements: a folder or a URL that names no package is no component",
          "[scanner][python]") {
  auto result = scan_files({file("requirements.txt", ".\n"
                                                     "-e .\n"
                                                     "../sibling\n"
                                                     "https://example.org/download/latest\n"
                                                     "six==1.16.0\n")});
  REQUIRE(result.document.components.size() == 1);
  CHECK(result.find("pkg:pypi/six@1.16.0") != nullptr);
  CHECK(result.mentions("requirements.txt",
                        "line 4: https://example.org/download/latest names no package"));
  CHECK_FALSE(result.mentions("requirements.txt", "line 1"));
}

TEST_CASE("python requirements: -r includes resolved among the scanned files",
          "[scanner][python]") {
  auto result = scan_files({file("app/requirements-dev.txt", "-r requirements.txt\n"
                                                             "-r base/requirements.txt\n"
                                                             "-c missing-constraints.txt\n"
                                                             "pytest==8.3.5\n"),
                            file("app/requirements.txt", "flask==3.1.1\n")});
  INFO(Catch::Detail::stringify(result.warnings()));
  CHECK(result.mentions("app/requirements-dev.txt",
                        "line 2: -r app/base/requirements.txt is not in the scanned input"));
  CHECK(result.mentions("app/requirements-dev.txt",
                        "line 3: -c app/missing-constraints.txt is not in the scanned input"));
  CHECK_FALSE(result.mentions("app/requirements-dev.txt", "-r app/requirements.txt"));
  CHECK(result.find("pkg:pypi/flask@3.1.1") != nullptr);
  CHECK(result.find("pkg:pypi/pytest@8.3.5") != nullptr);
}

TEST_CASE("python requirements: pip's options are not packages", "[scanner][python]") {
  auto result = scan_files(
      {file("requirements.txt", "--index-url https://example.org/simple\n"
                                "--extra-index-url=https://example.org/extra\n"
                                "-f ./wheels\n"
                                "--no-binary :all:\n"
                                "--pre\n"
                                "six==1.16.0 --hash sha256:"
                                "8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254\n"
                                "--frobnicate\n")});
  CHECK(result.document.components.size() == 1);
  const auto& six = result.component("pkg:pypi/six@1.16.0");
  CHECK(hashes_of(six).size() == 1);
  CHECK(result.mentions("requirements.txt", "line 7: unknown option \"--frobnicate\""));
}

TEST_CASE("python requirements: a file: URL is named as such, a web URL as on the network",
          "[scanner][python]") {
  auto result = scan_files({file("requirements.txt", "-r file:///etc/passwd\n"
                                                     "-c https://example.org/c.txt\n"
                                                     "flask==3.1.1\n")});
  CHECK(result.mentions("requirements.txt",
                        "line 1: -r file:///etc/passwd: a file URL is not followed"));
  CHECK(result.mentions("requirements.txt",
                        "line 2: -c https://example.org/c.txt: a file on the network"));
  CHECK(result.find("pkg:pypi/flask@3.1.1") != nullptr);
}
