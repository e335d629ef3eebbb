#include "license_files.hpp"

#include <kensa/model/license_text.hpp>
#include <kensa/util/path_text.hpp>

namespace kensa::scanner {

std::vector<std::string> license_file_globs(std::string_view folder_glob) {
  std::vector<std::string> globs;
  for (const std::string_view name :
       {"[Ll][Ii][Cc][Ee][Nn][CcSs][Ee]*", "[Cc][Oo][Pp][Yy][Ii][Nn][Gg]*",
        "[Nn][Oo][Tt][Ii][Cc][Ee]*", "[Uu][Nn][Ll][Ii][Cc][Ee][Nn][Ss][Ee]*"}) {
    globs.push_back(std::string(folder_glob) + "/" + std::string(name));
  }
  return globs;
}

bool add_license_file(LicenseFilesByFolder& found, const source::SourceFile& file) {
  if (!model::is_license_file_name(file_name_of(file.location))) {
    return false;
  }
  found[std::string(folder_of(file.location))].push_back(&file);
  return true;
}

std::span<const source::SourceFile* const> license_files_of(const LicenseFilesByFolder& found,
                                                            std::string_view folder) {
  if (auto it = found.find(folder); it != found.end()) {
    return it->second;
  }
  return {};
}

} // namespace kensa::scanner
