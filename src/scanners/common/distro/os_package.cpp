#include "os_package.hpp"

#include <kensa/model/cpe.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::distro {

model::Party parse_maintainer(std::string_view text) {
  text = trim(text);
  model::Party party;
  std::size_t open = text.rfind('<');
  std::size_t close = text.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && open < close) {
    party.name = std::string(trim(text.substr(0, open)));
    model::set_party_address(party, text.substr(open + 1, close - open - 1));
  } else {
    party.name = std::string(text);
  }
  return party;
}

std::string package_cpe(std::string_view vendor, std::string_view name, std::string_view version) {
  return model::make_cpe23(model::CpePart::application, vendor, name, version)
      .value_or(std::string());
}

model::Component package_component(std::string_view ecosystem, std::string name,
                                   std::string version) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = std::string(ecosystem);
  component.name = std::move(name);
  component.version = std::move(version);
  return component;
}

void add_property_if_set(model::Component& component, std::string_view name,
                         std::string_view value) {
  if (!value.empty()) {
    component.add_property(std::string(name), std::string(value));
  }
}

void add_reference_if_set(model::Component& component, std::string_view type,
                          std::string_view url) {
  if (!url.empty()) {
    component.external_references.push_back({std::string(type), std::string(url)});
  }
}

} // namespace kensa::scanner::distro
