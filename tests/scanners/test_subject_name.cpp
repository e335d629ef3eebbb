// The subject of a scan is named after what was scanned: a project folder
// after the project its top-level manifest declares, a root file system
// after its distribution; otherwise the folder keeps its own name.
#include "../support/test_support.hpp"

#include <kensa/scanner/scan.hpp>
#include <kensa/source/memory_source.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kensa;
using kensa::testing::fixture;
using kensa::testing::read_file;

namespace {

model::Component subject_of(std::vector<source::MemoryFile> files) {
  auto input = source::make_memory_source(std::move(files), "checkout");
  scanner::ScanOptions options;
  options.timestamp = 0;
  auto document = scanner::scan(*input, options);
  REQUIRE(document);
  REQUIRE(document->metadata.subject);
  return *document->metadata.subject;
}

} // namespace

TEST_CASE("subject name: a folder is the project its top-level manifest declares",
          "[scanner][subject]") {
  auto subject =
      subject_of({{"package-lock.json", read_file(fixture("npm/lockfile-v3/package-lock.json"))}});
  CHECK(subject.name == "kensa-fixture-app");
  CHECK(subject.version == "1.0.0");
}

TEST_CASE("subject name: a project folder declares the license of its manifest",
          "[scanner][subject]") {
  // The root package's `license`, as package-lock.json copies it from
  // package.json.
  auto npm =
      subject_of({{"package-lock.json", read_file(fixture("npm/lockfile-v3/package-lock.json"))}});
  REQUIRE(npm.licenses_declared.size() == 1);
  CHECK(npm.licenses_declared[0].expression == "MIT");
  // pyproject.toml `project.license = {text = "MIT"}`.
  auto python = subject_of(
      {{"pyproject.toml", read_file(fixture("python/pyproject-setuptools/pyproject.toml"))}});
  REQUIRE(python.licenses_declared.size() == 1);
  CHECK(python.licenses_declared[0].expression == "MIT");
  // Below the top the manifest is another project's, not the folder's.
  CHECK(subject_of(
            {{"app/package-lock.json", read_file(fixture("npm/lockfile-v3/package-lock.json"))}})
            .licenses_declared.empty());
}

TEST_CASE("subject name: a folder with no project, or two, keeps its name", "[scanner][subject]") {
  CHECK(subject_of({{"notes.txt", "nothing to see"}}).name == "checkout");
  // A project below the top is not the folder's.
  CHECK(subject_of(
            {{"app/package-lock.json", read_file(fixture("npm/lockfile-v3/package-lock.json"))}})
            .name == "checkout");
  auto two = subject_of(
      {{"package-lock.json", read_file(fixture("npm/lockfile-v3/package-lock.json"))},
       {"pyproject.toml", read_file(fixture("python/pyproject-setuptools/pyproject.toml"))}});
  CHECK(two.name == "checkout");
  CHECK(two.version.empty());
}
