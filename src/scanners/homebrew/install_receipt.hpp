#pragma once

#include <kensa/scanner/file_report.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What Homebrew's INSTALL_RECEIPT.json, written into each installed
// formula's keg (<prefix>/Cellar/<formula>/<version>/), says about it.
namespace kensa::scanner::homebrew {

struct RuntimeDependency {
  std::string full_name;   // "openssl@3", "owner/tap/name"
  std::string pkg_version; // "3.2.0_1": version and revision, as the keg is named
};

struct InstallReceipt {
  std::string tap;              // source.tap: "homebrew/core"
  std::string tap_git_head;     // source.tap_git_head
  std::string stable_version;   // source.versions.stable
  std::string homebrew_version; // homebrew_version
  std::string arch;             // arch
  std::optional<bool> installed_on_request;
  std::optional<bool> installed_as_dependency;
  std::optional<bool> poured_from_bottle;
  std::vector<RuntimeDependency> runtime_dependencies;
};

// Most runtime dependencies read; real formulae have tens.
inline constexpr std::size_t k_max_dependencies = 10'000;

// Reads a receipt (JSON, through common/parsers). Fields of the wrong type
// are warnings in `report` and left out; nullopt (after an omission) when
// the file is not a JSON object.
std::optional<InstallReceipt> read_install_receipt(FileReport& report, std::string_view text);

} // namespace kensa::scanner::homebrew
