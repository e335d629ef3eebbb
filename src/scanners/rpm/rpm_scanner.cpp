#include "rpm_scanner.hpp"

#include "../common/distro/distro_index.hpp"
#include "databases.hpp"
#include "rpm_component.hpp"
#include "rpm_dependencies.hpp"
#include "rpm_file.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/file_report.hpp>

#include <array>
#include <map>

namespace kensa::scanner::rpm {

namespace {

enum class Format { sqlite, ndb, bdb };

struct DatabaseFile {
  std::string_view file_name;
  Format format;
};

// In order of preference: when a root holds several (a system converted
// from Berkeley DB keeps the old file), the one rpm uses today wins.
constexpr std::array k_database_files{
    DatabaseFile{"rpmdb.sqlite", Format::sqlite},
    DatabaseFile{"Packages.db", Format::ndb},
    DatabaseFile{"Packages", Format::bdb},
};

constexpr std::array<std::string_view, 3> k_folders{"var/lib/rpm/", "usr/lib/sysimage/rpm/",
                                                    "usr/share/rpm/"};

// What the header recorded for file `index`'s contents, when kensa knows its
// algorithm.
std::optional<model::Hash> recorded_digest(const RpmPackage& package, std::size_t index) {
  if (!package.file_digest_hash || index >= package.file_digest_hexes.size() ||
      package.file_digest_hexes[index].empty()) {
    return std::nullopt;
  }
  return model::Hash{*package.file_digest_hash, package.file_digest_hexes[index]};
}

struct Found {
  const source::SourceFile* file = nullptr;
  std::size_t rank = 0;
};

Result<BlobRead> read_blobs(const source::SourceFile& file, Format format) {
  switch (format) {
  case Format::sqlite:
    return read_sqlite(file.contents);
  case Format::ndb:
    return read_ndb(file.contents);
  case Format::bdb:
    return read_bdb(file.contents);
  }
  return fail("unknown format");
}

void scan_database(ScanContext& context, const source::SourceFile& file, Format format,
                   const std::string& root, const distro::OsRelease* distro) {
  FileReport report(context, file);
  auto blobs = read_blobs(file, format);
  if (!blobs) {
    report.warn("cannot read the rpm database: " + blobs.error());
    return;
  }
  report.warn_all(blobs->problems);
  std::vector<RpmPackage> packages;
  std::size_t bad_headers = 0;
  std::string first_bad;
  for (const auto& blob : blobs->blobs) {
    auto header = RpmHeader::parse(blob);
    Result<RpmPackage> package =
        header ? read_package(*header) : Result<RpmPackage>(fail(header.error()));
    if (!package) {
      if (bad_headers++ == 0) {
        first_bad = package.error();
      }
      continue;
    }
    // The public keys rpm imports show up as gpg-pubkey "packages"; they are
    // not software.
    if (package->name == "gpg-pubkey") {
      continue;
    }
    packages.push_back(std::move(*package));
  }
  if (bad_headers > 0) {
    report.warn(std::to_string(bad_headers) + " package header" + (bad_headers == 1 ? "" : "s") +
                " could not be read (first: " + first_bad + ")");
  }

  RpmResolution resolution = resolve_dependencies(packages);
  if (!resolution.unresolved.empty()) {
    std::size_t count = resolution.unresolved.size();
    report.warn(std::to_string(count) + (count == 1 ? " requirement is" : " requirements are") +
                " not installed (first: " + resolution.unresolved.front() + ")");
  }
  std::vector<std::string> ids;
  ids.reserve(packages.size());
  std::size_t without_namespace = 0;
  for (const auto& package : packages) {
    std::string vendor = purl_namespace(distro, package.vendor);
    if (vendor.empty()) {
      ++without_namespace;
    }
    ids.push_back(context.graph().add(
        make_component(package, vendor, distro, context.evidence_for(file), report)));
    for (std::size_t f = 0; f < package.files.size(); ++f) {
      const std::string& path = package.files[f];
      if (path.starts_with('/')) {
        context.own_file(ids.back(), root + path.substr(1), recorded_digest(package, f));
      }
    }
  }
  if (without_namespace > 0) {
    report.warn(std::to_string(without_namespace) +
                " package(s) have no purl: no os-release names the "
                "distribution and their vendor is not one kensa knows");
  }
  for (const auto& [from, to] : resolution.edges) {
    context.graph().relate(ids[from], ids[to], model::RelationshipType::depends_on);
  }
}

// A package file: its header, like a database entry, without a
// distribution (a loose file does not say where it will be installed).
void scan_package_file(FileReport& report, const source::SourceFile& file) {
  if (!is_rpm_file(file.contents)) {
    return; // Only named like one.
  }
  auto blob = package_header_blob(file.contents);
  auto header = blob ? RpmHeader::parse(*blob) : Result<RpmHeader>(fail(blob.error()));
  Result<RpmPackage> package =
      header ? read_package(*header) : Result<RpmPackage>(fail(header.error()));
  if (!package) {
    report.warn("cannot read the rpm package header: " + package.error());
    return;
  }
  std::string vendor = purl_namespace(nullptr, package->vendor);
  // Not an installed package: the .rpm file, found as such.
  ScanContext& context = report.context();
  model::Evidence evidence = context.evidence_for(file);
  evidence.found_by = "rpm-file";
  std::string id = context.graph().add(make_component(*package, vendor, nullptr, evidence, report));
  if (vendor.empty()) {
    report.warn("the package has no purl: its vendor is not one kensa knows");
  }
  // The payload's files, as the source layer locates them inside the rpm.
  for (std::size_t f = 0; f < package->files.size(); ++f) {
    const std::string& path = package->files[f];
    if (path.starts_with('/')) {
      context.own_file(id, file.location + "!/" + path.substr(1), recorded_digest(*package, f));
    }
  }
}

// Each database, the one rpm uses today where a root holds several, with the
// release file of its root.
void read_databases(ScanContext& context, const FileSet& files) {
  std::map<std::string, Found> roots;
  for (const auto& file : files) {
    for (std::size_t rank = 0; rank < k_database_files.size(); ++rank) {
      for (std::string_view folder : k_folders) {
        auto root = distro::root_of(
            file.location, std::string(folder) + std::string(k_database_files[rank].file_name));
        if (!root) {
          continue;
        }
        auto [it, inserted] = roots.try_emplace(*root, Found{&file, rank});
        if (!inserted && rank < it->second.rank) {
          it->second = Found{&file, rank};
        }
      }
    }
  }
  distro::DistroIndex distros(files);
  for (const auto& [root, found] : roots) {
    scan_database(context, *found.file, k_database_files[found.rank].format, root,
                  distros.find(root));
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  std::vector<FilePattern> databases;
  for (std::string_view folder : k_folders) {
    for (const auto& database : k_database_files) {
      databases.push_back(FilePattern{"**/" + std::string(folder) + std::string(database.file_name),
                                      EvidenceKind::installed});
    }
  }
  add_patterns(databases, distro::release_file_patterns(), EvidenceKind::installed);
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      file_set("rpm databases", std::move(databases), &read_databases),
      // Package files lying on disk say what they would install.
      each_file(patterns_of_kind({"**/*.rpm"}, EvidenceKind::declared), &scan_package_file),
  }});
}

} // namespace kensa::scanner::rpm
