// Bad input: every problem is a warning naming the file, the scan goes on,
// and the other lockfiles are still read.
#include "npm_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kensa;
using namespace kensa::testing::npm;

namespace {

const char* const k_good_lockfile = R"({
  "name": "good", "version": "1.0.0", "lockfileVersion": 3,
  "packages": {
    "": {"name": "good", "version": "1.0.0", "dependencies": {"ms": "^2.1.3"}},
    "node_modules/ms": {"version": "2.1.3"}
  }
})";

bool mentions(const std::vector<std::string>& warnings, std::string_view location,
              std::string_view text) {
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(std::string(location) + ": ") &&
           warning.find(text) != std::string::npos;
  });
}

// Scans `contents` as bad/package-lock.json next to a good lockfile.
ScanResult scan_beside_good(std::string contents) {
  return scan_files({lockfile("bad/package-lock.json", std::move(contents)),
                     lockfile("good/package-lock.json", k_good_lockfile)});
}

void check_good_still_read(const ScanResult& result) {
  CHECK(result.find("pkg:npm/ms@2.1.3") != nullptr);
  CHECK(result.find("pkg:npm/good@1.0.0") != nullptr);
  CHECK_FALSE(mentions(result.warnings(), "good/package-lock.json", ""));
}

} // namespace

TEST_CASE("npm malformed: truncated JSON", "[scanner][npm][malformed]") {
  std::string truncated = k_good_lockfile;
  truncated.resize(truncated.size() / 2);
  auto result = scan_beside_good(truncated);
  INFO(Catch::Detail::stringify(result.warnings()));
  CHECK(mentions(result.warnings(), "bad/package-lock.json", "not valid JSON"));
  CHECK(mentions(result.warnings(), "bad/package-lock.json", "line"));
  check_good_still_read(result);
}

TEST_CASE("npm malformed: empty file and a top level that is not an object",
          "[scanner][npm][malformed]") {
  for (const char* contents : {"", "[]", "\"lockfile\"", "42", "null"}) {
    INFO(contents);
    auto result = scan_beside_good(contents);
    CHECK(mentions(result.warnings(), "bad/package-lock.json", ""));
    check_good_still_read(result);
  }
}

TEST_CASE("npm malformed: packages as an array", "[scanner][npm][malformed]") {
  auto result = scan_beside_good(R"({"name": "bad", "version": "1.0.0", "lockfileVersion": 3,
                                     "packages": [{"name": "x"}]})");
  CHECK(mentions(result.warnings(), "bad/package-lock.json", "\"packages\" is not an object"));
  // The project is still known from the top level.
  CHECK(result.find("pkg:npm/bad@1.0.0") != nullptr);
  check_good_still_read(result);
}

TEST_CASE("npm malformed: fields of the wrong type", "[scanner][npm][malformed]") {
  auto result = scan_beside_good(R"({
    "name": "bad", "version": "1.0.0", "lockfileVersion": 3,
    "packages": {
      "": {"name": "bad", "version": "1.0.0", "dependencies": "ms"},
      "node_modules/a": {"version": 7, "license": 3},
      "node_modules/b": "not an entry",
      "node_modules/c": {"version": "1.0.0", "dev": "yes", "integrity": "sha512-!!!"},
      "node_modules/d": {"version": "1.0.0", "dependencies": ["c"], "resolved": {}},
      "node_modules/e": {"link": true},
      "node_modules/Bad Name!": {"version": "1.0.0"}
    }
  })");
  auto warnings = result.warnings();
  INFO(Catch::Detail::stringify(warnings));
  const char* bad = "bad/package-lock.json";
  CHECK(mentions(warnings, bad, "packages entry \"\": \"dependencies\" is a string"));
  CHECK(mentions(warnings, bad, "packages entry \"node_modules/a\": \"version\" is a number"));
  CHECK(mentions(warnings, bad, "packages entry \"node_modules/a\": \"license\" is a number"));
  CHECK(mentions(warnings, bad, "packages entry \"node_modules/b\" is not an object"));
  CHECK(mentions(warnings, bad, "packages entry \"node_modules/c\": \"dev\" is a string"));
  CHECK(mentions(warnings, bad, "package c@1.0.0: bad integrity"));
  CHECK(mentions(warnings, bad, "packages entry \"node_modules/d\": \"dependencies\" is an array"));
  CHECK(mentions(warnings, bad, "packages entry \"node_modules/d\": \"resolved\" is an object"));
  CHECK(mentions(warnings, bad, "packages entry \"node_modules/e\": a link without \"resolved\""));
  CHECK(mentions(warnings, bad, "\"Bad Name!\" is not a valid npm name"));

  // What could be read was: a without a version (and so without a purl),
  // c and d in full.
  CHECK(result.find("pkg:npm/c@1.0.0") != nullptr);
  CHECK(result.find("pkg:npm/d@1.0.0") != nullptr);
  CHECK(std::any_of(result.document.components.begin(), result.document.components.end(),
                    [](const model::Component& c) { return c.name == "a" && c.purl.empty(); }));
  check_good_still_read(result);
}

