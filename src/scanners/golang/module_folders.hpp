#pragma once

#include "../common/license_files.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_parser_scanner.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The source folders of Go modules that lie in a scanned tree: a vendor
// tree (`go mod vendor`'s vendor/<module path>/ with vendor/modules.txt)
// and the module cache (pkg/mod/<module path>@<version>/). What kensa
// reads of them is their license files.
namespace kensa::scanner::golang {

// Globs of vendor/modules.txt and of the license files of vendored modules
// (declared: they come with a project's go.mod), and of the license files
// of the module cache (installed).
std::vector<std::string> vendor_globs();
std::vector<std::string> module_cache_license_globs();

// The modules a vendor/modules.txt lists ("# <path> <version>" lines), as
// (path, version).
std::set<std::pair<std::string, std::string>> parse_vendor_modules(std::string_view text);

// The license files and vendor trees of a scan, by folder.
struct ModuleFolderFiles {
  LicenseFilesByFolder licenses;
  // ScanContext::keeps_unlisted_license_texts of the scan.
  bool keep_unlisted_texts = false;
  // The modules each vendor/modules.txt lists, by the folder that holds
  // the go.mod (the folder above vendor/).
  std::map<std::string, std::set<std::pair<std::string, std::string>>, std::less<>> vendored;
};

// Adds the license evidence of the vendored copy of module `path` at
// `version` of the go.mod in `mod_folder`: the license files of
// vendor/<path>/, when vendor/modules.txt lists that module at that
// version.
void add_vendored_license_evidence(model::Component& component, const ModuleFolderFiles& files,
                                   std::string_view mod_folder, std::string_view path,
                                   std::string_view version);

// The module path and version of a module cache folder
// (".../pkg/mod/github.com/!burnt!sushi/toml@v1.3.2" gives
// "github.com/BurntSushi/toml", "v1.3.2"); nullopt for other folders.
std::optional<std::pair<std::string, std::string>> module_cache_folder(std::string_view folder);

// Adds a library for each module cache folder of `files.licenses`: purl
// pkg:golang/<path>@<version>, with the license evidence of its license
// files.
void add_module_cache_modules(ScanContext& context, const ModuleFolderFiles& files);

} // namespace kensa::scanner::golang
