// The scanner against npm itself: each fixture folder holds what `npm ls`
// printed for the installed project when the fixture was made
// (tests/fixtures/npm/README.md). The packages kensa reports must be exactly
// those npm lists, with the same dev/optional marks.
//
// Deliberate differences, all about presentation, none about content:
// - npm ls prints the project as the top of its tree, not as a package; the
//   root component is left out of the comparison.
// - npm ls names an alias by its folder ("ms-old"); kensa by the real name
//   (ms) with the folder in kensa:npm:alias. The --long output has the real
//   name; the plain output is compared through the alias property.
#include "../../support/test_support.hpp"
#include "npm_test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace kensa;
using namespace kensa::testing::npm;
using nlohmann::json;

namespace {

// The marks npm ls --long gives (npm 7 and later: dev, optional,
// devOptional; npm 6: _development, _optional), spelled as kensa's
// scope and development flag.
std::string npm_mark(const json& node) {
  bool dev = node.value("dev", false) || node.value("_development", false);
  bool optional = node.value("optional", false) || node.value("_optional", false);
  bool dev_optional = node.value("devOptional", false) || (dev && optional);
  if (dev_optional) {
    return "optional+dev";
  }
  if (dev) {
    return "excluded+dev";
  }
  return optional ? "optional" : "required";
}

std::string kensa_mark(const model::Component& component) {
  return std::string(model::scope_name(component.scope)) + (component.development ? "+dev" : "");
}

// Every package of an npm ls tree as "name@version mark" (long output) or
// "folder-name@version" (plain output).
void walk(const json& node, bool long_output, std::set<std::string>& packages) {
  auto dependencies = node.find("dependencies");
  if (dependencies == node.end()) {
    return;
  }
  for (const auto& [folder_name, child] : dependencies->items()) {
    std::string version = child.at("version").get<std::string>();
    if (long_output) {
      packages.insert(child.value("name", folder_name) + "@" + version + " " + npm_mark(child));
    } else {
      packages.insert(folder_name + "@" + version);
    }
    walk(child, long_output, packages);
  }
}

std::set<std::string> from_npm_ls(const std::string& name, const std::string& file,
                                  bool long_output) {
  auto tree = json::parse(testing::read_file(testing::fixture("npm/" + name + "/" + file)));
  std::set<std::string> packages;
  walk(tree, long_output, packages);
  return packages;
}

void compare_with_npm_ls(const std::string& name) {
  auto result = scan_fixture(name);
  CHECK(result.warnings().empty());
  const std::string root_id = result.root().id;

  std::set<std::string> with_marks;
  std::set<std::string> by_folder;
  for (const auto& component : result.document.components) {
    if (component.id == root_id) {
      continue;
    }
    with_marks.insert(package_key(component) + " " + kensa_mark(component));
    bool aliased = false;
    for (const auto& property : component.properties) {
      if (property.name == "kensa:npm:alias") {
        by_folder.insert(property.value + "@" + component.version);
        aliased = true;
      }
    }
    if (!aliased) {
      by_folder.insert(package_key(component));
    }
  }
  CHECK(with_marks == from_npm_ls(name, "npm-ls-long.json", true));
  CHECK(by_folder == from_npm_ls(name, "npm-ls.json", false));
}

} // namespace

TEST_CASE("npm ls agreement: lockfile v3", "[scanner][npm][npm-ls]") {
  compare_with_npm_ls("lockfile-v3");
}

TEST_CASE("npm ls agreement: lockfile v2", "[scanner][npm][npm-ls]") {
  compare_with_npm_ls("lockfile-v2");
}

TEST_CASE("npm ls agreement: lockfile v1 (npm 6)", "[scanner][npm][npm-ls]") {
  compare_with_npm_ls("lockfile-v1");
}

TEST_CASE("npm ls agreement: npm-shrinkwrap.json with a bundled dependency",
          "[scanner][npm][npm-ls]") {
  compare_with_npm_ls("shrinkwrap-bundled");
}
