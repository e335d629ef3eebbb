// Lockfiles: real files from public projects (tests/fixtures/python/README.md
// says which), with and without the pyproject.toml beside them.
#include "python_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::python;
using model::RelationshipType;
using model::Scope;

TEST_CASE("python poetry.lock 2.1 with pyproject.toml: project, groups, edges, hashes",
          "[scanner][python]") {
  auto result = scan_fixture("poetry-v2.1");
  INFO(Catch::Detail::stringify(result.warnings()));
  CHECK(result.warnings().empty());
  auto roots = result.roots();
  REQUIRE(roots.size() == 1);
  const auto& root = *roots[0];
  CHECK(root.type == model::ComponentType::application);
  CHECK(root.purl == "pkg:pypi/testpkg@0.1.0");
  CHECK(root.evidence.at(0).location == "poetry-v2.1/pyproject.toml");
  REQUIRE(root.authors.size() == 1);
  CHECK(root.authors[0].name == "Alex Goodman");
  CHECK(result.edges_from_id(root.id) ==
        std::set<std::string>{"pkg:pypi/requests@2.32.4 depends-on"});

  CHECK(result.name_versions() ==
        std::set<std::string>{"certifi==2024.2.2", "charset-normalizer==3.3.2", "idna==3.7",
                              "requests==2.32.4", "testpkg==0.1.0", "urllib3==2.2.1"});
  CHECK(result.edges_from("pkg:pypi/requests@2.32.4") ==
        std::set<std::string>{"pkg:pypi/certifi@2024.2.2 depends-on",
                              "pkg:pypi/charset-normalizer@3.3.2 depends-on",
                              "pkg:pypi/idna@3.7 depends-on", "pkg:pypi/urllib3@2.2.1 depends-on"});
  const auto& certifi = result.component("pkg:pypi/certifi@2024.2.2");
  CHECK(certifi.scope == Scope::required);
  CHECK_FALSE(certifi.development);
  CHECK(property(certifi, "kensa:python:group") == "main");
  CHECK(certifi.description == "Python package for providing Mozilla's CA Bundle.");
  CHECK(hashes_of(certifi) ==
        std::set<std::string>{
            "SHA-256:0569859f95fc761b18b45ef421b1290a0f65f147e92a1e5eb3e635f9a5e4e66f",
            "SHA-256:dc383c07b76109f368f6106eee2b593b04a011ea4d55f652c6ca24a754d1cdd1"});
  CHECK(certifi.evidence.at(0).location == "poetry-v2.1/poetry.lock");
}

TEST_CASE("python poetry.lock with category (Poetry 1.x)", "[scanner][python]") {
  auto result = scan_fixture("poetry-v2.0-category");
  CHECK(result.warnings().empty());
  CHECK(result.roots().empty());
  const auto& pypi = result.component("pkg:pypi/pypi@2.1");
  CHECK(pypi.scope == Scope::required);
  CHECK(hashes_of(pypi) ==
        std::set<std::string>{
            "SHA-256:f014c87f871c2143ff613d9d13a59cc8ab8309b048754c27da8c58b21de2c10d"});
}

