#include "npm_component.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/model/purl.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>

namespace kensa::scanner::javascript {

namespace {

// The characters npm allows in a package name (lower case for new packages,
// but old ones such as "JSONStream" keep capitals, so both are accepted).
bool is_name_character(char c) {
  return is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '!' ||
         c == '*' || c == '\'' || c == '(' || c == ')';
}

bool is_name_part(std::string_view part) {
  return !part.empty() && std::all_of(part.begin(), part.end(), is_name_character);
}

std::string describe(const PackageFacts& facts) {
  std::string text = "package " + (facts.name.empty() ? std::string("(unnamed)") : facts.name);
  if (!facts.version.empty()) {
    text += '@' + facts.version;
  }
  return text;
}

// A tarball URL is where the package is distributed from; a git URL names
// the repository it was built from, which is not a distribution.
std::optional<model::ExternalReference> reference_for(std::string_view location) {
  if (location.starts_with("git+") || location.starts_with("git://")) {
    return model::ExternalReference{"vcs", std::string(location)};
  }
  if (location.starts_with("https://") || location.starts_with("http://")) {
    return model::ExternalReference{"distribution", std::string(location)};
  }
  return std::nullopt;
}

void set_scope(const PackageFacts& facts, model::Component& component) {
  if (facts.role == PackageRole::root) {
    return; // The project itself is what the SBOM describes, not a dependency.
  }
  // npm writes at most one of these flags; "dev" and "optional" together
  // would mean the same as "devOptional".
  if (facts.dev_optional || (facts.dev && facts.optional)) {
    component.scope = model::Scope::optional;
    component.development = true;
  } else if (facts.dev) {
    component.scope = model::Scope::excluded;
    component.development = true;
  } else if (facts.optional) {
    component.scope = model::Scope::optional;
  } else {
    component.scope = model::Scope::required;
  }
}

void set_properties(const PackageFacts& facts, model::Component& component) {
  auto flag = [&](bool set, std::string_view name) {
    if (set) {
      component.add_property(std::string(name), "true");
    }
  };
  flag(facts.peer, k_property_peer);
  flag(facts.bundled, k_property_bundled);
  flag(facts.link, k_property_link);
  flag(facts.role == PackageRole::workspace, k_property_workspace);
  flag(facts.extraneous, k_property_extraneous);
  if (!facts.alias.empty()) {
    component.add_property(std::string(k_property_alias), facts.alias);
  }
  if (!facts.source.empty()) {
    component.add_property(std::string(k_property_source), facts.source);
  }
}

} // namespace

std::optional<SplitName> split_package_name(std::string_view name) {
  if (name.starts_with('@')) {
    std::size_t slash = name.find('/');
    if (slash == std::string_view::npos) {
      return std::nullopt;
    }
    std::string_view scope = name.substr(1, slash - 1);
    std::string_view local = name.substr(slash + 1);
    if (!is_name_part(scope) || !is_name_part(local)) {
      return std::nullopt;
    }
    return SplitName{std::string(name.substr(0, slash)), std::string(local)};
  }
  if (!is_name_part(name) || name.starts_with('.')) {
    return std::nullopt;
  }
  return SplitName{"", std::string(name)};
}

bool looks_like_version(std::string_view text) {
  if (text.empty() || text.front() < '0' || text.front() > '9') {
    return false;
  }
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return is_ascii_alnum(c) || c == '.' || c == '-' || c == '+'; });
}

std::optional<AliasTarget> parse_alias_spec(std::string_view spec) {
  constexpr std::string_view k_prefix = "npm:";
  if (!spec.starts_with(k_prefix)) {
    return std::nullopt;
  }
  spec.remove_prefix(k_prefix.size());
  // The '@' before the version; a scoped name starts with one of its own.
  std::size_t at = spec.find('@', spec.starts_with('@') ? 1 : 0);
  std::string_view name = spec.substr(0, at);
  std::string_view version = at == std::string_view::npos ? "" : spec.substr(at + 1);
  if (!split_package_name(name)) {
    return std::nullopt;
  }
  return AliasTarget{std::string(name), std::string(version)};
}

model::Component make_component(const PackageFacts& facts, const model::Evidence& evidence,
                                FileReport& report) {
  model::Component component;
  component.type = facts.role == PackageRole::dependency ? model::ComponentType::library
                                                         : model::ComponentType::application;
  component.ecosystem = "npm";
  component.version = facts.version;

  auto split = split_package_name(facts.name);
  if (split) {
    component.group = split->group;
    component.name = split->name;
  } else {
    component.name = facts.name;
    // The project's own name comes from its folder when package.json has
    // none, and need not be publishable.
    if (facts.role != PackageRole::root) {
      report.warn(describe(facts) + ": \"" + facts.name + "\" is not a valid npm name");
    }
  }
  // Without a version a purl would stand for every version of the package
  // and merge unrelated occurrences, so none is made.
  if (split && !facts.version.empty()) {
    auto purl = model::make_purl("npm", split->group, split->name, facts.version);
    if (purl) {
      component.purl = purl->to_string();
    } else {
      report.warn(describe(facts) + ": " + purl.error());
    }
  }

  if (!facts.integrity.empty()) {
    auto hashes = model::decode_integrity(facts.integrity);
    if (hashes) {
      component.hashes = std::move(*hashes);
    } else {
      report.warn(describe(facts) + ": bad integrity: " + hashes.error());
    }
  }
  if (facts.license) {
    component.licenses_declared.push_back(*facts.license);
  }
  for (const std::string* location : {&facts.resolved, &facts.source}) {
    if (auto reference = reference_for(*location)) {
      if (std::find(component.external_references.begin(), component.external_references.end(),
                    *reference) == component.external_references.end()) {
        component.external_references.push_back(std::move(*reference));
      }
    }
  }

  set_scope(facts, component);
  set_properties(facts, component);
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::javascript
