#include "msbuild_file.hpp"

#include "../common/parsers/xml_tree.hpp"
#include "nuget_component.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner::dotnet {

namespace {

// Metadata may be an attribute (Version="1.0") or a child element
// (<Version>1.0</Version>); MSBuild reads both.
std::string item_metadata(const xmlNode* item, const char* name) {
  std::string value = attribute_value(item, name);
  return value.empty() ? child_text(item, name) : value;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return to_lower_ascii(a) == to_lower_ascii(b);
}

class ItemReader {
 public:
  explicit ItemReader(FileReport& report) : m_report(report) {}

  void read_item(const xmlNode* item, MsbuildFile& file) {
    std::string_view kind = local_name(item);
    std::vector<PackageItem>* items = nullptr;
    if (kind == "PackageReference") {
      items = &file.references;
    } else if (kind == "PackageVersion") {
      items = &file.central_versions;
    } else if (kind == "GlobalPackageReference") {
      items = &file.global_references;
    } else if (kind == "ProjectReference") {
      items = &file.project_references;
    } else {
      return;
    }
    // Update changes items included elsewhere (often in a file not
    // scanned); only Include adds one.
    std::string include = attribute_value(item, "Include");
    if (include.empty()) {
      return;
    }
    PackageItem read;
    read.version = item_metadata(item, "Version");
    read.version_override = item_metadata(item, "VersionOverride");
    read.private_assets = equals_ignoring_case(trim(item_metadata(item, "PrivateAssets")), "all");
    // Include may list several items: "A;B".
    for (std::string_view name : split(include, ';')) {
      name = trim(name);
      if (name.empty()) {
        continue;
      }
      if (items->size() >= k_max_dependencies) {
        if (!m_capped) {
          m_report.warn("more than " + std::to_string(k_max_dependencies) + " " +
                        std::string(kind) + " items; the rest are left out");
        }
        m_capped = true;
        return;
      }
      read.name = std::string(name);
      items->push_back(read);
    }
  }

 private:
  FileReport& m_report;
  bool m_capped = false;
};

} // namespace

std::optional<MsbuildFile> read_msbuild_file(FileReport& report, std::string_view text) {
  std::string error;
  XmlDocument document = parse_untrusted_xml(text, error, k_max_msbuild_markup);
  if (!document) {
    report.omit("not a readable MSBuild file: " + error);
    return std::nullopt;
  }
  const xmlNode* root = xmlDocGetRootElement(document.get());
  if (root == nullptr || local_name(root) != "Project") {
    report.omit("not an MSBuild file: the root element is not <Project>");
    return std::nullopt;
  }
  MsbuildFile file;
  ItemReader items(report);
  for_each_child_element(root, [&](const xmlNode* group) {
    if (local_name(group) == "ItemGroup") {
      for_each_child_element(group, [&](const xmlNode* item) { items.read_item(item, file); });
    } else if (local_name(group) == "Import") {
      file.imports.push_back(attribute_value(group, "Project"));
    } else if (local_name(group) == "PropertyGroup") {
      for_each_child_element(group, [&](const xmlNode* property) {
        file.properties[to_lower_ascii(local_name(property))] = element_text(property);
      });
    }
  });
  return file;
}

std::optional<std::string>
expand_properties(std::string_view text,
                  const std::vector<const std::map<std::string, std::string>*>& properties) {
  std::string expanded;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t start = text.find("$(", at);
    if (start == std::string_view::npos) {
      expanded += text.substr(at);
      break;
    }
    expanded += text.substr(at, start - at);
    std::size_t end = text.find(')', start);
    if (end == std::string_view::npos) {
      return std::nullopt;
    }
    std::string name = to_lower_ascii(trim(text.substr(start + 2, end - start - 2)));
    const std::string* value = nullptr;
    for (const auto* map : properties) {
      auto found = map->find(name);
      if (found != map->end()) {
        value = &found->second;
        break;
      }
    }
    // A value that refers further is not followed: versions are literal
    // in practice, and this keeps the expansion linear.
    if (value == nullptr || value->find("$(") != std::string::npos) {
      return std::nullopt;
    }
    expanded += *value;
    at = end + 1;
  }
  return expanded;
}

} // namespace kensa::scanner::dotnet
