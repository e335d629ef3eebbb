// Bad input: each problem is a warning naming the file, the scan goes on,
// and the good files beside it are still read.
#include "python_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::python;

namespace {

const char* const k_good_metadata = "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n";

// Scans `bad` beside a good installed package.
ScanResult scan_beside_good(source::SourceFile bad) {
  return scan_files({std::move(bad), file("site/six-1.16.0.dist-info/METADATA", k_good_metadata)});
}

void check_good_still_read(const ScanResult& result) {
  CHECK(result.find("pkg:pypi/six@1.16.0") != nullptr);
  CHECK_FALSE(result.mentions("site/six-1.16.0.dist-info/METADATA", ""));
}

} // namespace

TEST_CASE("python malformed: METADATA", "[scanner][python][malformed]") {
  SECTION("no Name") {
    auto result = scan_beside_good(file("site/x-1.dist-info/METADATA", "Version: 1\n"));
    CHECK(result.mentions("site/x-1.dist-info/METADATA", "no Name field"));
    check_good_still_read(result);
  }
  SECTION("garbage lines, a bad Requires-Dist, no Version") {
    auto result = scan_beside_good(file("site/y-1.dist-info/METADATA",
                                        " leading continuation\nName: y\nnot a header\n"
                                        "Requires-Dist: ???\nProject-URL: nocomma\n"));
    CHECK(result.mentions("site/y-1.dist-info/METADATA", "line 1: a continuation line"));
    CHECK(result.mentions("site/y-1.dist-info/METADATA", "line 3: not a \"Field: value\""));
    CHECK(result.mentions("site/y-1.dist-info/METADATA", "Requires-Dist \"???\""));
    CHECK(result.mentions("site/y-1.dist-info/METADATA", "has no Version field"));
    CHECK(result.mentions("site/y-1.dist-info/METADATA", "Project-URL \"nocomma\""));
    // Still reported, without a version and so without a purl.
    CHECK(result.unversioned("y").version.empty());
    check_good_still_read(result);
  }
  SECTION("binary junk") {
    std::string junk("\x00\x01\xff\xfe:::\n\n\x80", 10);
    auto result = scan_beside_good(file("site/z-1.dist-info/METADATA", junk));
    CHECK(result.mentions("site/z-1.dist-info/METADATA", ""));
    check_good_still_read(result);
  }
}

TEST_CASE("python malformed: RECORD and direct_url.json", "[scanner][python][malformed]") {
  auto result = scan_files(
      {file("site/a-1.dist-info/METADATA", "Name: a\nVersion: 1\n"),
       file("site/a-1.dist-info/RECORD", "a/__init__.py,sha256=!!!,3\n\"unterminated,x,1\n"
                                         "a/x.py,md4=abc,1\nonly-one-field\n"),
       file("site/a-1.dist-info/direct_url.json", "{not json")});
  CHECK(result.mentions("site/a-1.dist-info/RECORD", "line 1: bad base64"));
  CHECK(result.mentions("site/a-1.dist-info/RECORD", "line 2: not a \"path,hash,size\" row"));
  CHECK(result.mentions("site/a-1.dist-info/RECORD", "line 3: unknown hash algorithm \"md4\""));
  CHECK(result.mentions("site/a-1.dist-info/RECORD", "line 4:"));
  CHECK(result.mentions("site/a-1.dist-info/direct_url.json", "not a JSON object"));
  CHECK(result.find("pkg:pypi/a@1") != nullptr);
}

TEST_CASE("python malformed: requirements files", "[scanner][python][malformed]") {
  auto result = scan_files({file("requirements.txt", "flask==3.1.1\n"
                                                     "bad name==1\n"
                                                     "requests[socks==2\n"
                                                     "six==1.16.0 --hash=sha256:nothex\n"
                                                     "-r\n"
                                                     "-r ../../outside.txt\n"
                                                     "-r https://example.org/r.txt\n"
                                                     "pkg ; \n"
                                                     "tail \\")});
  CHECK(result.mentions("requirements.txt", "line 2:"));
  CHECK(result.mentions("requirements.txt", "line 3: \"requests[socks==2\": unclosed '['"));
  CHECK(result.mentions("requirements.txt", "line 4: \"nothex\" is not a SHA-256 digest"));
  CHECK(result.mentions("requirements.txt", "line 5: -r without a file"));
  CHECK(result.mentions("requirements.txt", "line 6: -r ../../outside.txt: the path leaves"));
  CHECK(result.mentions("requirements.txt", "line 7: -r https://example.org/r.txt"));
  CHECK(result.mentions("requirements.txt", "line 8:"));
  CHECK(result.find("pkg:pypi/flask@3.1.1") != nullptr);
  CHECK(result.find("pkg:pypi/six@1.16.0") != nullptr);
}

TEST_CASE("python malformed: TOML and JSON lockfiles", "[scanner][python][malformed]") {
  for (const char* name : {"poetry.lock", "uv.lock", "pdm.lock", "pylock.toml", "pyproject.toml"}) {
    INFO(name);
    std::string location = std::string("bad/") + name;
    auto result = scan_beside_good(file(location, "[[package]\nname = \"x\"\n"));
    CHECK(result.mentions(location, "not valid TOML"));
    CHECK(result.mentions(location, "line 1"));
    check_good_still_read(result);
  }
  for (const char* contents : {"", "[]", "{\"default\": 3}", "{\"default\": {\"a\": 1}}", "{"}) {
    INFO(contents);
    auto result = scan_beside_good(file("bad/Pipfile.lock", contents));
    CHECK(result.mentions("bad/Pipfile.lock", ""));
    if (std::string_view(contents) == "{") {
      CHECK(result.mentions("bad/Pipfile.lock", "line 1: not valid JSON: "));
    }
    check_good_still_read(result);
  }
}

TEST_CASE("python malformed: wrong types in lockfiles", "[scanner][python][malformed]") {
  auto result = scan_files({file("a/poetry.lock", "package = 3\n"),
                            file("b/uv.lock", "version = 1\n[[package]]\nname = 7\n"
                                              "[[package]]\nname = \"ok\"\nversion = \"1.0\"\n"
                                              "dependencies = [\"not a table\"]\n"),
                            file("c/pylock.toml", "lock-version = \"2.0\"\n"),
                            file("d/pdm.lock", "[metadata]\n[[package]]\nname = \"p\"\n"
                                               "version = \"1\"\ndependencies = [\"!!\"]\n")});
  CHECK(result.mentions("a/poetry.lock", "\"package\" is a number, not an array"));
  CHECK(result.mentions("b/uv.lock", "\"name\" is a number, not a string"));
  CHECK(result.mentions("b/uv.lock", "package \"ok\": a dependency is not a table"));
  CHECK(result.find("pkg:pypi/ok@1.0") != nullptr);
  CHECK(result.mentions("c/pylock.toml", "lock-version 2.0 is not 1.x"));
  CHECK(result.mentions("d/pdm.lock", "dependency \"!!\""));
  CHECK(result.find("pkg:pypi/p@1") != nullptr);
}

TEST_CASE("python malformed: deeply nested TOML does not crash", "[scanner][python][malformed]") {
  std::string deep = "x = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  auto result = scan_beside_good(file("deep/uv.lock", deep));
  CHECK(result.mentions("deep/uv.lock", ""));
  check_good_still_read(result);
}
