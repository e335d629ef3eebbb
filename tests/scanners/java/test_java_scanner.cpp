// The java scanner as `kensa scan` runs it: which files go to which reader.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

TEST_CASE("java scanner: a JDK, Gradle lockfiles and a pom.xml found in one tree", "[java]") {
  fs::path folder = scratch_dir("java-scanner-tree");
  fs::path jdk = folder / "usr/lib/jvm/java-17-openjdk-amd64";
  fs::create_directories(jdk);
  fs::copy_file(fixture("java/jdk/debian-openjdk-17-jre-headless/release"), jdk / "release");
  // Another file named "release" is not a JDK.
  native::write_bytes(folder / "docs/release", "Release notes\n");
  fs::create_directories(folder / "app");
  // The buildscript's lockfile has the same form as the project's.
  fs::copy_file(fixture("java/gradle/lockfile/gradle.lockfile"),
                folder / "app/buildscript-gradle.lockfile");
  auto document = native::scan_with(folder, "java");

  auto jdks = native::components_named(document, "openjdk");
  REQUIRE(jdks.size() == 1);
  CHECK(jdks[0]->evidence.at(0).location == "usr/lib/jvm/java-17-openjdk-amd64/release");
  std::size_t from_lockfile = 0;
  for (const auto& component : document.components) {
    from_lockfile += component.evidence.at(0).location == "app/buildscript-gradle.lockfile" ? 1 : 0;
  }
  CHECK(from_lockfile > 5);
  CHECK(native::warnings(document).empty());
}
