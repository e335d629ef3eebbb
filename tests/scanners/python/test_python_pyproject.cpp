// pyproject.toml on its own: the project and its direct dependencies.
#include "python_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::python;
using model::Scope;

TEST_CASE("python pyproject.toml (PEP 621) without a lockfile", "[scanner][python]") {
  auto result = scan_fixture("pyproject-setuptools");
  INFO(Catch::Detail::stringify(result.warnings()));
  CHECK(result.warnings().empty());
  auto roots = result.roots();
  REQUIRE(roots.size() == 1);
  const auto& root = *roots[0];
  CHECK(root.name == "kensa_fixture.Tool");
  CHECK(root.purl == "pkg:pypi/kensa-fixture-tool@0.3.0");
  CHECK(licenses_of(root) == std::set<std::string>{"MIT"});
  REQUIRE(root.authors.size() == 1);
  CHECK(root.authors[0].email == "fixtures@example.org");
  CHECK(result.edges_from_id(root.id) ==
        std::set<std::string>{"certifi depends-on", "charset-normalizer optional-depends-on",
                              "idna depends-on", "requests depends-on"});
  const auto& requests = result.unversioned("requests");
  CHECK(property(requests, "kensa:python:specifier") == ">=2.30");
  CHECK(property(requests, "kensa:python:marker") == "python_version >= '3.10'");
  CHECK(requests.scope == Scope::required);
  const auto& charset = result.unversioned("charset-normalizer");
  CHECK(charset.scope == Scope::optional);
  CHECK(property(charset, "kensa:python:group") == "color");
}

TEST_CASE("python pyproject.toml: Poetry groups, dependency groups, pins", "[scanner][python]") {
  auto result = scan_files({file("svc/pyproject.toml", R"(
[project]
name = "svc"
dynamic = ["version"]
license = "Apache-2.0 OR MIT"
dependencies = ["flask==3.1.1", "mylib @ git+https://github.com/example/mylib.git@v1"]

[dependency-groups]
test = ["pytest>=8", {include-group = "lint"}]
lint = ["ruff"]

[tool.black]
line-length = 100
)"),
                            file("poet/pyproject.toml", R"(
[tool.poetry]
name = "poet"
version = "1.0.0"
license = "MIT"

[tool.poetry.dependencies]
python = "^3.11"
requests = "2.32.3"
rich = {version = "^13", optional = true}

[tool.poetry.group.docs.dependencies]
mkdocs = "*"
)"),
                            file("tools-only/pyproject.toml", "[tool.ruff]\nline-length = 88\n")});
  INFO(Catch::Detail::stringify(result.warnings()));
  CHECK(result.warnings().empty());
  CHECK(result.roots().size() == 2);

  const auto& svc = result.unversioned("svc");
  CHECK(svc.type == model::ComponentType::application);
  CHECK(licenses_of(svc) == std::set<std::string>{"Apache-2.0 OR MIT"});
  CHECK(result.edges_from_id(svc.id) ==
        std::set<std::string>{"mylib depends-on", "pkg:pypi/flask@3.1.1 depends-on",
                              "pytest dev-depends-on", "ruff dev-depends-on"});
  CHECK(result.unversioned("ruff").development);

  CHECK(result.edges_from("pkg:pypi/poet@1.0.0") ==
        std::set<std::string>{"mkdocs dev-depends-on", "pkg:pypi/requests@2.32.3 depends-on",
                              "rich optional-depends-on"});
  CHECK(property(result.unversioned("rich"), "kensa:python:specifier") == "^13");
}
