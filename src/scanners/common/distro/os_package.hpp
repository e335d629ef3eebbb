#pragma once

#include <kensa/model/component.hpp>

#include <string>
#include <string_view>

// Small pieces the OS scanners (dpkg, apk, rpm, os-release) share.
namespace kensa::scanner::distro {

// "Jane Doe <jane@example.org>" -> name and email; text without an address
// is all name. Surrounding white space is dropped.
model::Party parse_maintainer(std::string_view text);

// The CPE 2.3 of an OS package, as docs/cpe.md explains:
// cpe:2.3:a:<vendor>:<name>:<version>:*:*:*:*:*:*:*, with the vendor being
// the distribution (the purl namespace) and the version the purl's version.
// Empty when a part cannot be written in a CPE.
std::string package_cpe(std::string_view vendor, std::string_view name, std::string_view version);

// The component of an installed OS package: a library of `ecosystem` (the
// purl type: "deb", "apk", "rpm") called `name`, at `version`.
model::Component package_component(std::string_view ecosystem, std::string name,
                                   std::string version);

// Adds the property `name` with `value` to `component`, unless `value` is
// empty: package databases leave most fields out.
void add_property_if_set(model::Component& component, std::string_view name,
                         std::string_view value);

// Adds an external reference of `type` to `url`, unless `url` is empty.
void add_reference_if_set(model::Component& component, std::string_view type, std::string_view url);

} // namespace kensa::scanner::distro
