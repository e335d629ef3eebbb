#pragma once

#include "install_receipt.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <string>
#include <string_view>

// An installed Homebrew formula as a model::Component.
namespace kensa::scanner::homebrew {

inline constexpr std::string_view k_property_tap = "kensa:homebrew:tap";
inline constexpr std::string_view k_property_tap_git_head = "kensa:homebrew:tap-git-head";
inline constexpr std::string_view k_property_on_request = "kensa:homebrew:installed-on-request";
inline constexpr std::string_view k_property_as_dependency =
    "kensa:homebrew:installed-as-dependency";
inline constexpr std::string_view k_property_bottle = "kensa:homebrew:poured-from-bottle";
inline constexpr std::string_view k_property_homebrew_version = "kensa:homebrew:homebrew-version";
inline constexpr std::string_view k_property_arch = "kensa:homebrew:arch";

// The formula `name` at `version` (the keg's folder names: the version with
// its "_<revision>"), purl pkg:brew/<name>@<version>, with the tap as the
// purl namespace unless it is the default homebrew/core; the receipt's
// facts as properties. Problems are warnings in `report`.
model::Component make_component(const std::string& name, const std::string& version,
                                const InstallReceipt& receipt, const model::Evidence& evidence,
                                FileReport& report);

} // namespace kensa::scanner::homebrew
