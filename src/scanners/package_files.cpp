#include "package_files.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner {

namespace {

constexpr std::string_view k_package_extensions[] = {".deb", ".udeb", ".ddeb",  ".rpm",   ".apk",
                                                     ".whl", ".gem",  ".crate", ".nupkg", ".snap"};

} // namespace

bool is_package_file_name(std::string_view name) {
  for (std::string_view extension : k_package_extensions) {
    if (name.size() > extension.size() &&
        equals_ignore_case(name.substr(name.size() - extension.size()), extension)) {
      return true;
    }
  }
  return false;
}

bool inside_package_file(std::string_view location) {
  for (auto cut = location.find("!/"); cut != std::string_view::npos;
       cut = location.find("!/", cut + 2)) {
    if (is_package_file_name(location.substr(0, cut))) {
      return true;
    }
  }
  return false;
}

} // namespace kensa::scanner
