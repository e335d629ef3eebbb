#pragma once

#include "composer_package.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <map>
#include <string>
#include <vector>

// The packages of one composer.lock or installed.json, added to the graph
// with the edges their "require" lists give.
namespace kensa::scanner::composer {

// Most packages read from one file; far above real projects (a large
// Drupal site locks a few hundred).
inline constexpr std::size_t k_max_packages = 200'000;

class PackageSet {
 public:
  // Reads each entry of `packages` (an array; anything else is a warning
  // naming `what`), marking them development ones when `development` is
  // set. Past k_max_packages in all, the rest are left out with an
  // omission.
  void read(FileReport& report, json::Value packages, std::string_view what, bool development);
  // Marks the packages named in `names` as development ones
  // (installed.json's dev-package-names).
  void mark_development(json::Value names);
  // Adds the packages, and a depends_on edge for each requirement naming
  // another package of the set (a requirement another package provides or
  // replaces names none, and gives no edge).
  void add_to_graph(FileReport& report, const model::Evidence& evidence);
  // The id of the package named `name` (any case), once added; empty when
  // there is none.
  std::string id_of(std::string_view name) const;

 private:
  std::vector<ComposerPackage> m_packages;
  std::vector<std::string> m_ids;
  std::map<std::string, std::size_t> m_by_name;
  bool m_capped = false;
};

} // namespace kensa::scanner::composer
