#include "java_scanner.hpp"

#include "archive_name.hpp"
#include "gradle_lockfile.hpp"
#include "gradle_verification.hpp"
#include "java_archives.hpp"
#include "jdk_release.hpp"
#include "pom_projects.hpp"

#include <kensa/scanner/file_report.hpp>

#include <exception>
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

std::vector<FilePattern> make_patterns() {
  std::vector<FilePattern> patterns;
  add_patterns(patterns, k_archive_patterns, EvidenceKind::installed);
  add_patterns(patterns, localization_globs(), EvidenceKind::installed);
  for (auto& pattern : patterns_of_kind(
           {
               // Archive-root metadata: matched against the path inside the
               // innermost container, so these are the archive's own.
               "META-INF/MANIFEST.MF",
               "META-INF/maven/*/*/pom.properties",
               "META-INF/maven/*/*/pom.xml",
               // JDK and JRE installations.
               "**/release",
           },
           EvidenceKind::installed)) {
    patterns.push_back(std::move(pattern));
  }
  for (auto& pattern : patterns_of_kind(
           {
               // Source trees.
               "**/pom.xml",
               "**/gradle.lockfile",
               "**/buildscript-gradle.lockfile",
               "**/settings-gradle.lockfile",
               "**/gradle/dependency-locks/*.lockfile",
               "**/gradle/verification-metadata.xml",
           },
           EvidenceKind::declared)) {
    patterns.push_back(std::move(pattern));
  }
  return patterns;
}

const std::vector<FilePattern> k_patterns = make_patterns();

bool inside_archive(const source::SourceFile& file) {
  return source::container_prefix(file).ends_with("!/");
}

// Runs one reader; an exception it did not foresee becomes a warning naming
// `what`, and the other readers still run.
template <typename Read>
void guarded(ScanContext& context, std::string_view what, Read read) {
  try {
    read();
  } catch (const std::exception& error) {
    context.omit(what, std::string("cannot read Java metadata: ") + error.what());
  }
}

void read_file(ScanContext& context, const source::SourceFile& file,
               void (*read)(FileReport& report, const source::SourceFile& file)) {
  FileReport report(context, file);
  read_guarded(report, [&] { read(report, file); });
}

class JavaScanner : public Scanner {
 public:
  std::span<const FilePattern> patterns() const override { return k_patterns; }
  std::span<const std::string> installed_archives() const override { return k_archive_patterns; }

  std::optional<std::string> condense_named(const source::SourceFile& file) const override {
    if (java_archive_type(file_name_of(file.path)).empty()) {
      return std::nullopt;
    }
    return archive_summary(file.contents);
  }

  void scan(ScanContext& context, std::span<const source::SourceFile> files) override {
    std::vector<const source::SourceFile*> archive_files;
    std::vector<const source::SourceFile*> poms;
    for (const auto& file : files) {
      std::string_view name = file_name_of(file.path);
      if (!java_archive_type(name).empty() ||
          (inside_archive(file) && is_archive_metadata(file.path))) {
        archive_files.push_back(&file);
      } else if (name == "pom.xml") {
        // A pom.xml deeper inside an archive than META-INF/maven/<g>/<a>/
        // (sources jars, project templates) is still a project file.
        poms.push_back(&file);
      } else if (name == "verification-metadata.xml") {
        read_file(context, file, &read_gradle_verification);
      } else if (name.ends_with(".lockfile")) {
        read_file(context, file, &read_gradle_lockfile);
      } else if (name == "release" && looks_like_jdk_release(file.contents)) {
        read_file(context, file, &read_jdk_release);
      }
    }
    guarded(context, "Java archives", [&] { read_java_archives(context, archive_files); });
    guarded(context, "pom.xml projects", [&] { read_pom_projects(context, poms); });
  }
};

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<JavaScanner>();
}

} // namespace kensa::scanner::java
