#include "java_scanner.hpp"

#include "archive_name.hpp"
#include "gradle_lockfile.hpp"
#include "gradle_verification.hpp"
#include "java_archives.hpp"
#include "jdk_release.hpp"
#include "pom_projects.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>

#include <string>
#include <vector>

namespace kensa::scanner::java {

namespace {

std::vector<std::string> make_archive_patterns() {
  std::vector<std::string> patterns;
  for (std::string_view extension : java_archive_extensions()) {
    patterns.push_back("**/*." + std::string(extension));
  }
  return patterns;
}

// Java archives are what a JVM loads: installed, and so are the nested
// archives and metadata inside them.
const std::vector<std::string> k_archive_patterns = make_archive_patterns();

bool inside_archive(const source::SourceFile& file) {
  return source::container_prefix(file).ends_with("!/");
}

// A Java archive, or the metadata at the root of one (a pom.xml there is the
// archive's own, read with it).
bool is_archive_or_its_metadata(const ScanContext&, const source::SourceFile& file) {
  return !java_archive_type(file_name_of(file.path)).empty() ||
         (inside_archive(file) && is_archive_metadata(file.path));
}

// A file named release that is a JDK's (other tools name files so too).
bool is_jdk_release(const ScanContext&, const source::SourceFile& file) {
  return looks_like_jdk_release(file.contents);
}

std::optional<std::string> condense_archive(const source::SourceFile& file) {
  if (java_archive_type(file_name_of(file.path)).empty()) {
    return std::nullopt;
  }
  return archive_summary(file.bytes());
}

// A jar too large to buffer (fat jars of emulators and servers reach
// hundreds of megabytes) is still digested: mapped, since its summary is
// all the scanner keeps. Its members are read by the archive walk anyway.
bool maps_large_archive(std::string_view head) {
  return head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06");
}

std::vector<FilePattern> archive_patterns() {
  std::vector<FilePattern> patterns;
  add_patterns(patterns, k_archive_patterns, EvidenceKind::installed);
  add_patterns(patterns, localization_globs(), EvidenceKind::installed);
  add_patterns(patterns, license_file_globs(), EvidenceKind::installed);
  // Archive-root metadata: matched against the path inside the innermost
  // container, so these are the archive's own.
  for (auto& pattern :
       patterns_of_kind({"META-INF/MANIFEST.MF", "META-INF/maven/*/*/pom.properties",
                         "META-INF/maven/*/*/pom.xml"},
                        EvidenceKind::installed)) {
    patterns.push_back(std::move(pattern));
  }
  return patterns;
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  FileParserScanner::Rules rules{{
      file_set("Java archives", archive_patterns(), &read_java_archives,
               &is_archive_or_its_metadata),
      // JDK and JRE installations.
      each_file(patterns_of_kind({"**/release"}, EvidenceKind::installed), &read_jdk_release,
                &is_jdk_release),
      // Source trees. A pom.xml deeper inside an archive than
      // META-INF/maven/<g>/<a>/ (sources jars, project templates) is a
      // project file too.
      file_set("pom.xml projects", patterns_of_kind({"**/pom.xml"}, EvidenceKind::declared),
               &read_pom_projects),
      each_file(
          patterns_of_kind({"**/gradle.lockfile", "**/buildscript-gradle.lockfile",
                            "**/settings-gradle.lockfile", "**/gradle/dependency-locks/*.lockfile"},
                           EvidenceKind::declared),
          &read_gradle_lockfile),
      each_file(patterns_of_kind({"**/gradle/verification-metadata.xml"}, EvidenceKind::declared),
                &read_gradle_verification),
  }};
  rules.installed_archives = k_archive_patterns;
  rules.condense_named = &condense_archive;
  rules.maps_large_named = &maps_large_archive;
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::java
