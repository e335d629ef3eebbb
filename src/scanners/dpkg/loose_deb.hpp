#pragma once

#include "copyright.hpp"

#include <kensa/scanner/scanner.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

// Debian package files (.deb) found as files: an ar archive whose
// control.tar.* holds the package's control file and md5sums, and whose
// data.tar.* holds its files. The source layer opens both tarballs; this
// reads what they hand over.
namespace kensa::scanner::dpkg {

// The files of one .deb, keyed by its location prefix ("dist/app_1.0_all.deb!/").
struct LooseDeb {
  const source::SourceFile* control = nullptr;
  const source::SourceFile* md5sums = nullptr;
  // Keyed by package name: usr/share/doc/<package>/copyright in data.tar.*.
  std::map<std::string, const source::SourceFile*, std::less<>> copyrights;
};

// Evidence::found_by of packages read from .deb files (not "dpkg": they are
// not installed).
inline constexpr std::string_view k_found_by_deb_file = "deb-file";

// When `location` is a member of a .deb's control tarball
// ("x.deb!/control.tar.xz!/control"), the .deb's prefix ("x.deb!/") and the
// member's name ("control"); nullopt otherwise.
std::optional<std::pair<std::string, std::string_view>> control_member(std::string_view location);

// When `root` (a folder above usr/share/doc) is the inside of a .deb's data
// tarball ("x.deb!/data.tar.xz!/"), the .deb's prefix; nullopt otherwise.
std::optional<std::string> data_tarball_deb(std::string_view root);

// Adds the package of one .deb: a component like an installed package's
// (without a distro, which a loose file does not state), licenses from its
// copyright file, and ownership of the files its md5sums lists.
void scan_loose_deb(ScanContext& context, const std::string& prefix, const LooseDeb& deb,
                    SynopsisCache& licenses);

} // namespace kensa::scanner::dpkg
