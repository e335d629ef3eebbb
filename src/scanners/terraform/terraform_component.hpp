#pragma once

#include "lock_file.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string_view>

// A locked Terraform provider as a model::Component.
namespace kensa::scanner::terraform {

inline constexpr std::string_view k_property_address = "kensa:terraform:source-address";
inline constexpr std::string_view k_property_constraints = "kensa:terraform:constraints";
inline constexpr std::string_view k_property_hash = "kensa:terraform:hash";

// Group "<hostname>/<namespace>" and name "<type>" of the source address,
// the locked version, and purl pkg:generic/<hostname>/<namespace>/<type>@
// <version> (the purl specification registers no type for Terraform
// providers); the constraints and each "h1:"/"zh:" hash as properties (they
// are not digests of one file, so they are not component hashes). An
// address that is not hostname/namespace/type is a warning in `report`, and
// the component gets no purl.
model::Component make_provider_component(const LockedProvider& provider,
                                         const model::Evidence& evidence, FileReport& report);

} // namespace kensa::scanner::terraform
