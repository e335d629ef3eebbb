#include "conan_reference.hpp"

#include "../common/lockfile/locked_graph.hpp"

#include <kensa/util/strings.hpp>

#include <cctype>

namespace kensa::scanner::conan {

namespace {} // namespace

std::optional<Reference> read_reference(std::string_view text) {
  text = trim(text);
  // "name/version@user/channel#rrev%timestamp:package_id#prev": the package
  // part after ':' is a binary's, not the recipe's.
  if (auto colon = text.find(':'); colon != std::string_view::npos) {
    text = text.substr(0, colon);
  }
  Reference reference;
  if (auto hash = text.find('#'); hash != std::string_view::npos) {
    std::string_view revision = text.substr(hash + 1);
    reference.recipe_revision = std::string(revision.substr(0, revision.find('%')));
    text = text.substr(0, hash);
  }
  if (auto at = text.find('@'); at != std::string_view::npos) {
    std::string_view user_channel = text.substr(at + 1);
    auto slash = user_channel.find('/');
    reference.user = std::string(user_channel.substr(0, slash));
    if (slash != std::string_view::npos) {
      reference.channel = std::string(user_channel.substr(slash + 1));
    }
    // "_" stands for no user or channel.
    if (reference.user == "_") {
      reference.user.clear();
    }
    if (reference.channel == "_") {
      reference.channel.clear();
    }
    text = text.substr(0, at);
  }
  auto slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size()) {
    return std::nullopt;
  }
  reference.name = std::string(trim(text.substr(0, slash)));
  std::string_view version = trim(text.substr(slash + 1));
  if (version.starts_with('[')) {
    reference.range = std::string(version);
  } else {
    reference.version = std::string(version);
  }
  if (reference.name.empty() || reference.name.find_first_of(" \t[]") != std::string::npos) {
    return std::nullopt;
  }
  return reference;
}

model::Component make_conan_component(FileReport& report, const Reference& reference,
                                      std::string_view written, bool build_only,
                                      std::string_view package_revision) {
  std::vector<std::pair<std::string, std::string>> qualifiers;
  if (!reference.user.empty()) {
    qualifiers.emplace_back("user", reference.user);
  }
  if (!reference.channel.empty()) {
    qualifiers.emplace_back("channel", reference.channel);
  }
  if (!reference.recipe_revision.empty()) {
    qualifiers.emplace_back("rrev", reference.recipe_revision);
  }
  if (!package_revision.empty()) {
    qualifiers.emplace_back("prev", std::string(package_revision));
  }
  model::Component component = make_locked_component(report, "conan", "conan", "", reference.name,
                                                     reference.version, std::move(qualifiers));
  component.add_property(std::string(k_property_reference), std::string(written));
  if (!reference.range.empty()) {
    component.add_property(std::string(k_property_requirement), reference.range);
  }
  if (build_only) {
    component.scope = model::Scope::excluded;
  }
  return component;
}

} // namespace kensa::scanner::conan
