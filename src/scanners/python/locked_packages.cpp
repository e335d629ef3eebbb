#include "locked_packages.hpp"

#include "toml_document.hpp"

#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::python {

std::vector<LockedPackage> read_locked_packages(const toml::table& document, FileReport& warnings,
                                                const ReadLockedPackage& read,
                                                std::string_view array) {
  std::vector<LockedPackage> packages;
  const toml::array* entries = toml_array(document, array, "the lockfile", warnings);
  const std::string entry_name = "a [[" + std::string(array) + "]] entry";
  if (entries == nullptr) {
    return packages;
  }
  for (const auto& node : *entries) {
    if (packages.size() >= k_max_locked_packages) {
      warnings.omit("more than " + std::to_string(k_max_locked_packages) +
                    " packages; the rest are not read");
      break;
    }
    const toml::table* entry = node.as_table();
    if (entry == nullptr) {
      warnings.warn(entry_name + " is not a table");
      continue;
    }
    LockedPackage package;
    package.facts.name = toml_text(*entry, "name", entry_name, warnings);
    if (package.facts.name.empty()) {
      warnings.warn(entry_name + " has no name");
      continue;
    }
    std::string where = "package \"" + package.facts.name + "\"";
    package.facts.version = toml_text(*entry, "version", where, warnings);
    read(*entry, package, where);
    packages.push_back(std::move(package));
  }
  return packages;
}

} // namespace kensa::scanner::python