TEST_CASE("npm malformed: v1 tree with wrong types", "[scanner][npm][malformed]") {
  auto result = scan_beside_good(R"({
    "name": "bad", "version": "1.0.0", "lockfileVersion": 1,
    "dependencies": {
      "a": {"version": "1.0.0", "requires": {"b": "^1.0.0"}, "dependencies": 5},
      "b": [],
      "c": {"version": "2.0.0", "requires": ["a"]}
    }
  })");
  auto warnings = result.warnings();
  INFO(Catch::Detail::stringify(warnings));
  const char* bad = "bad/package-lock.json";
  CHECK(mentions(warnings, bad, "dependencies entry \"a\": \"dependencies\" is not an object"));
  CHECK(mentions(warnings, bad, "dependencies entry \"b\" is not an object"));
  CHECK(mentions(warnings, bad, "dependencies entry \"c\": \"requires\" is an array"));
  CHECK(mentions(warnings, bad,
                 "1 dependency is not in the lockfile (first: dependencies "
                 "entry \"a\" -> b)"));
  CHECK(result.find("pkg:npm/a@1.0.0") != nullptr);
  CHECK(result.find("pkg:npm/c@2.0.0") != nullptr);
  check_good_still_read(result);
}

TEST_CASE("npm malformed: a v1 tree nested past the depth cap", "[scanner][npm][malformed]") {
  // 2000 levels of "a" inside "a": valid JSON (4002 levels deep, within the
  // JSON reader's cap), but no real project.
  const int levels = 2000;
  std::string text =
      R"({"name": "deep", "version": "1.0.0", "lockfileVersion": 1, "dependencies": )";
  for (int level = 0; level < levels; ++level) {
    text += R"({"a": {"version": ")" + std::to_string(level) + R"(.0.0", "dependencies": )";
  }
  text += "{}";
  for (int level = 0; level < levels; ++level) {
    text += "}}";
  }
  text += "}";
  auto result = scan_beside_good(text);
  auto warnings = result.warnings();
  INFO(Catch::Detail::stringify(warnings));
  CHECK(mentions(warnings, "bad/package-lock.json", "nested deeper than 1000 levels"));
  CHECK(result.find("pkg:npm/a@999.0.0") != nullptr);
  CHECK(result.find("pkg:npm/a@1000.0.0") == nullptr);
  // Each level requires nothing, so the chain hangs from the project alone.
  CHECK(result.has_edge("pkg:npm/deep@1.0.0", "pkg:npm/a@0.0.0",
                        model::RelationshipType::depends_on));
  check_good_still_read(result);
}

TEST_CASE("npm malformed: deeply nested JSON values", "[scanner][npm][malformed]") {
  // Nested arrays where a string belongs: a recursive parser or destructor
  // would exhaust an 8 MiB stack long before 300,000 levels, which the JSON
  // reader refuses at its cap; below the cap the value is a wrong type.
  std::string shallow = R"({"lockfileVersion": 3, "packages": {"node_modules/x": {"version": )";
  shallow += std::string(5'000, '[') + std::string(5'000, ']') + "}}}";
  auto result = scan_beside_good(shallow);
  CHECK(mentions(result.warnings(), "bad/package-lock.json", "\"version\" is an array"));
  check_good_still_read(result);

  const std::size_t depth = 300'000;
  std::string deep = R"({"lockfileVersion": 3, "packages": {"node_modules/x": {"version": )";
  deep += std::string(depth, '[') + std::string(depth, ']') + "}}}";
  auto refused = scan_beside_good(deep);
  CHECK(mentions(refused.warnings(), "bad/package-lock.json",
                 "not read: the document nests deeper than 10000 levels"));
  check_good_still_read(refused);

  auto unclosed = scan_beside_good(std::string(5'000, '['));
  CHECK(mentions(unclosed.warnings(), "bad/package-lock.json", "not valid JSON"));
  check_good_still_read(unclosed);
}

TEST_CASE("npm malformed: links that lead nowhere or in a circle", "[scanner][npm][malformed]") {
  auto result = scan_beside_good(R"({
    "name": "bad", "version": "1.0.0", "lockfileVersion": 3,
    "packages": {
      "": {"name": "bad", "version": "1.0.0", "dependencies": {"x": "*", "y": "*", "z": "*"}},
      "node_modules/x": {"link": true, "resolved": "node_modules/y"},
      "node_modules/y": {"link": true, "resolved": "node_modules/x"},
      "node_modules/z": {"link": true, "resolved": "../missing"}
    }
  })");
  auto warnings = result.warnings();
  INFO(Catch::Detail::stringify(warnings));
  CHECK(mentions(warnings, "bad/package-lock.json", "3 dependencies are not in the lockfile"));
  check_good_still_read(result);
}

TEST_CASE("npm malformed: unknown lockfileVersion is read by its content",
          "[scanner][npm][malformed]") {
  auto result = scan_beside_good(R"({"name": "bad", "version": "1.0.0", "lockfileVersion": 9,
    "packages": {"node_modules/left-pad": {"version": "1.3.0"}}})");
  CHECK(mentions(result.warnings(), "bad/package-lock.json", "lockfileVersion 9"));
  CHECK(result.find("pkg:npm/left-pad@1.3.0") != nullptr);
  check_good_still_read(result);
}

TEST_CASE("npm malformed: warnings about one file are capped", "[scanner][npm][malformed]") {
  std::string text = R"({"lockfileVersion": 3, "packages": {)";
  for (int i = 0; i < 500; ++i) {
    text += (i == 0 ? "" : ",");
    text += "\"node_modules/p" + std::to_string(i) + "\": 1";
  }
  text += "}}";
  auto result = scan_beside_good(text);
  auto warnings = result.warnings();
  auto about_bad = std::count_if(warnings.begin(), warnings.end(), [](const std::string& w) {
    return w.starts_with("bad/package-lock.json: ");
  });
  // Twenty of one kind, then one line for the rest.
  CHECK(about_bad == 21);
  CHECK(mentions(warnings, "bad/package-lock.json", "and 480 more like this"));
  check_good_still_read(result);
}
