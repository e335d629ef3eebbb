#include "js_test_support.hpp"

#include "../../../support/test_support.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/scanner/registry.hpp>
#include <kensa/util/glob.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace kensa::testing::javascript {

namespace fs = std::filesystem;

namespace {

ScanResult run(const std::vector<std::string>& scanners, std::vector<source::SourceFile> files) {
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.location < b.location; });
  model::ComponentGraph graph;
  for (const auto& name : scanners) {
    const scanner::ScannerInfo* info = scanner::find_scanner(name);
    REQUIRE(info != nullptr);
    auto instance = info->create();
    std::vector<source::SourceFile> wanted;
    for (const auto& file : files) {
      for (const auto& pattern : instance->patterns()) {
        if (glob_match(pattern.glob, file.path)) {
          wanted.push_back(file);
          break;
        }
      }
    }
    scanner::ScanContext context(graph, name, std::string(npm::k_subject_id));
    instance->scan(context, wanted);
  }
  model::DocumentMetadata metadata;
  model::Component subject;
  subject.id = std::string(npm::k_subject_id);
  metadata.subject = subject;
  return ScanResult{std::move(graph).finish(std::move(metadata))};
}

std::string npm_mark(const nlohmann::json& node) {
  bool dev = node.value("dev", false);
  bool optional = node.value("optional", false);
  if (node.value("devOptional", false) || (dev && optional)) {
    return "optional+dev";
  }
  if (dev) {
    return "excluded+dev";
  }
  return optional ? "optional" : "required";
}

void walk(const nlohmann::json& node, std::map<std::string, std::string>& marks) {
  auto dependencies = node.find("dependencies");
  if (dependencies == node.end()) {
    return;
  }
  for (const auto& [folder_name, child] : dependencies->items()) {
    if (child.contains("version")) {
      marks[child.value("name", folder_name) + "@" + child.at("version").get<std::string>()] =
          npm_mark(child);
    }
    walk(child, marks);
  }
}

} // namespace

ScanResult scan_fixture(const std::vector<std::string>& scanners, const std::string& folder) {
  fs::path root = fixture(folder);
  REQUIRE(fs::is_directory(root));
  std::vector<source::SourceFile> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    source::SourceFile file;
    file.path = fs::relative(entry.path(), root).generic_string();
    file.location = file.path;
    file.contents = read_file(entry.path());
    files.push_back(std::move(file));
  }
  return run(scanners, std::move(files));
}

ScanResult scan_texts(const std::vector<std::string>& scanners,
                      const std::map<std::string, std::string>& texts) {
  std::vector<source::SourceFile> files;
  for (const auto& [path, contents] : texts) {
    files.push_back(npm::lockfile(path, contents));
  }
  return run(scanners, std::move(files));
}

std::map<std::string, std::string> npm_ls_marks(const std::string& fixture_file) {
  auto tree = nlohmann::json::parse(read_file(fixture(fixture_file)));
  std::map<std::string, std::string> marks;
  walk(tree, marks);
  return marks;
}

std::string mark_of(const model::Component& component) {
  return std::string(model::scope_name(component.scope)) + (component.development ? "+dev" : "");
}

std::map<std::string, std::string> component_marks(const ScanResult& result) {
  std::map<std::string, std::string> marks;
  std::string root_id = result.root().id;
  for (const auto& component : result.document.components) {
    if (component.id != root_id) {
      marks[npm::package_key(component)] = mark_of(component);
    }
  }
  return marks;
}

std::set<std::string> package_keys(const ScanResult& result) {
  std::set<std::string> keys;
  for (const auto& component : result.document.components) {
    keys.insert(npm::package_key(component));
  }
  return keys;
}

} // namespace kensa::testing::javascript

namespace kensa::testing::javascript {

std::map<std::string, std::string> reference_marks() {
  return npm_ls_marks("npm/lockfile-v3/npm-ls-long.json");
}

void check_marks_match_npm(const ScanResult& result, const std::set<std::string>& missing) {
  auto expected = reference_marks();
  for (const auto& key : missing) {
    REQUIRE(expected.erase(key) == 1);
  }
  CHECK(component_marks(result) == expected);
}

} // namespace kensa::testing::javascript
