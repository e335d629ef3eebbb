// Runs the official JSON-Schema-Test-Suite for draft-07 (Debian package
// json-schema-test-suite), mandatory and optional cases, format included,
// against kensa's schema engine. Every case must pass except those in
// k_skips, each of which docs/validate/json-schema-engine.md lists with its
// reason.
#include <kensa/util/json_document.hpp>
#include <kensa/validate/json_schema.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using kensa::json::Document;
using kensa::json::Value;
using kensa::validate::SchemaRegistry;

const fs::path k_suite = "/usr/share/json-schema-test-suite";
// The draft-07 meta-schema, which some cases reference by its URI; the
// python3-jsonschema package ships a copy.
const fs::path k_metaschema = "/usr/lib/python3/dist-packages/jsonschema/schemas/draft7.json";

struct Skip {
  std::string_view file;
  std::string_view test;
  std::string_view reason;
};

// Cases kensa is known to decide differently, by file (relative to
// tests/draft7) and test description.
constexpr Skip k_skips[] = {
    {"", "", ""},
};

bool skipped(std::string_view file, std::string_view test) {
  return std::any_of(std::begin(k_skips), std::end(k_skips), [&](const Skip& skip) {
    return !skip.file.empty() && skip.file == file && skip.test == test;
  });
}

// The suite's files are read as the engine reads every schema and
// document: with kensa's JSON parser.
Document read_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  auto document = Document::parse(text.str());
  INFO(path.string());
  REQUIRE(document);
  return std::move(*document);
}

// A schema inside a case file, as a document of its own.
Document copy_of(const Value& value) {
  auto document = Document::parse(value.dump());
  REQUIRE(document);
  return std::move(*document);
}

std::vector<fs::path> case_files(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A registry with the suite's remote schemas served under
// http://localhost:1234/, as the suite's README asks.
SchemaRegistry registry_with_remotes() {
  SchemaRegistry registry;
  const fs::path remotes = k_suite / "remotes";
  for (const auto& file : case_files(remotes)) {
    const std::string uri = "http://localhost:1234/" + fs::relative(file, remotes).generic_string();
    REQUIRE(registry.add(uri, read_json(file)));
  }
  if (fs::exists(k_metaschema)) {
    REQUIRE(registry.add("http://json-schema.org/draft-07/schema", read_json(k_metaschema)));
  }
  return registry;
}

} // namespace

TEST_CASE("JSON Schema Test Suite: every draft-07 case", "[validate][json-schema][suite]") {
  const fs::path tests = k_suite / "tests" / "draft7";
  if (!fs::is_directory(tests)) {
    WARN("json-schema-test-suite is not installed; skipping");
    return;
  }
  if (!fs::exists(k_metaschema)) {
    WARN("the draft-07 meta-schema (python3-jsonschema) is missing; cases using it fail");
  }
  std::size_t passed = 0;
  std::size_t skip_count = 0;
  std::size_t skips_that_pass = 0;
  std::vector<std::string> failures;
  for (const auto& file : case_files(tests)) {
    const std::string name = fs::relative(file, tests).generic_string();
    const Document cases = read_json(file);
    const Value groups = cases.root();
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const Value group = groups[g];
      SchemaRegistry registry = registry_with_remotes();
      const std::string uri = "http://kensa.test/" + name + "/" + std::to_string(g) + ".json";
      auto added = registry.add(uri, copy_of(group["schema"]));
      auto compiled =
          added ? registry.compile(uri)
                : kensa::Result<kensa::validate::CompiledSchema>(kensa::fail(added.error()));
      for (const Value test : group["tests"]) {
        const std::string description = std::string(group["description"].string()) + " / " +
                                        std::string(test["description"].string());
        bool ok = false;
        std::string detail;
        if (!compiled) {
          detail = "schema did not compile: " + compiled.error();
        } else {
          const auto result = compiled->validate(test["data"]);
          ok = result.valid == test["valid"].boolean();
          if (!ok) {
            detail = result.valid ? "accepted, expected invalid"
                                  : "rejected: " + (result.findings.empty()
                                                        ? std::string("no finding")
                                                        : result.findings.front().message);
          }
        }
        if (skipped(name, description)) {
          ++skip_count;
          skips_that_pass += ok ? 1 : 0;
        } else if (ok) {
          ++passed;
        } else {
          failures.push_back(name + ": " + description + ": " + detail);
        }
      }
    }
  }
  for (const auto& failure : failures) {
    UNSCOPED_INFO(failure);
  }
  std::ostringstream summary;
  summary << "JSON-Schema-Test-Suite draft7: " << passed << " passed, " << skip_count
          << " skipped, " << failures.size() << " failed";
  WARN(summary.str());
  CHECK(failures.empty());
  // A skip that passes should be removed from the list (and the docs).
  CHECK(skips_that_pass == 0);
}
