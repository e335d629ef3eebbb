#include <kensa/model/component.hpp>
#include <kensa/util/strings.hpp>
#include <kensa/util/url_text.hpp>

#include <algorithm>
#include <array>

namespace kensa::model {

std::string_view component_type_name(ComponentType type) {
  static constexpr std::array<std::string_view, 13> k_names{"application",
                                                            "framework",
                                                            "library",
                                                            "container",
                                                            "platform",
                                                            "operating-system",
                                                            "device",
                                                            "device-driver",
                                                            "firmware",
                                                            "file",
                                                            "machine-learning-model",
                                                            "data",
                                                            "cryptographic-asset"};
  return k_names[static_cast<std::size_t>(type)];
}

std::string_view scope_name(Scope scope) {
  static constexpr std::array<std::string_view, 4> k_names{"unknown", "required", "optional",
                                                           "excluded"};
  return k_names[static_cast<std::size_t>(scope)];
}

void set_party_address(Party& party, std::string_view address) {
  address = trim(address);
  if (address.empty()) {
    return;
  }
  if (looks_like_web_link(address)) {
    if (party.url.empty()) {
      party.url = std::string(address);
    }
    return;
  }
  party.email = std::string(address);
}

void Component::add_property(std::string property_name, std::string value) {
  Property property{std::move(property_name), std::move(value)};
  if (std::find(properties.begin(), properties.end(), property) == properties.end()) {
    properties.push_back(std::move(property));
  }
}

std::string display_name(const Component& component) {
  std::string text;
  if (!component.group.empty()) {
    text += component.group;
    text += '/';
  }
  text += component.name;
  if (!component.version.empty()) {
    text += '@';
    text += component.version;
  }
  return text;
}

} // namespace kensa::model
