#include "pom_xml.hpp"

#include "../common/parsers/xml_tree.hpp"

namespace kensa::scanner::java {

namespace {

PomDependency dependency_from(const xmlNode* node) {
  PomDependency dependency;
  dependency.group_id = child_text(node, "groupId");
  dependency.artifact_id = child_text(node, "artifactId");
  dependency.version = child_text(node, "version");
  dependency.scope = child_text(node, "scope");
  dependency.type = child_text(node, "type");
  dependency.classifier = child_text(node, "classifier");
  dependency.optional = child_text(node, "optional");
  return dependency;
}

// <dependencies><dependency>...</dependency>...</dependencies>
std::vector<PomDependency> dependencies_in(const xmlNode* list) {
  std::vector<PomDependency> dependencies;
  if (list == nullptr) {
    return dependencies;
  }
  for_each_child_element(list, [&](const xmlNode* child) {
    if (local_name(child) == "dependency") {
      dependencies.push_back(dependency_from(child));
    }
  });
  return dependencies;
}

PomParent parent_from(const xmlNode* node) {
  PomParent parent;
  parent.group_id = child_text(node, "groupId");
  parent.artifact_id = child_text(node, "artifactId");
  parent.version = child_text(node, "version");
  if (const xmlNode* relative = child_element(node, "relativePath")) {
    parent.relative_path_given = true;
    parent.relative_path = element_text(relative);
  }
  return parent;
}

} // namespace

std::optional<PomFile> parse_pom_xml(std::string_view text, std::string& error) {
  XmlDocument document = parse_untrusted_xml(text, error);
  if (!document) {
    return std::nullopt;
  }
  const xmlNode* project = xmlDocGetRootElement(document.get());
  if (project == nullptr || local_name(project) != "project") {
    error = "the root element is not <project>";
    return std::nullopt;
  }

  PomFile pom;
  // Only the project's own children: the same names also appear inside
  // <build>, <profiles> and <reporting>, which describe other things.
  for_each_child_element(project, [&](const xmlNode* child) {
    std::string_view name = local_name(child);
    if (name == "groupId") {
      pom.coordinates.group_id = element_text(child);
    } else if (name == "artifactId") {
      pom.coordinates.artifact_id = element_text(child);
    } else if (name == "version") {
      pom.coordinates.version = element_text(child);
    } else if (name == "parent") {
      pom.parent = parent_from(child);
    } else if (name == "packaging") {
      pom.packaging = element_text(child);
    } else if (name == "name") {
      pom.name = element_text(child);
    } else if (name == "description") {
      pom.description = element_text(child);
    } else if (name == "url") {
      pom.url = element_text(child);
    } else if (name == "organization") {
      pom.organization_name = child_text(child, "name");
      pom.organization_url = child_text(child, "url");
    } else if (name == "licenses") {
      for_each_child_element(child, [&](const xmlNode* license) {
        if (local_name(license) == "license") {
          pom.licenses.push_back(
              PomLicense{child_text(license, "name"), child_text(license, "url")});
        }
      });
    } else if (name == "developers") {
      for_each_child_element(child, [&](const xmlNode* developer) {
        if (local_name(developer) == "developer" && pom.developers.size() < k_max_pom_developers) {
          pom.developers.push_back(
              PomDeveloper{child_text(developer, "name"), child_text(developer, "email"),
                           child_text(developer, "url"), child_text(developer, "organization"),
                           child_text(developer, "organizationUrl")});
        }
      });
    } else if (name == "properties") {
      for_each_child_element(child, [&](const xmlNode* property) {
        pom.properties.insert_or_assign(std::string(local_name(property)), element_text(property));
      });
    } else if (name == "dependencies") {
      auto found = dependencies_in(child);
      pom.dependencies.insert(pom.dependencies.end(), found.begin(), found.end());
    } else if (name == "dependencyManagement") {
      auto found = dependencies_in(child_element(child, "dependencies"));
      pom.managed_dependencies.insert(pom.managed_dependencies.end(), found.begin(), found.end());
    } else if (name == "modules") {
      for_each_child_element(child, [&](const xmlNode* module) {
        if (local_name(module) == "module") {
          pom.modules.push_back(element_text(module));
        }
      });
    }
  });
  return pom;
}

} // namespace kensa::scanner::java
