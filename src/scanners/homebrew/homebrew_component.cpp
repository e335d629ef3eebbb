#include "homebrew_component.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::homebrew {

namespace {

void add_flag(model::Component& component, std::string_view name, std::optional<bool> flag) {
  if (flag) {
    component.add_property(std::string(name), *flag ? "true" : "false");
  }
}

void add_text(model::Component& component, std::string_view name, const std::string& text) {
  if (!text.empty()) {
    component.add_property(std::string(name), text);
  }
}

} // namespace

model::Component make_component(const std::string& name, const std::string& version,
                                const InstallReceipt& receipt, const model::Evidence& evidence,
                                FileReport& report) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "brew";
  component.name = name;
  component.version = version;
  // The purl type's default repository is homebrew/core: only other taps
  // are written (as owner/repo).
  std::string tap = to_lower_ascii(receipt.tap);
  std::string namespace_ = tap == "homebrew/core" ? std::string() : tap;
  auto purl = model::make_purl("brew", namespace_, name, version);
  if (purl) {
    component.purl = purl->to_string();
  } else {
    report.warn("formula " + name + " " + version + ": " + purl.error());
  }
  add_text(component, k_property_tap, receipt.tap);
  add_text(component, k_property_tap_git_head, receipt.tap_git_head);
  add_flag(component, k_property_on_request, receipt.installed_on_request);
  add_flag(component, k_property_as_dependency, receipt.installed_as_dependency);
  add_flag(component, k_property_bottle, receipt.poured_from_bottle);
  add_text(component, k_property_homebrew_version, receipt.homebrew_version);
  add_text(component, k_property_arch, receipt.arch);
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::homebrew
