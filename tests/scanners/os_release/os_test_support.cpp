#include "os_test_support.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/scanner/registry.hpp>
#include <kensa/scanner/scan.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

namespace kensa::testing::os {

const model::Component* OsScan::find(std::string_view purl) const {
  return testing::find_by_purl(document, purl);
}

const model::Component& OsScan::component(std::string_view purl) const {
  const model::Component* found = find(purl);
  INFO("component " << purl);
  REQUIRE(found != nullptr);
  return *found;
}

const model::Component* OsScan::named(std::string_view name) const {
  for (const auto& component : document.components) {
    if (component.name == name) {
      return &component;
    }
  }
  return nullptr;
}

std::set<std::string> OsScan::depends_on(std::string_view from_purl) const {
  std::set<std::string> targets;
  const model::Component* from = find(from_purl);
  if (from == nullptr) {
    return targets;
  }
  for (const auto& relationship : document.relationships) {
    if (relationship.from == from->id && relationship.type == model::RelationshipType::depends_on) {
      const model::Component* to = document.find(relationship.to);
      targets.insert(to != nullptr ? to->purl : relationship.to);
    }
  }
  return targets;
}

std::vector<std::string> OsScan::warnings() const {
  std::vector<std::string> messages;
  for (const auto& diagnostic : document.diagnostics) {
    if (diagnostic.severity == model::Severity::warning) {
      messages.push_back(diagnostic.location + ": " + diagnostic.message);
    }
  }
  return messages;
}

std::set<std::string> OsScan::purls(std::string_view type) const {
  std::set<std::string> result;
  for (const auto& component : document.components) {
    if (component.ecosystem == type) {
      result.insert(component.purl);
    }
  }
  return result;
}

std::optional<std::set<std::string>> OsScan::owners(std::string_view location) const {
  for (const auto& entry : document.files) {
    if (entry.path != location) {
      continue;
    }
    std::set<std::string> names;
    for (const auto& id : entry.owner_ids) {
      const model::Component* owner = document.find(id);
      names.insert(owner != nullptr ? owner->name : id);
    }
    return names;
  }
  return std::nullopt;
}

OsScan scan_files(std::string_view scanner, std::vector<source::SourceFile> files) {
  const scanner::ScannerInfo* info = scanner::find_scanner(scanner);
  REQUIRE(info != nullptr);
  auto instance = info->create();
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.location < b.location; });
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, std::string(scanner), "subject");
  instance->scan(context, files);
  return OsScan{std::move(graph).finish(model::DocumentMetadata{})};
}

OsScan scan_folder(const std::filesystem::path& folder, const std::vector<std::string>& scanners,
                   bool inventory) {
  if (inventory) {
    return scan_folder_with_digests(folder, scanners, {model::HashAlgorithm::sha256});
  }
  return scan_folder_with_digests(folder, scanners, {});
}

OsScan scan_folder_with_digests(const std::filesystem::path& folder,
                                const std::vector<std::string>& scanners,
                                const std::vector<model::HashAlgorithm>& digests) {
  scanner::ScanOptions options;
  options.scanners = scanners;
  options.source.digests = digests;
  options.timestamp = 0;
  auto document = scanner::scan(folder, options);
  REQUIRE(document.ok());
  return OsScan{std::move(*document)};
}

void write_file(const std::filesystem::path& root, const std::string& path,
                const std::string& contents) {
  std::filesystem::path target = root / path;
  std::filesystem::create_directories(target.parent_path());
  std::ofstream(target, std::ios::binary) << contents;
}

bool has_warning(const std::vector<std::string>& warnings, const std::vector<std::string>& parts) {
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return std::all_of(parts.begin(), parts.end(), [&](const std::string& part) {
      return warning.find(part) != std::string::npos;
    });
  });
}

} // namespace kensa::testing::os
