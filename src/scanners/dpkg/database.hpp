#pragma once

#include "../common/distro/os_release.hpp"
#include "copyright.hpp"

#include <kensa/scanner/scanner.hpp>

#include <map>
#include <string>
#include <vector>

// One dpkg database: the files of one root file system that describe its
// installed packages.
namespace kensa::scanner::dpkg {

struct DatabaseFiles {
  // "" for the scanned folder itself, "rootfs/" for a root below it.
  std::string root;
  const source::SourceFile* status = nullptr;
  // Distroless: var/lib/dpkg/status.d/<package>, one control file each.
  std::vector<const source::SourceFile*> status_d;
  // Keyed by "<package>" or "<package>:<arch>": info/*.list, info/*.md5sums
  // and status.d/*.md5sums.
  std::map<std::string, const source::SourceFile*, std::less<>> lists;
  std::map<std::string, const source::SourceFile*, std::less<>> md5sums;
  // Keyed by package name: usr/share/doc/<package>/copyright.
  std::map<std::string, const source::SourceFile*, std::less<>> copyrights;
};

// Reads the database's packages (installed ones only), adds one component
// per package and a depends_on edge per resolved dependency to the graph,
// and reports bad input as warnings naming the file. `distro` may be null.
void scan_database(ScanContext& context, const DatabaseFiles& files,
                   const distro::OsRelease* distro, SynopsisCache& licenses);

} // namespace kensa::scanner::dpkg
