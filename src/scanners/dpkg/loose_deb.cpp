#include "loose_deb.hpp"

#include "dpkg_component.hpp"
#include "file_lists.hpp"

#include <kensa/scanner/file_report.hpp>

#include <array>

namespace kensa::scanner::dpkg {

namespace {

// The compressions dpkg-deb writes (and reads) for the two tarballs.
constexpr std::array<std::string_view, 6> k_tar_suffixes{"", ".gz", ".xz", ".zst", ".bz2", ".lzma"};

// When `location` ends with "!/<tarball>!/<rest>" where <tarball> is
// `stem` plus a known compression: the part up to and including the first
// "!/", and <rest>.
std::optional<std::pair<std::string, std::string_view>> split_tarball(std::string_view location,
                                                                      std::string_view stem) {
  auto inner = location.rfind("!/");
  if (inner == std::string_view::npos || inner == 0) {
    return std::nullopt;
  }
  auto outer = location.rfind("!/", inner - 1);
  std::size_t start = outer == std::string_view::npos ? 0 : outer + 2;
  std::string_view tarball = location.substr(start, inner - start);
  if (outer == std::string_view::npos || !tarball.starts_with(stem)) {
    return std::nullopt;
  }
  tarball.remove_prefix(stem.size());
  for (std::string_view suffix : k_tar_suffixes) {
    if (tarball == suffix) {
      return std::pair{std::string(location.substr(0, start)), location.substr(inner + 2)};
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<std::pair<std::string, std::string_view>> control_member(std::string_view location) {
  return split_tarball(location, "control.tar");
}

std::optional<std::string> data_tarball_deb(std::string_view root) {
  auto split = split_tarball(root, "data.tar");
  if (!split || !split->second.empty()) {
    return std::nullopt;
  }
  return split->first;
}

void scan_loose_deb(ScanContext& context, const std::string& prefix, const LooseDeb& deb,
                    SynopsisCache& licenses) {
  const source::SourceFile& control = *deb.control;
  FileReport report(context, control);
  StatusParse parsed = parse_status(control.contents, control.location, false);
  report.warn_all(parsed.problems);
  if (parsed.packages.size() != 1) {
    if (parsed.packages.size() > 1) {
      report.warn("a package's control file holds " + std::to_string(parsed.packages.size()) +
                  " stanzas; only the first is used");
    }
    if (parsed.packages.empty()) {
      return;
    }
  }
  const DpkgPackage& package = parsed.packages.front();

  PackageExtras extras;
  if (auto it = deb.copyrights.find(package.name); it != deb.copyrights.end()) {
    CopyrightLicenses copyright = read_copyright(it->second->contents, licenses);
    extras.licenses = copyright.licenses;
    extras.copyright_format = copyright.machine_readable ? "machine-readable" : "free-form";
  }
  std::vector<FileDigest> digests;
  if (deb.md5sums != nullptr) {
    Md5sumsParse sums = parse_md5sums(deb.md5sums->contents);
    FileReport(context, *deb.md5sums).warn_all(sums.problems);
    digests = std::move(sums.digests);
    extras.md5sums = digests.size();
  }

  // A package file lying on disk is not an installed package: its evidence
  // is the .deb itself, found as a file.
  model::Evidence evidence{prefix.substr(0, prefix.size() - 2), control.layer,
                           std::string(k_found_by_deb_file)};
  std::string id = context.graph().add(make_component(package, extras, evidence, report));
  // The data tarball's compression is not known here; a claim on a file
  // that is not in the inventory changes nothing.
  for (const auto& digest : digests) {
    std::string_view path = digest.path;
    while (path.starts_with('/') || path.starts_with("./")) {
      path.remove_prefix(path.starts_with('/') ? 1 : 2);
    }
    for (std::string_view suffix : k_tar_suffixes) {
      context.own_file(id, prefix + "data.tar" + std::string(suffix) + "!/" + std::string(path),
                       digest.md5);
    }
  }
}

} // namespace kensa::scanner::dpkg
