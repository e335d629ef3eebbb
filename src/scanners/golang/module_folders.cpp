#include "module_folders.hpp"

#include "go_component.hpp"

#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::golang {

namespace {

constexpr std::string_view k_module_cache = "/pkg/mod/";

} // namespace

std::vector<std::string> vendor_globs() {
  std::vector<std::string> globs = license_file_globs("**/vendor/**");
  globs.emplace_back("**/vendor/modules.txt");
  return globs;
}

std::vector<std::string> module_cache_license_globs() {
  return license_file_globs("**/pkg/mod/**/*@*");
}

std::set<std::pair<std::string, std::string>> parse_vendor_modules(std::string_view text) {
  std::set<std::pair<std::string, std::string>> modules;
  for (std::string_view line : split(text, '\n')) {
    if (!line.starts_with("# ")) {
      continue;
    }
    // "# golang.org/x/text v0.14.0", "# example.com/a v1.0.0 => ../a".
    const auto fields = split(trim(line.substr(2)), ' ');
    if (fields.size() >= 2 && !fields[0].empty() && fields[1].starts_with('v')) {
      modules.emplace(std::string(fields[0]), std::string(fields[1]));
    }
  }
  return modules;
}

void add_vendored_license_evidence(model::Component& component, const ModuleFolderFiles& files,
                                   std::string_view mod_folder, std::string_view path,
                                   std::string_view version) {
  auto vendored = files.vendored.find(mod_folder);
  if (vendored == files.vendored.end() ||
      vendored->second.count({std::string(path), std::string(version)}) == 0) {
    return;
  }
  const std::string folder = join_path(join_path(mod_folder, "vendor"), path);
  for (const source::SourceFile* file : license_files_of(files.licenses, folder)) {
    model::add_license_file_evidence(component, file->location, file->bytes(),
                                     files.keep_unlisted_texts);
  }
}

std::optional<std::pair<std::string, std::string>> module_cache_folder(std::string_view folder) {
  const std::size_t cache = folder.rfind(k_module_cache);
  std::string_view rest;
  if (cache != std::string_view::npos) {
    rest = folder.substr(cache + k_module_cache.size());
  } else if (folder.starts_with(k_module_cache.substr(1))) {
    rest = folder.substr(k_module_cache.size() - 1);
  } else {
    return std::nullopt;
  }
  const std::size_t at = rest.rfind('@');
  // The version is the last segment's ("x@v1.2.3"), never a folder's above.
  if (at == std::string_view::npos || rest.find('/', at) != std::string_view::npos ||
      rest.starts_with("cache/")) {
    return std::nullopt;
  }
  // The module cache writes each upper-case letter as '!' and the letter
  // in lower case, for case-insensitive file systems.
  std::string path;
  for (std::size_t i = 0; i < at; ++i) {
    if (rest[i] == '!' && i + 1 < at && rest[i + 1] >= 'a' && rest[i + 1] <= 'z') {
      path += static_cast<char>(rest[i + 1] - 'a' + 'A');
      ++i;
    } else {
      path += rest[i];
    }
  }
  std::string version(rest.substr(at + 1));
  if (path.empty() || !version.starts_with('v')) {
    return std::nullopt;
  }
  return std::make_pair(std::move(path), std::move(version));
}

void add_module_cache_modules(ScanContext& context, const ModuleFolderFiles& files) {
  for (const auto& [folder, license_files] : files.licenses) {
    const auto module = module_cache_folder(folder);
    if (!module) {
      continue;
    }
    model::Component component = make_module_component(
        module->first, module->second, "", context.evidence_for(*license_files.front()));
    for (const source::SourceFile* file : license_files) {
      model::add_license_file_evidence(component, file->location, file->bytes(),
                                       files.keep_unlisted_texts);
    }
    context.graph().add(std::move(component));
  }
}

} // namespace kensa::scanner::golang
