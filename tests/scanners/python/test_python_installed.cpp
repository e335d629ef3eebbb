// Installed packages: real .dist-info folders copied from a pip-managed
// site-packages, and real .egg-info folders from Debian's dist-packages
// (tests/fixtures/python/README.md).
#include "../../support/test_support.hpp"
#include "python_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::python;
using model::RelationshipType;

namespace {

const ScanResult& site_packages() {
  static const ScanResult result = scan_fixture("site-packages");
  return result;
}

const ScanResult& dist_packages() {
  static const ScanResult result = scan_fixture("dist-packages");
  return result;
}

} // namespace

TEST_CASE("python installed: every .dist-info is a component", "[scanner][python]") {
  INFO(Catch::Detail::stringify(site_packages().warnings()));
  CHECK(site_packages().warnings().empty());
  CHECK(site_packages().name_versions() ==
        std::set<std::string>{"certifi==2026.5.20", "charset-normalizer==3.4.7", "idna==3.13",
                              "kensa-fixture.Tool==0.3.0", "requests==2.34.2", "urllib3==2.7.0"});
  for (const auto& component : site_packages().document.components) {
    CHECK(component.ecosystem == "pypi");
    CHECK(component.type == model::ComponentType::library);
    REQUIRE(component.evidence.size() == 1);
    CHECK(component.evidence[0].found_by == "python");
    CHECK(component.evidence[0].location.ends_with(".dist-info/METADATA"));
  }
}

TEST_CASE("python installed: the name as written, the purl normalized", "[scanner][python]") {
  const auto& tool = site_packages().component("pkg:pypi/kensa-fixture-tool@0.3.0");
  CHECK(tool.name == "kensa-fixture.Tool");
  CHECK(tool.version == "0.3.0");
  CHECK(tool.evidence[0].location == "site-packages/kensa_fixture.Tool-0.3.0.dist-info/METADATA");
  const auto& charset = site_packages().component("pkg:pypi/charset-normalizer@3.4.7");
  CHECK(charset.name == "charset-normalizer");
}

TEST_CASE("python installed: licenses from License, License-Expression and classifiers",
          "[scanner][python]") {
  // License-Expression (PEP 639).
  CHECK(licenses_of(site_packages().component("pkg:pypi/idna@3.13")) ==
        std::set<std::string>{"BSD-3-Clause"});
  CHECK(licenses_of(site_packages().component("pkg:pypi/urllib3@2.7.0")) ==
        std::set<std::string>{"MIT"});
  // License field and a classifier that agree.
  CHECK(licenses_of(site_packages().component("pkg:pypi/certifi@2026.5.20")) ==
        std::set<std::string>{"MPL-2.0"});
  // "Apache Software License" names no version, so only the field's id.
  CHECK(licenses_of(site_packages().component("pkg:pypi/requests@2.34.2")) ==
        std::set<std::string>{"Apache-2.0"});
  // Only a classifier that names no single license: kept as written.
  CHECK(licenses_of(dist_packages().component("pkg:pypi/colorama@0.4.6")) ==
        std::set<std::string>{"name:License :: OSI Approved :: BSD License"});
  CHECK(licenses_of(dist_packages().component("pkg:pypi/wsgiref@0.1.2")) ==
        std::set<std::string>{"name:PSF or ZPL"});
}

TEST_CASE("python installed: authors, supplier, description and links", "[scanner][python]") {
  const auto& requests = site_packages().component("pkg:pypi/requests@2.34.2");
  CHECK(requests.description == "Python HTTP for Humans.");
  REQUIRE(requests.authors.size() == 1);
  CHECK(requests.authors[0].name == "Kenneth Reitz");
  CHECK(requests.authors[0].email == "me@kennethreitz.org");
  CHECK(requests.supplier.name == "Ian Stapleton Cordasco");
  CHECK(requests.supplier.email == "graffatcolmingov@gmail.com");
  CHECK(std::count(requests.external_references.begin(), requests.external_references.end(),
                   model::ExternalReference{"vcs", "https://github.com/psf/requests"}) == 1);
  CHECK(std::count(requests.external_references.begin(), requests.external_references.end(),
                   model::ExternalReference{"documentation", "https://requests.readthedocs.io"}) ==
        1);

  const auto& charset = site_packages().component("pkg:pypi/charset-normalizer@3.4.7");
  REQUIRE(charset.authors.size() == 1);
  CHECK(charset.authors[0].name == "Ahmed R. TAHRI");

  const auto& certifi = site_packages().component("pkg:pypi/certifi@2026.5.20");
  REQUIRE(certifi.authors.size() == 1);
  CHECK(certifi.authors[0].name == "Kenneth Reitz");
  CHECK(certifi.authors[0].email == "me@kennethreitz.com");
  CHECK(std::count(
            certifi.external_references.begin(), certifi.external_references.end(),
            model::ExternalReference{"website", "https://github.com/certifi/python-certifi"}) == 1);
  CHECK(property(certifi, "kensa:python:top-level") == "certifi");

  const auto& flask = dist_packages().component("pkg:pypi/flask@2.2.2");
  CHECK(flask.name == "Flask");
  CHECK(flask.supplier.name == "Pallets");
  CHECK(flask.supplier.email == "contact@palletsprojects.com");
  CHECK(std::count(flask.external_references.begin(), flask.external_references.end(),
                   model::ExternalReference{"issue-tracker",
                                            "https://github.com/pallets/flask/issues/"}) == 1);
}

