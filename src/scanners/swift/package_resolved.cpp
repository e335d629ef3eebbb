#include "package_resolved.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/json_file.hpp"

#include <kensa/model/component.hpp>

namespace kensa::scanner::swift {

namespace {

using json::Value;

// Far above real files (large apps pin a few hundred packages).
constexpr std::size_t k_max_pins = 100'000;

// What one pin says, in either layout.
struct Pin {
  std::string name;
  std::string location;
  std::string kind;
  std::string version;
  std::string revision;
  std::string branch;
};

bool is_remote(const Pin& pin) {
  if (pin.kind == "localSourceControl" || pin.kind == "fileSystem" || pin.kind == "registry") {
    return false;
  }
  std::string_view location = pin.location;
  return location.find("://") != std::string_view::npos ||
         (location.find('@') != std::string_view::npos &&
          location.find(':') != std::string_view::npos);
}

void add_pin(FileReport& report, LockedGraph& packages, const Pin& pin) {
  std::string version = pin.version.empty() ? pin.revision : pin.version;
  SwiftCoordinates where;
  if (is_remote(pin)) {
    where = swift_coordinates(pin.location);
  }
  model::Component component =
      where.name.empty()
          ? make_locked_component(report, "swift", "", "", pin.name, version)
          : make_locked_component(report, "swift", "swift", where.namespace_, where.name, version);
  if (!where.name.empty()) {
    component.name = where.name;
    component.group = where.namespace_;
  }
  if (!pin.revision.empty()) {
    component.add_property(std::string(k_property_revision), pin.revision);
  }
  if (!pin.branch.empty()) {
    component.add_property(std::string(k_property_branch), pin.branch);
  }
  if (!pin.kind.empty()) {
    component.add_property(std::string(k_property_kind), pin.kind);
  }
  if (!pin.location.empty() && is_remote(pin)) {
    component.external_references.push_back(model::ExternalReference{"vcs", pin.location});
  }
  packages.add(pin.name, std::move(component));
}

std::string text_of(FileReport& report, Value object, std::string_view key, std::string_view what) {
  Value value = object[key];
  if (value.is_string()) {
    return std::string(value.string());
  }
  if (value.exists() && !value.is_null()) {
    report.warn(std::string(what) + ": \"" + std::string(key) + "\" is " +
                std::string(json_type_name(value)) + ", not a string");
  }
  return {};
}

} // namespace

SwiftCoordinates swift_coordinates(std::string_view url) {
  std::string_view rest = url;
  if (std::size_t scheme = rest.find("://"); scheme != std::string_view::npos) {
    rest = rest.substr(scheme + 3);
  } else if (std::size_t colon = rest.find(':'); colon != std::string_view::npos) {
    // scp-like "git@host:path": the ':' is the path's start.
    std::string host_part(rest.substr(0, colon));
    std::string joined = host_part + "/" + std::string(rest.substr(colon + 1));
    return swift_coordinates("ssh://" + joined);
  }
  if (std::size_t at = rest.find('@'); at != std::string_view::npos && at < rest.find('/')) {
    rest = rest.substr(at + 1);
  }
  std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) {
    return {};
  }
  std::string_view host = rest.substr(0, slash);
  host = host.substr(0, host.find(':'));
  std::string_view path = rest.substr(slash + 1);
  path = path.substr(0, std::min(path.find('?'), path.find('#')));
  while (path.ends_with('/')) {
    path.remove_suffix(1);
  }
  if (path.ends_with(".git")) {
    path.remove_suffix(4);
  }
  std::size_t last = path.rfind('/');
  std::string_view name = last == std::string_view::npos ? path : path.substr(last + 1);
  if (host.empty() || name.empty()) {
    return {};
  }
  SwiftCoordinates coordinates;
  coordinates.namespace_ = std::string(host);
  if (last != std::string_view::npos) {
    coordinates.namespace_ += "/" + std::string(path.substr(0, last));
  }
  coordinates.name = std::string(name);
  return coordinates;
}

void parse_package_resolved(FileReport& report, const source::SourceFile& file) {
  auto document = read_json_object(report, file.contents, "a Package.resolved");
  if (!document) {
    return;
  }
  Value root = document->root();
  Value version = root["version"];
  bool version_one = version.is_number_integer() && version.integer() == 1;
  if (!version.is_number_integer() || version.integer() < 1 || version.integer() > 3) {
    report.warn("version is not one kensa knows (1, 2, 3); read by its layout");
  }
  Value pins = root["pins"];
  if (version_one || (!pins.exists() && root["object"].is_object())) {
    version_one = true;
    pins = root["object"]["pins"];
  }
  if (!pins.exists()) {
    return;
  }
  if (!pins.is_array()) {
    report.omit("\"pins\" is " + std::string(json_type_name(pins)) + ", not an array");
    return;
  }
  LockedGraph packages(report, file);
  std::size_t index = 0;
  for (Value entry : pins) {
    ++index;
    if (index > k_max_pins) {
      report.omit("more than " + std::to_string(k_max_pins) + " pins; the rest is not read");
      break;
    }
    std::string where = "pin " + std::to_string(index);
    if (!entry.is_object()) {
      report.warn(where + " is not an object; skipped");
      continue;
    }
    Pin pin;
    pin.name = text_of(report, entry, version_one ? "package" : "identity", where);
    pin.location = text_of(report, entry, version_one ? "repositoryURL" : "location", where);
    pin.kind = text_of(report, entry, "kind", where);
    Value state = entry["state"];
    if (state.is_object()) {
      pin.version = text_of(report, state, "version", where);
      pin.revision = text_of(report, state, "revision", where);
      pin.branch = text_of(report, state, "branch", where);
    } else if (state.exists()) {
      report.warn(where + ": \"state\" is not an object");
    }
    if (pin.name.empty()) {
      report.warn(where + " has no name; skipped");
      continue;
    }
    add_pin(report, packages, pin);
  }
  packages.finish();
}

} // namespace kensa::scanner::swift
