// renv.lock as renv wrote it and installed DESCRIPTION files as Debian's
// R packages install them (tests/fixtures/r/README.md), and CRAN, GitHub
// and malformed entries written here in renv's layout.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

const model::Component& r_package(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

bool r_warned(const model::Document& document, std::string_view location, std::string_view text) {
  auto warnings = native::warnings(document);
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

} // namespace

TEST_CASE("installed R packages: Debian's site library and R's own packages", "[r][description]") {
  auto document = native::scan_with(fixture("r/debian-library"), "r");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 4);

  const auto& jsonlite = r_package(document, "pkg:cran/jsonlite@1.8.4");
  CHECK(jsonlite.description == "A Simple and Robust JSON Parser and Generator for R");
  REQUIRE(jsonlite.licenses_declared.size() == 1);
  CHECK(jsonlite.supplier.name == "Jeroen Ooms");
  CHECK(jsonlite.supplier.email == "jeroen@berkeley.edu");
  CHECK(native::property(jsonlite, "kensa:r:repository") == "CRAN");
  REQUIRE(jsonlite.evidence.size() == 1);

  const auto& magrittr = r_package(document, "pkg:cran/magrittr@2.0.3");
  CHECK(magrittr.supplier.name == "Lionel Henry");

  // R's own packages: no purl, versioned with R.
  const auto& methods = native::only(document, "methods");
  CHECK(methods.purl.empty());
  CHECK(methods.version == "4.2.2");
  CHECK(native::property(methods, "kensa:r:base") == "true");

  // Depends: methods; methods imports utils (stats is not installed here).
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"jsonlite@1.8.4 -> methods@4.2.2", "methods@4.2.2 -> utils@4.2.2"});
}

TEST_CASE("renv.lock: Bioconductor and local packages", "[r][renv-lock]") {
  auto document = native::scan_with(fixture("r/renv-bioconductor"), "r");
  CHECK(native::warnings(document).empty());
  const auto& limma = native::only(document, "limma");
  auto purl = model::parse_purl(limma.purl);
  REQUIRE(purl.ok());
  CHECK(purl->type == "cran");
  CHECK(purl->version == "3.50.0");
  CHECK(purl->qualifier("repository_url") == "https://bioconductor.org/packages/3.13/bioc");
  CHECK(native::property(limma, "kensa:r:description-md5") == "25679c54c2737e06835c5484682990b5");
  CHECK(native::property(limma, "kensa:r:r-version") == "4.1.2");
  CHECK(native::property(limma, "kensa:r:git-commit") == "657b19b");
  CHECK(limma.hashes.empty());
  const auto& renv = native::only(document, "renv");
  CHECK(renv.purl.empty());
  CHECK(renv.version == "0.14.0-69");
  CHECK(native::property(renv, "kensa:r:source") == "Local");
  // Nothing requires anything: all three are the project's.
  CHECK(native::edges(document, model::RelationshipType::depends_on).size() == 3);
}

TEST_CASE("renv.lock: CRAN and GitHub packages and their requirements", "[r][renv-lock]") {
  fs::path folder = scratch_dir("r-renv-graph") / "analysis";
  fs::create_directories(folder);
  native::write_bytes(folder / "renv.lock", R"({
  "R": {
    "Version": "4.4.1",
    "Repositories": [
      {
        "Name": "CRAN",
        "URL": "https://cloud.r-project.org"
      }
    ]
  },
  "Packages": {
    "cli": {
      "Package": "cli",
      "Version": "3.6.2",
      "Source": "Repository",
      "Repository": "CRAN",
      "Requirements": [
        "R",
        "utils"
      ],
      "Hash": "1216ac65ac55ec0058a6f75d7ca0fd52"
    },
    "mime": {
      "Package": "mime",
      "Version": "0.12.1",
      "Source": "GitHub",
      "RemoteType": "github",
      "RemoteHost": "api.github.com",
      "RemoteUsername": "yihui",
      "RemoteRepo": "mime",
      "RemoteRef": "main",
      "RemoteSha": "1763e0dcb72fb58d97bab97bb834fc71f1e012bc",
      "Requirements": [
        "tools",
        "cli"
      ],
      "Hash": "c2772b6269924dad6784aaa1d99dbb86"
    }
  }
}
)");
  auto document = native::scan_with(folder.parent_path(), "r");
  CHECK(native::warnings(document).empty());
  CHECK(r_package(document, "pkg:cran/cli@3.6.2").scope == model::Scope::required);
  const auto& mime = native::only(document, "mime");
  auto purl = model::parse_purl(mime.purl);
  REQUIRE(purl.ok());
  CHECK(purl->version == "0.12.1");
  CHECK(purl->qualifier("vcs_url") ==
        "git+https://github.com/yihui/mime@1763e0dcb72fb58d97bab97bb834fc71f1e012bc");
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"analysis -> mime@0.12.1", "mime@0.12.1 -> cli@3.6.2"});
}

TEST_CASE("r: malformed files are warnings naming the file", "[r]") {
  fs::path folder = scratch_dir("r-malformed");
  fs::create_directories(folder / "syntax");
  native::write_bytes(folder / "syntax" / "renv.lock", "{\"Packages\": {");
  fs::create_directories(folder / "entries");
  native::write_bytes(folder / "entries" / "renv.lock",
                      R"({"Packages": {"bad": 7, "odd": {"Package": "odd", "Version": "1.0",
                      "Source": "Repository", "Hash": "nothex", "Requirements": "x"},
                      "lost": {"Version": "2.0", "Requirements": ["nowhere"]}}})");
  fs::create_directories(folder / "shape");
  native::write_bytes(folder / "shape" / "renv.lock", R"({"Packages": [1, 2]})");
  fs::create_directories(folder / "lib" / "site-library" / "nameless");
  native::write_bytes(folder / "lib" / "site-library" / "nameless" / "DESCRIPTION",
                      "Version: 1.0\n  stray continuation\nno colon here\n");
  fs::create_directories(folder / "lib" / "site-library" / "early");
  native::write_bytes(folder / "lib" / "site-library" / "early" / "DESCRIPTION",
                      "  continuation first\nPackage: early\nVersion: 0.1\n");
  auto document = native::scan_with(folder, "r");
  INFO(Catch::Detail::stringify(native::warnings(document)));
  CHECK(r_warned(document, "syntax/renv.lock", "not valid JSON"));
  CHECK(r_warned(document, "entries/renv.lock", "package bad is a number, not an object"));
  CHECK(r_warned(document, "entries/renv.lock", "Hash \"nothex\" is not an MD5"));
  CHECK(r_warned(document, "entries/renv.lock", "Requirements is not a list"));
  CHECK(r_warned(document, "entries/renv.lock", "nowhere"));
  CHECK(r_warned(document, "shape/renv.lock", "\"Packages\" is an array, not an object"));
  CHECK(r_warned(document, "lib/site-library/nameless/DESCRIPTION", "no Package field"));
  CHECK(r_warned(document, "lib/site-library/nameless/DESCRIPTION", "not a \"Field: value\""));
  CHECK(r_warned(document, "lib/site-library/early/DESCRIPTION", "continuation line before"));
  CHECK(r_package(document, "pkg:cran/odd@1.0").name == "odd");
  CHECK(r_package(document, "pkg:cran/early@0.1").name == "early");
}
