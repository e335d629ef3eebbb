#include "nuspec.hpp"

#include "../common/parsers/xml_tree.hpp"
#include "msbuild_file.hpp"
#include "nuget_component.hpp"

#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <map>

namespace kensa::scanner::dotnet {

namespace {

// NuGet writes this instead of a URL when the license is an expression or
// a file.
constexpr std::string_view k_deprecated_license_url = "https://aka.ms/deprecateLicenseUrl";

struct NuspecDependency {
  std::string id;
  std::string range;
};

struct ReadPackage {
  std::string id;
  std::string version;
  std::vector<NuspecDependency> dependencies;
};

// A dependency's version range: "1.0", "[1.0, 2.0)", "(, 2.0]".
std::string lowest_version(std::string_view range) {
  range = trim(range);
  if (!range.empty() && (range.front() == '[' || range.front() == '(')) {
    range.remove_prefix(1);
  }
  return std::string(trim(range.substr(0, range.find_first_of(",])"))));
}

void add_license(model::Component& component, const xmlNode* metadata) {
  const xmlNode* license = child_element(metadata, "license");
  if (license != nullptr && attribute_value(license, "type") == "expression") {
    std::string expression = element_text(license);
    if (!expression.empty()) {
      component.licenses_declared.push_back(model::license_from_text(expression));
      return;
    }
  }
  if (license != nullptr && attribute_value(license, "type") == "file") {
    component.add_property("kensa:dotnet:license-file", element_text(license));
  }
  std::string url = child_text(metadata, "licenseUrl");
  if (!url.empty() && url != k_deprecated_license_url) {
    component.licenses_declared.push_back(model::License{{}, url, url});
  }
}

void add_references(model::Component& component, const xmlNode* metadata) {
  std::string project = child_text(metadata, "projectUrl");
  if (!project.empty()) {
    component.external_references.push_back(model::ExternalReference{"website", project});
  }
  if (const xmlNode* repository = child_element(metadata, "repository")) {
    std::string url = attribute_value(repository, "url");
    if (!url.empty()) {
      component.external_references.push_back(model::ExternalReference{"vcs", url});
    }
    std::string commit = attribute_value(repository, "commit");
    if (!commit.empty()) {
      component.add_property("kensa:dotnet:repository-commit", commit);
    }
  }
}

// Every <dependency> of every <group>, and those listed without a group
// (the older form).
std::vector<NuspecDependency> read_dependencies(FileReport& report, const xmlNode* metadata) {
  std::vector<NuspecDependency> dependencies;
  const xmlNode* list = child_element(metadata, "dependencies");
  if (list == nullptr) {
    return dependencies;
  }
  auto add = [&](const xmlNode* dependency) {
    if (local_name(dependency) != "dependency") {
      return;
    }
    if (dependencies.size() >= k_max_dependencies) {
      if (dependencies.size() == k_max_dependencies) {
        report.warn("more than " + std::to_string(k_max_dependencies) +
                    " dependencies; the rest are left out");
        dependencies.push_back({});
      }
      return;
    }
    std::string id = attribute_value(dependency, "id");
    if (!id.empty()) {
      dependencies.push_back(NuspecDependency{id, attribute_value(dependency, "version")});
    }
  };
  for_each_child_element(list, [&](const xmlNode* child) {
    if (local_name(child) == "group") {
      for_each_child_element(child, add);
    } else {
      add(child);
    }
  });
  if (dependencies.size() > k_max_dependencies) {
    dependencies.pop_back();
  }
  return dependencies;
}

class NuspecReader {
 public:
  explicit NuspecReader(ScanContext& context) : m_graph(context.graph()) {}

  void read(FileReport& report, const source::SourceFile& file, std::string_view sha512) {
    std::string error;
    XmlDocument document = parse_untrusted_xml(file.contents, error, k_max_msbuild_markup);
    if (!document) {
      report.omit("not a readable .nuspec: " + error);
      return;
    }
    const xmlNode* root = xmlDocGetRootElement(document.get());
    const xmlNode* metadata = root != nullptr && local_name(root) == "package"
                                  ? child_element(root, "metadata")
                                  : nullptr;
    if (metadata == nullptr) {
      report.omit("not a .nuspec: no <package><metadata>");
      return;
    }
    std::string id = child_text(metadata, "id");
    std::string version = child_text(metadata, "version");
    if (id.find('$') != std::string::npos || version.find('$') != std::string::npos) {
      report.warn("a .nuspec template (" + id + " " + version +
                  "): its $tokens$ are filled in by `nuget pack`; not read");
      return;
    }
    if (id.empty() || version.empty()) {
      report.omit("not a .nuspec: no <id> or no <version>");
      return;
    }
    model::Component component =
        make_package_component(id, version, sha512, report.context().evidence_for(file), report);
    // An installed package has no dependency scope of its own.
    component.scope = model::Scope::unknown;
    std::string authors = child_text(metadata, "authors");
    if (!authors.empty()) {
      component.supplier.name = authors;
    }
    component.description = child_text(metadata, "description");
    add_license(component, metadata);
    add_references(component, metadata);
    std::string component_id = m_graph.add(std::move(component));
    m_by_name[to_lower_ascii(id)].emplace(to_lower_ascii(version), component_id);
    m_read.push_back(ReadPackage{component_id, version, read_dependencies(report, metadata)});
  }

  // Dependencies name packages by id and version range: the package of
  // that id among the files read.
  void relate() {
    for (const auto& package : m_read) {
      for (const auto& dependency : package.dependencies) {
        auto versions = m_by_name.find(to_lower_ascii(dependency.id));
        if (versions == m_by_name.end()) {
          continue;
        }
        auto to = versions->second.find(to_lower_ascii(lowest_version(dependency.range)));
        if (to == versions->second.end()) {
          if (versions->second.size() != 1) {
            continue;
          }
          to = versions->second.begin();
        }
        if (to->second != package.id) {
          m_graph.relate(package.id, to->second, model::RelationshipType::depends_on);
        }
      }
    }
  }

 private:
  model::ComponentGraph& m_graph;
  // Lower-case id -> lower-case version -> component id.
  std::map<std::string, std::map<std::string, std::string>> m_by_name;
  std::vector<ReadPackage> m_read;
};

} // namespace

void read_nuspecs(ScanContext& context, const FileSet& files) {
  // <id>.<version>.nupkg.sha512: the base64 SHA-512 of the .nupkg NuGet
  // extracted into that folder.
  std::map<std::string, std::string> hashes;
  for (const auto& file : files) {
    if (file.path.ends_with(".nupkg.sha512")) {
      hashes[std::string(folder_of(file.location))] = std::string(trim(file.contents));
    }
  }
  NuspecReader reader(context);
  files.read_each(context, "**/*.nuspec", [&](FileReport& report, const source::SourceFile& file) {
    auto hash = hashes.find(std::string(folder_of(file.location)));
    reader.read(report, file, hash == hashes.end() ? std::string_view() : hash->second);
  });
  reader.relate();
}

} // namespace kensa::scanner::dotnet