TEST_CASE("python poetry.lock: dev group, optional extras, git source", "[scanner][python]") {
  auto result = scan_files({file("app/poetry.lock", R"toml(
[[package]]
name = "pytest"
version = "8.3.4"
description = ""
optional = false
python-versions = ">=3.8"
groups = ["dev"]
files = []

[package.dependencies]
colorama = {version = "*", markers = "sys_platform == \"win32\""}

[[package]]
name = "requests"
version = "2.32.3"
description = ""
optional = false
python-versions = ">=3.8"
groups = ["main"]
files = []

[package.dependencies]
PySocks = {version = ">=1.5.6,!=1.5.7", optional = true}

[package.extras]
socks = ["PySocks (>=1.5.6,!=1.5.7)"]

[[package]]
name = "pysocks"
version = "1.7.1"
description = ""
optional = true
python-versions = "*"
groups = ["main"]
files = []

[[package]]
name = "mylib"
version = "0.4.0"
description = ""
optional = false
python-versions = "*"
groups = ["main"]
files = []

[package.source]
type = "git"
url = "https://github.com/example/mylib.git"
reference = "main"
resolved_reference = "0123456789abcdef0123456789abcdef01234567"

[metadata]
lock-version = "2.1"
python-versions = "^3.11"
content-hash = "x"
)toml")});
  INFO(Catch::Detail::stringify(result.warnings()));
  CHECK(result.warnings().empty());
  const auto& pytest = result.component("pkg:pypi/pytest@8.3.4");
  CHECK(pytest.scope == Scope::excluded);
  CHECK(pytest.development);
  CHECK(result.component("pkg:pypi/pysocks@1.7.1").scope == Scope::optional);
  CHECK(result.edges_from("pkg:pypi/requests@2.32.3") ==
        std::set<std::string>{"pkg:pypi/pysocks@1.7.1 optional-depends-on"});
  const auto& mylib = result.component("pkg:pypi/mylib@0.4.0");
  CHECK(property(mylib, "kensa:python:vcs-commit") == "0123456789abcdef0123456789abcdef01234567");
  REQUIRE(mylib.external_references.size() == 1);
  CHECK(mylib.external_references[0].url == "git+https://github.com/example/mylib.git");
}

TEST_CASE("python uv.lock: the project entry, extras, dev groups, derived scopes",
          "[scanner][python]") {
  auto result = scan_fixture("uv");
  INFO(Catch::Detail::stringify(result.warnings()));
  CHECK(result.warnings().empty());
  auto roots = result.roots();
  REQUIRE(roots.size() == 1);
  CHECK(roots[0]->purl == "pkg:pypi/normal@0.1.0");
  CHECK(roots[0]->type == model::ComponentType::application);
  CHECK(result.edges_from("pkg:pypi/normal@0.1.0") ==
        std::set<std::string>{
            "pkg:pypi/httpx@0.28.1 depends-on", "pkg:pypi/orjson@3.10.12 optional-depends-on",
            "pkg:pypi/pytest@8.3.4 dev-depends-on", "pkg:pypi/requests@2.32.0 depends-on"});
  CHECK(result.edges_from("pkg:pypi/httpx@0.28.1") ==
        std::set<std::string>{"pkg:pypi/anyio@4.7.0 depends-on",
                              "pkg:pypi/certifi@2024.12.14 depends-on",
                              "pkg:pypi/httpcore@1.0.7 depends-on", "pkg:pypi/idna@3.10 depends-on",
                              "pkg:pypi/socksio@1.0.0 optional-depends-on"});
  CHECK(result.component("pkg:pypi/requests@2.32.0").scope == Scope::required);
  CHECK(result.component("pkg:pypi/h11@0.14.0").scope == Scope::required);
  // The project asks for httpx[socks], so socksio is needed.
  CHECK(result.component("pkg:pypi/socksio@1.0.0").scope == Scope::required);
  CHECK(result.component("pkg:pypi/orjson@3.10.12").scope == Scope::optional);
  const auto& pytest = result.component("pkg:pypi/pytest@8.3.4");
  CHECK(pytest.scope == Scope::excluded);
  CHECK(pytest.development);
  CHECK(result.component("pkg:pypi/iniconfig@2.0.0").development);
  // exceptiongroup is needed by anyio (runtime) and by pytest (development).
  CHECK(result.component("pkg:pypi/exceptiongroup@1.2.2").scope == Scope::required);
  CHECK(hashes_of(result.component("pkg:pypi/idna@3.10")) ==
        std::set<std::string>{
            "SHA-256:12f65c9b470abda6dc35cf8e63cc574b1c52b11df2c86030af0ac09b01b13ea9",
            "SHA-256:946d195a0d259cbba61165e88e65941f16e9b36ea6ddb97f00452bae8b1287d3"});
  CHECK(result.document.components.size() == 21);
}

TEST_CASE("python pdm.lock", "[scanner][python]") {
  auto result = scan_fixture("pdm");
  const auto& aioboto3 = result.component("pkg:pypi/aioboto3@13.2.0");
  CHECK(aioboto3.description == "Async boto3 wrapper");
  CHECK(hashes_of(aioboto3).size() == 2);
  CHECK(result.edges_from("pkg:pypi/aioboto3@13.2.0") ==
        std::set<std::string>{"pkg:pypi/aiobotocore@2.15.2 depends-on"});
  // The file is an excerpt (tests/fixtures/python/README.md): what it
  // leaves out is reported once.
  CHECK(result.mentions("pdm/pdm.lock",
                        "5 dependencies are not in the lockfile (first: aioboto3 -> aiofiles)"));
}

TEST_CASE("python pylock.toml (PEP 751)", "[scanner][python]") {
  auto result = scan_fixture("pylock");
  CHECK(result.warnings().empty());
  CHECK(result.name_versions() == std::set<std::string>{"attrs==25.4.0", "certifi==2025.10.5",
                                                        "charset-normalizer==3.4.3", "idna==3.10",
                                                        "requests==2.32.5", "urllib3==2.5.0"});
  CHECK(hashes_of(result.component("pkg:pypi/idna@3.10")) ==
        std::set<std::string>{
            "SHA-256:946d195a0d259cbba61165e88e65941f16e9b36ea6ddb97f00452bae8b1287d3"});
}

TEST_CASE("python Pipfile.lock: default and develop", "[scanner][python]") {
  auto result = scan_fixture("pipfile-lock");
  CHECK(result.warnings().empty());
  CHECK(result.name_versions() == std::set<std::string>{"certifi==2019.3.9", "chardet==3.0.4",
                                                        "idna==2.8", "pyyaml==5.1",
                                                        "requests==2.21.0", "urllib3==1.24.2"});
  CHECK(result.component("pkg:pypi/requests@2.21.0").scope == Scope::required);
  CHECK(hashes_of(result.component("pkg:pypi/pyyaml@5.1")).size() == 11);

  auto develop = scan_files({file("Pipfile.lock", R"({"_meta": {},
    "default": {"six": {"version": "==1.16.0"}},
    "develop": {"pytest": {"version": "==8.3.4", "markers": "python_version >= '3.8'"},
                "six": {"version": "==1.16.0"},
                "mylib": {"git": "https://github.com/example/mylib.git", "ref": "abc123"}}})")});
  CHECK(develop.warnings().empty());
  const auto& pytest = develop.component("pkg:pypi/pytest@8.3.4");
  CHECK(pytest.scope == Scope::excluded);
  CHECK(pytest.development);
  CHECK(property(pytest, "kensa:python:marker") == "python_version >= '3.8'");
  // In both sections: needed at run time.
  const auto& six = develop.component("pkg:pypi/six@1.16.0");
  CHECK(six.scope == Scope::required);
  CHECK_FALSE(six.development);
  const auto& mylib = develop.unversioned("mylib");
  CHECK(property(mylib, "kensa:python:vcs-commit") == "abc123");
}

TEST_CASE("python: a package installed and locked is one component", "[scanner][python]") {
  auto result =
      scan_files({file("app/uv.lock",
                       "version = 1\n[[package]]\nname = \"zope-interface\"\n"
                       "version = \"7.2\"\nsource = { registry = \"https://pypi.org/simple\" }\n"),
                  file("venv/lib/python3.12/site-packages/zope.interface-7.2.dist-info/METADATA",
                       "Metadata-Version: 2.1\nName: zope.interface\nVersion: 7.2\n")});
  CHECK(result.warnings().empty());
  REQUIRE(result.document.components.size() == 1);
  const auto& zope = result.component("pkg:pypi/zope-interface@7.2");
  REQUIRE(zope.evidence.size() == 2);
  CHECK(zope.evidence[0].location == "app/uv.lock");
  CHECK(zope.evidence[1].location ==
        "venv/lib/python3.12/site-packages/zope.interface-7.2.dist-info/METADATA");
}
