// kensa's own SPDX schemas (schemas/spdx/, written from the specification)
// against the official ones in ../shared/conformance/spdx: both must accept
// the official examples and give the same verdict on every mutation of them
// this test generates (a member removed, a member of an unknown name added, a
// value of the wrong type or outside its enumeration, an array emptied).
// Skipped when ../shared is not present.
#include "../support/json_tree.hpp"
#include "../support/test_support.hpp"

#include <kensa/validate/bundled_schemas.hpp>
#include <kensa/validate/json_schema.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using kensa::validate::CompiledSchema;

struct Mutation {
  std::string description;
  Json document;
};

// Mutations of every object member down the tree (the first entries of each
// array are followed, which reaches every kind of object in the examples
// while keeping the count in the hundreds).
constexpr std::size_t k_entries_followed = 8;
void mutate(const Json& root, const Json::json_pointer& at, std::vector<Mutation>& out) {
  const Json& node = root.at(at);
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      const auto member = at / it.key();
      Json removed = root;
      removed.at(at).erase(it.key());
      out.push_back({"remove " + member.to_string(), std::move(removed)});
      Json changed = root;
      if (it->is_string()) {
        changed.at(member) = 42;
        out.push_back({"number at " + member.to_string(), changed});
        changed.at(member) = "NOT-A-VALUE";
        out.push_back({"unknown value at " + member.to_string(), changed});
      } else if (it->is_number() || it->is_boolean()) {
        changed.at(member) = "text";
        out.push_back({"string at " + member.to_string(), changed});
      } else if (it->is_array()) {
        changed.at(member) = Json::array();
        out.push_back({"empty array at " + member.to_string(), changed});
      }
      mutate(root, member, out);
    }
    Json added = root;
    added.at(at)["x-unknown"] = 1;
    out.push_back({"add x-unknown to " + at.to_string(), std::move(added)});
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size() && i < k_entries_followed; ++i) {
      mutate(root, at / i, out);
    }
  }
}

CompiledSchema official_schema(const fs::path& file) {
  kensa::validate::SchemaRegistry registry;
  const std::string uri = "https://spdx.invalid/" + file.filename().string();
  REQUIRE(registry.add_text(uri, kensa::testing::read_file(file)));
  auto compiled = registry.compile(uri);
  REQUIRE(compiled);
  return *compiled;
}

struct Comparison {
  std::size_t agreed = 0;
  std::vector<std::string> disagreements;
};

// `expected_differences` are mutations where kensa follows the
// specification and the official schema does not (see
// docs/validate/spdx-schemas.md).
Comparison compare(const std::string& version, const fs::path& official_file,
                   const fs::path& example, const std::vector<std::string>& expected_differences) {
  const auto mine = kensa::validate::spdx_json_schema(version);
  INFO(mine.error());
  REQUIRE(mine);
  const auto official = official_schema(official_file);
  const Json document = Json::parse(kensa::testing::read_file(example));
  CHECK(mine->validate(kensa::testing::json_tree(document).root()).valid);
  CHECK(official.validate(kensa::testing::json_tree(document).root()).valid);
  std::vector<Mutation> mutations;
  mutate(document, Json::json_pointer(), mutations);
  Comparison comparison;
  for (const auto& mutation : mutations) {
    const auto mutated = kensa::testing::json_tree(mutation.document);
    const bool mine_valid = mine->validate(mutated.root()).valid;
    const bool official_valid = official.validate(mutated.root()).valid;
    const bool expected = std::find(expected_differences.begin(), expected_differences.end(),
                                    mutation.description) != expected_differences.end();
    if ((mine_valid == official_valid) == expected) {
      comparison.disagreements.push_back(mutation.description + ": kensa " +
                                         (mine_valid ? "accepts" : "rejects") + ", official " +
                                         (official_valid ? "accepts" : "rejects"));
    } else {
      ++comparison.agreed;
    }
  }
  std::ostringstream summary;
  summary << "SPDX " << version << ": " << comparison.agreed << " passed, "
          << comparison.disagreements.size() << " failed (" << mutations.size() << " mutations of "
          << example.filename().string() << ")";
  WARN(summary.str());
  CHECK(mutations.size() > 100);
  return comparison;
}

} // namespace

TEST_CASE("spdx schemas: kensa's SPDX 2.2 and 2.3 schemas agree with the official ones",
          "[heavy][validate][spdx-schema][conformance]") {
  const auto shared = kensa::testing::shared_dir();
  if (!shared) {
    WARN("../shared is not present; skipping");
    return;
  }
  const fs::path root = *shared / "conformance" / "spdx";
  for (const std::string version : {"2.2", "2.3"}) {
    // SPDX 2.2 clause 6.5 makes documentNamespace mandatory (1..1); the
    // official 2.2 schema does not require it.
    const std::vector<std::string> expected =
        version == "2.2" ? std::vector<std::string>{"remove /documentNamespace"}
                         : std::vector<std::string>{};
    const auto comparison =
        compare(version, root / version / "spdx-schema.json",
                root / version / ("SPDXJSONExample-v" + version + ".spdx.json"), expected);
    for (const auto& disagreement : comparison.disagreements) {
      UNSCOPED_INFO(disagreement);
    }
    CHECK(comparison.disagreements.empty());
  }
}

TEST_CASE("spdx schemas: kensa's SPDX 3.0.1 schema agrees with the official one",
          "[heavy][validate][spdx-schema][conformance]") {
  const auto shared = kensa::testing::shared_dir();
  if (!shared) {
    WARN("../shared is not present; skipping");
    return;
  }
  const fs::path root = *shared / "conformance" / "spdx" / "3.0.1";
  const auto comparison = compare("3.0.1", root / "schema.json", root / "package_sbom.json", {});
  for (const auto& disagreement : comparison.disagreements) {
    UNSCOPED_INFO(disagreement);
  }
  CHECK(comparison.disagreements.empty());
}

TEST_CASE("spdx schemas: every bundled SPDX schema compiles", "[validate][spdx-schema]") {
  for (const char* version : {"2.2", "2.3", "3.0.1"}) {
    const auto schema = kensa::validate::spdx_json_schema(version);
    INFO(version << ": " << schema.error());
    CHECK(schema);
  }
  CHECK_FALSE(kensa::validate::spdx_json_schema("2.1"));
}
