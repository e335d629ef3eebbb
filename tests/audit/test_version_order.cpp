#include "../support/test_support.hpp"

#include <kensa/audit/version_order.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace {

using kensa::audit::compare_versions;
using kensa::audit::VersionScheme;

const std::filesystem::path k_vectors = std::filesystem::path(KENSA_FIXTURES_DIR) / "versions";

// The fields of each line of a vector file, comments and blank lines left out.
std::vector<std::vector<std::string>> vector_lines(const std::string& name) {
  std::istringstream text(kensa::testing::read_file(k_vectors / name));
  std::vector<std::vector<std::string>> lines;
  std::string line;
  while (std::getline(text, line)) {
    if (const auto hash = line.find('#'); hash != std::string::npos) {
      line.resize(hash);
    }
    std::istringstream fields(line);
    std::vector<std::string> words;
    for (std::string word; fields >> word;) {
      words.push_back(word);
    }
    if (!words.empty()) {
      lines.push_back(std::move(words));
    }
  }
  return lines;
}

int sign(int value) {
  return value < 0 ? -1 : (value > 0 ? 1 : 0);
}

void check_pairs(const std::string& name, VersionScheme scheme) {
  const auto lines = vector_lines(name);
  REQUIRE(lines.size() >= 5);
  for (const auto& line : lines) {
    REQUIRE(line.size() == 3);
    const int expected = std::stoi(line[2]);
    INFO(name << ": " << line[0] << " vs " << line[1]);
    CHECK(sign(compare_versions(line[0], line[1], scheme)) == expected);
    CHECK(sign(compare_versions(line[1], line[0], scheme)) == -expected);
  }
}

void check_sorted(const std::string& name, VersionScheme scheme) {
  const auto lines = vector_lines(name);
  REQUIRE(lines.size() >= 5);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (std::size_t j = 0; j < lines.size(); ++j) {
      const int expected = i < j ? -1 : (i > j ? 1 : 0);
      for (const auto& a : lines[i]) {
        for (const auto& b : lines[j]) {
          INFO(name << ": " << a << " vs " << b);
          CHECK(sign(compare_versions(a, b, scheme)) == expected);
        }
      }
    }
  }
}

} // namespace

TEST_CASE("version order: Debian, as apt and dpkg test it", "[audit][versions]") {
  check_pairs("debian.pairs", VersionScheme::debian);
  check_sorted("debian.sorted", VersionScheme::debian);
}

TEST_CASE("version order: RPM, rpm's rpmvercmp cases", "[audit][versions]") {
  check_pairs("rpm.pairs", VersionScheme::rpm);
}

TEST_CASE("version order: PEP 440, packaging's sorted list and spellings", "[audit][versions]") {
  check_sorted("pep440.sorted", VersionScheme::pep440);
  check_pairs("pep440.pairs", VersionScheme::pep440);
}

TEST_CASE("version order: semver.org precedence examples, node-semver's comparisons",
          "[audit][versions]") {
  check_sorted("semver.sorted", VersionScheme::semver);
  check_pairs("semver.pairs", VersionScheme::semver);
}

TEST_CASE("version order: Go, x/mod's semver table", "[audit][versions]") {
  check_sorted("go.sorted", VersionScheme::go);
  check_pairs("go.pairs", VersionScheme::go);
}

TEST_CASE("version order: Maven, ComparableVersionTest", "[audit][versions]") {
  check_sorted("maven.sorted", VersionScheme::maven);
  check_sorted("maven-numbers.sorted", VersionScheme::maven);
  check_pairs("maven.pairs", VersionScheme::maven);
}

TEST_CASE("version order: Ruby, Gem::Version's spaceship", "[audit][versions]") {
  check_pairs("ruby.pairs", VersionScheme::ruby);
}

TEST_CASE("version order: each purl type has its scheme", "[audit][versions]") {
  CHECK(kensa::audit::version_scheme_for("npm") == VersionScheme::semver);
  CHECK(kensa::audit::version_scheme_for("cargo") == VersionScheme::semver);
  CHECK(kensa::audit::version_scheme_for("pypi") == VersionScheme::pep440);
  CHECK(kensa::audit::version_scheme_for("deb") == VersionScheme::debian);
  CHECK(kensa::audit::version_scheme_for("rpm") == VersionScheme::rpm);
  CHECK(kensa::audit::version_scheme_for("maven") == VersionScheme::maven);
  CHECK(kensa::audit::version_scheme_for("golang") == VersionScheme::go);
  CHECK(kensa::audit::version_scheme_for("gem") == VersionScheme::ruby);
  CHECK(kensa::audit::version_scheme_for("apk") == VersionScheme::generic);
  CHECK(kensa::audit::version_scheme_for("") == VersionScheme::generic);
}

TEST_CASE("version order: what a scheme cannot parse is still ordered, never equal by accident",
          "[audit][versions]") {
  // Not semver, not PEP 440: the generic rules order them, before any
  // version the scheme reads.
  CHECK(compare_versions("2.0-custom", "10.0-custom", VersionScheme::semver) < 0);
  CHECK(compare_versions("release-7", "release-12", VersionScheme::pep440) < 0);
  CHECK(compare_versions("release-12", "0.1", VersionScheme::pep440) < 0);
  CHECK(compare_versions("99.0-custom", "1.0.0", VersionScheme::semver) < 0);
  // Four numbers are no semver, yet 9.1.13.4 is plainly later than 1.13.4
  // (and than 8.0.0): further numbers are read as such, a missing one
  // being 0, as NuGet reads them.
  CHECK(compare_versions("1.13.4", "9.1.13.4", VersionScheme::semver) < 0);
  CHECK(compare_versions("9.1.13.4", "1.13.4", VersionScheme::semver) > 0);
  CHECK(compare_versions("8.0.0", "9.1.13.4", VersionScheme::semver) < 0);
  CHECK(compare_versions("1.2.3.4", "1.2.3.10", VersionScheme::semver) < 0);
  CHECK(compare_versions("1.2.3", "1.2.3.1", VersionScheme::semver) < 0);
  CHECK(compare_versions("1.2.3", "1.2.3.0", VersionScheme::semver) == 0);
  CHECK(compare_versions("1.2.3.4-beta", "1.2.3.4", VersionScheme::semver) < 0);
  CHECK(compare_versions("1.2.3.04", "1.2.3.4", VersionScheme::semver) < 0);
  // Go keeps its own rule: three numbers at most, an invalid version
  // before every valid one.
  CHECK(compare_versions("v9.1.13.4", "v1.13.4", VersionScheme::go) < 0);
  CHECK(compare_versions("1.0", "1.0.1", VersionScheme::generic) < 0);
  CHECK(compare_versions("1.0", "1_0", VersionScheme::generic) != 0);
  // Past the length cap, byte order: cheap and deterministic.
  const std::string long_a(kensa::audit::k_max_ordered_version_length + 1, '1');
  std::string long_b = long_a;
  long_b.back() = '2';
  CHECK(compare_versions(long_a, long_b, VersionScheme::maven) < 0);
  CHECK(compare_versions(long_b, "0", VersionScheme::maven) < 0);
  // Deep Maven nesting within the cap.
  std::string nested;
  while (nested.size() + 4 <= kensa::audit::k_max_ordered_version_length) {
    nested += "a1";
  }
  CHECK(compare_versions(nested, nested + "-0", VersionScheme::maven) == 0);
  CHECK(compare_versions(nested, "1", VersionScheme::maven) < 0);
}
