#include "maven_component.hpp"

#include <kensa/model/license.hpp>
#include <kensa/model/purl.hpp>

namespace kensa::scanner::java {

bool has_property_reference(std::string_view value) {
  auto open = value.find("${");
  return open != std::string_view::npos && value.find('}', open) != std::string_view::npos;
}

model::Component make_maven_component(std::string_view group_id, std::string_view artifact_id,
                                      std::string_view version, const model::Evidence& evidence) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "maven";
  component.group = std::string(group_id);
  component.name = std::string(artifact_id);
  component.version = std::string(version);
  if (!group_id.empty() && !version.empty()) {
    if (auto purl = model::make_purl("maven", group_id, artifact_id, version)) {
      component.purl = purl->to_string();
    }
  }
  component.evidence.push_back(evidence);
  return component;
}

void apply_pom_details(model::Component& component, const PomFile& pom) {
  auto usable = [](const std::string& value) {
    return !value.empty() && !has_property_reference(value);
  };
  if (usable(pom.name)) {
    component.add_property("kensa:maven:name", pom.name);
  }
  if (usable(pom.description) && component.description.empty()) {
    component.description = pom.description;
  }
  for (const auto& license : pom.licenses) {
    if (usable(license.name)) {
      model::License found = model::license_from_text(license.name);
      found.url = usable(license.url) ? license.url : std::string();
      component.licenses_declared.push_back(std::move(found));
    } else if (usable(license.url)) {
      // Only a link: keep it as the license's name rather than guess an id
      // from it.
      component.licenses_declared.push_back(model::License{{}, license.url, license.url});
    }
  }
  if (usable(pom.organization_name) && component.supplier.empty()) {
    component.supplier.name = pom.organization_name;
    component.supplier.url = usable(pom.organization_url) ? pom.organization_url : std::string();
    component.supplier.is_organization = true;
  }
  if (component.authors.empty()) {
    for (const auto& developer : pom.developers) {
      model::Party author;
      author.name = usable(developer.name) ? developer.name : std::string();
      author.email = usable(developer.email) ? developer.email : std::string();
      author.url = usable(developer.url) ? developer.url : std::string();
      // A developer known by an id alone names nobody.
      if (!author.name.empty() || !author.email.empty()) {
        component.authors.push_back(std::move(author));
      }
    }
  }
  if (usable(pom.url)) {
    component.external_references.push_back(model::ExternalReference{"website", pom.url});
  }
}

} // namespace kensa::scanner::java