TEST_CASE("python installed: Requires-Dist edges between installed packages", "[scanner][python]") {
  CHECK(site_packages().edges_from("pkg:pypi/requests@2.34.2") ==
        std::set<std::string>{
            "pkg:pypi/certifi@2026.5.20 depends-on", "pkg:pypi/charset-normalizer@3.4.7 depends-on",
            "pkg:pypi/idna@3.13 depends-on", "pkg:pypi/urllib3@2.7.0 depends-on"});
  // A marker kensa cannot evaluate keeps the edge; an extra makes it
  // optional. PySocks (requests[socks]) is not installed: no edge.
  CHECK(site_packages().edges_from("pkg:pypi/kensa-fixture-tool@0.3.0") ==
        std::set<std::string>{"pkg:pypi/certifi@2026.5.20 depends-on",
                              "pkg:pypi/charset-normalizer@3.4.7 optional-depends-on",
                              "pkg:pypi/idna@3.13 depends-on",
                              "pkg:pypi/requests@2.34.2 depends-on"});
  CHECK(site_packages().edges_from("pkg:pypi/idna@3.13").empty());
  // requires.txt of an .egg-info: colorama only on Windows, kept.
  CHECK(dist_packages().edges_from("pkg:pypi/click@8.1.3") ==
        std::set<std::string>{"pkg:pypi/colorama@0.4.6 depends-on"});
}

TEST_CASE("python installed: .egg-info folders and files", "[scanner][python]") {
  INFO(Catch::Detail::stringify(dist_packages().warnings()));
  CHECK(dist_packages().warnings().empty());
  CHECK(dist_packages().name_versions() ==
        std::set<std::string>{"Flask==2.2.2", "Jinja2==3.1.2", "MarkupSafe==2.1.2",
                              "Werkzeug==2.2.2", "click==8.1.3", "colorama==0.4.6",
                              "itsdangerous==2.1.2", "wsgiref==0.1.2"});
  const auto& wsgiref = dist_packages().component("pkg:pypi/wsgiref@0.1.2");
  CHECK(wsgiref.evidence[0].location == "dist-packages/wsgiref.egg-info");
  CHECK(wsgiref.description == "WSGI (PEP 333) Reference Library");
}

TEST_CASE("python installed: direct_url.json", "[scanner][python]") {
  const auto& tool = site_packages().component("pkg:pypi/kensa-fixture-tool@0.3.0");
  CHECK(property(tool, "kensa:python:source") ==
        "file:///tmp/pyfx/dist/kensa_fixture.Tool-0.3.0-py3-none-any.whl");
  // A local file is nothing a reader of the SBOM can follow.
  CHECK(std::none_of(tool.external_references.begin(), tool.external_references.end(),
                     [](const auto& reference) { return reference.type == "distribution"; }));

  auto crcmod = scan_fixture("direct-url-archive");
  CHECK(crcmod.warnings().empty());
  const auto& component = crcmod.component("pkg:pypi/crcmod@1.7");
  CHECK(hashes_of(component) ==
        std::set<std::string>{
            "SHA-256:26b11afa5967ba3a7f01a6f44d5eef0293265f57d5b943947018b7992f110f91"});
  CHECK(licenses_of(component) == std::set<std::string>{"MIT"});
}

// six 1.17.0 built and installed by Debian 12's pip and setuptools, which
// copy the LICENSE into the dist-info (tests/fixtures/python/README.md).
TEST_CASE("python installed: a dist-info's license file gives license evidence",
          "[scanner][python][license]") {
  const auto result = scan_fixture("license-files");
  INFO(Catch::Detail::stringify(result.warnings()));
  CHECK(result.warnings().empty());
  const auto& six = result.component("pkg:pypi/six@1.17.0");
  // The declared license stays what METADATA says.
  CHECK(licenses_of(six) == std::set<std::string>{"MIT"});
  REQUIRE(six.license_evidence.size() == 1);
  CHECK(six.license_evidence[0].expression == "MIT");
  CHECK(six.license_evidence[0].location ==
        "license-files/site-packages/six-1.17.0.dist-info/LICENSE");
  CHECK(six.license_evidence[0].method == model::LicenseMatchMethod::text);
  CHECK(six.license_evidence[0].score > 0.93);
  CHECK(six.copyrights == std::vector<std::string>{"Copyright (c) 2010-2024 Benjamin Peterson"});
}

// Metadata 2.4 puts the License-File files under the dist-info's licenses/
// folder, keeping their paths: the LICENSE here is attrs 26.1.0's own
// (tests/fixtures/license-text/pypi-wheels).
TEST_CASE("python installed: files under a dist-info's licenses/ folder are read",
          "[scanner][python][license]") {
  const std::string license = testing::read_file(
      testing::fixture("license-text/pypi-wheels/attrs-26.1.0.dist-info/licenses/LICENSE"));
  const auto result = scan_files(
      {file("site/attrs-26.1.0.dist-info/METADATA",
            "Metadata-Version: 2.4\nName: attrs\nVersion: 26.1.0\nLicense-Expression: MIT\n"
            "License-File: LICENSE\n"),
       file("site/attrs-26.1.0.dist-info/licenses/LICENSE", license),
       // Not a license: bytes no license text shares anything with.
       file("site/attrs-26.1.0.dist-info/licenses/vendor/NOTICE", std::string("\0\x01\xff", 3))});
  CHECK(result.warnings().empty());
  const auto& attrs = result.component("pkg:pypi/attrs@26.1.0");
  REQUIRE(attrs.license_evidence.size() == 1);
  CHECK(attrs.license_evidence[0].expression == "MIT");
  CHECK(attrs.license_evidence[0].location == "site/attrs-26.1.0.dist-info/licenses/LICENSE");
  CHECK(attrs.copyrights ==
        std::vector<std::string>{"Copyright (c) 2015 Hynek Schlawack and the attrs contributors"});
}
