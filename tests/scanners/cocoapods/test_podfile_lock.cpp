// Podfile.lock as `pod install` wrote it in public repositories
// (tests/fixtures/cocoapods/README.md), and git, podspec and quoted pods
// written here in the same layout.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

const model::Component& pod_with_purl(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

bool warned_about(const model::Document& document, std::string_view location,
                  std::string_view text) {
  auto warnings = native::warnings(document);
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

} // namespace

TEST_CASE("Podfile.lock: pods, subspecs, checksums and the graph", "[cocoapods][podfile-lock]") {
  auto document = native::scan_with(fixture("cocoapods/subspecs"), "cocoapods");
  CHECK(native::warnings(document).empty());
  // Seven pods and the project.
  CHECK(document.components.size() == 8);
  const auto& core = pod_with_purl(document, "pkg:cocoapods/Mockingjay@2.0.1#Core");
  CHECK(core.name == "Mockingjay/Core");
  CHECK(core.version == "2.0.1");
  // Subspecs share their pod's podspec, and so its checksum.
  REQUIRE(core.hashes.size() == 1);
  CHECK(core.hashes[0].algorithm == model::HashAlgorithm::sha1);
  CHECK(core.hashes[0].hex == "11a621880d2887f1775bdcf824341eb68f218450");
  CHECK(pod_with_purl(document, "pkg:cocoapods/Mockingjay@2.0.1").hashes == core.hashes);
  CHECK(pod_with_purl(document, "pkg:cocoapods/URITemplate@2.0.3").hashes.at(0).hex ==
        "ace0c4c46dcf8afe6e89b4060621852886b15c3b");
  // The spec repository is the public one, under its old URL.
  CHECK_FALSE(native::property(core, "kensa:cocoapods:spec-repo"));

  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{
            "subspecs -> DeviceDNA@0.1.6",
            "subspecs -> Mockingjay@2.0.1",
            "subspecs -> PayCardsRecognizer@1.1.7",
            "subspecs -> TrustKit@1.6.4",
            "Mockingjay@2.0.1 -> Mockingjay/Core@2.0.1",
            "Mockingjay@2.0.1 -> Mockingjay/XCTest@2.0.1",
            "Mockingjay/Core@2.0.1 -> URITemplate@2.0.3",
            "Mockingjay/XCTest@2.0.1 -> Mockingjay/Core@2.0.1",
        });
  CHECK(native::edges(document, model::RelationshipType::describes).size() == 1);
}

TEST_CASE("Podfile.lock: pods from paths have no purl, and other platforms' pods are no error",
          "[cocoapods][podfile-lock]") {
  auto document = native::scan_with(fixture("cocoapods/flutter-plugins"), "cocoapods");
  CHECK(native::warnings(document).empty());
  const auto& plugin = native::only(document, "path_provider_foundation");
  CHECK(plugin.purl.empty());
  CHECK(plugin.version == "0.0.1");
  CHECK(native::property(plugin, "kensa:cocoapods:local") == "true");
  CHECK(native::property(plugin, "kensa:cocoapods:source") ==
        "path .symlinks/plugins/path_provider_foundation/darwin");
  CHECK(plugin.hashes.at(0).hex == "29f094ae23ebbca9d3d0cec13889cd9060c0e943");
  // FlutterMacOS is for macOS builds: not in this iOS lockfile's PODS.
  auto depends = native::edges(document, model::RelationshipType::depends_on);
  CHECK(depends.count("path_provider_foundation@0.0.1 -> Flutter@1.0.0") == 1);
  CHECK(depends.count("flutter-plugins -> url_launcher_ios@0.0.1") == 1);
}

TEST_CASE("Podfile.lock: git and podspec sources, quoted names, other spec repositories",
          "[cocoapods][podfile-lock]") {
  fs::path folder = scratch_dir("cocoapods-sources");
  native::write_bytes(folder / "Podfile.lock", R"lock(PODS:
  - Gutenberg (0.3.2):
    - "NSURL+IDN (= 0.3)"
  - "NSURL+IDN (0.3)"
  - Private/Part (1.0.0-beta.1)
  - RNSVG (8.0.9)
  - yoga (0.57.5.React)

DEPENDENCIES:
  - Gutenberg (from `http://github.com/wordpress-mobile/gutenberg-mobile/`, commit `2a8fe1cf81dcd3469c03aa871293bb454377528e`)
  - Private/Part (~> 1.0)
  - RNSVG (from `https://github.com/wordpress-mobile/react-native-svg.git`, tag `8.0.9-gb.0`)
  - yoga (from `https://example.org/yoga.podspec.json`)

SPEC REPOS:
  "git@git.example.org:team/specs.git":
    - Private
  https://github.com/cocoapods/specs.git:
    - "NSURL+IDN"

EXTERNAL SOURCES:
  Gutenberg:
    :commit: 2a8fe1cf81dcd3469c03aa871293bb454377528e
    :git: http://github.com/wordpress-mobile/gutenberg-mobile/
  RNSVG:
    :git: https://github.com/wordpress-mobile/react-native-svg.git
    :tag: 8.0.9-gb.0
  yoga:
    :podspec: https://example.org/yoga.podspec.json

CHECKOUT OPTIONS:
  Gutenberg:
    :commit: 2a8fe1cf81dcd3469c03aa871293bb454377528e
    :git: http://github.com/wordpress-mobile/gutenberg-mobile/
  RNSVG:
    :git: https://github.com/wordpress-mobile/react-native-svg.git
    :tag: 8.0.9-gb.0

SPEC CHECKSUMS:
  Gutenberg: a8a85ba90d74ed8d5f125489a8f00ecd64444a19
  "NSURL+IDN": 82355a0afd532fe1de08f6417c134b49b1a1c4b3

PODFILE CHECKSUM: 74ca5a63e622c2e8880dd85ede83afb8082c0715

COCOAPODS: 1.5.3
)lock");
  auto document = native::scan_with(folder, "cocoapods");
  CHECK(native::warnings(document).empty());
  const auto& gutenberg = native::only(document, "Gutenberg");
  auto gutenberg_purl = model::parse_purl(gutenberg.purl);
  REQUIRE(gutenberg_purl.ok());
  CHECK(gutenberg_purl->name == "Gutenberg");
  CHECK(gutenberg_purl->version == "0.3.2");
  CHECK(gutenberg_purl->qualifier("vcs_url") ==
        "git+http://github.com/wordpress-mobile/gutenberg-mobile/"
        "@2a8fe1cf81dcd3469c03aa871293bb454377528e");
  CHECK(gutenberg.hashes.at(0).hex == "a8a85ba90d74ed8d5f125489a8f00ecd64444a19");
  CHECK(native::property(gutenberg, "kensa:cocoapods:source") ==
        "git http://github.com/wordpress-mobile/gutenberg-mobile/");
  const auto& svg = native::only(document, "RNSVG");
  auto svg_purl = model::parse_purl(svg.purl);
  REQUIRE(svg_purl.ok());
  CHECK(svg_purl->qualifier("vcs_url") ==
        "git+https://github.com/wordpress-mobile/react-native-svg.git@8.0.9-gb.0");
  CHECK(native::property(native::only(document, "yoga"), "kensa:cocoapods:source") ==
        "podspec https://example.org/yoga.podspec.json");
  const auto& idn = native::only(document, "NSURL+IDN");
  CHECK(idn.hashes.at(0).hex == "82355a0afd532fe1de08f6417c134b49b1a1c4b3");
  // CocoaPods forbids '+' in a pod's purl name: the pod has no purl.
  CHECK(idn.purl.empty());
  const auto& part = pod_with_purl(document, "pkg:cocoapods/Private@1.0.0-beta.1#Part");
  CHECK(native::property(part, "kensa:cocoapods:spec-repo") ==
        "git@git.example.org:team/specs.git");
  CHECK(native::edges(document, model::RelationshipType::depends_on)
            .count("Gutenberg@0.3.2 -> NSURL+IDN@0.3") == 1);
}

TEST_CASE("Podfile.lock: malformed files are warnings naming the file",
          "[cocoapods][podfile-lock]") {
  fs::path folder = scratch_dir("cocoapods-malformed");
  fs::create_directories(folder / "syntax");
  native::write_bytes(folder / "syntax" / "Podfile.lock", "PODS:\n  - [unclosed\n");
  fs::create_directories(folder / "entries");
  native::write_bytes(folder / "entries" / "Podfile.lock",
                      "PODS:\n  - NoVersion\n  - Good (1.0):\n    - Missing\n  - Bad (1.0:\n"
                      "  - Deps (2.0): 7\n  - [a, b]\nDEPENDENCIES: nope\n"
                      "SPEC CHECKSUMS:\n  Good: xyz\n");
  fs::create_directories(folder / "shape");
  native::write_bytes(folder / "shape" / "Podfile.lock", "PODS: {a: 1}\n");
  fs::create_directories(folder / "list");
  native::write_bytes(folder / "list" / "Podfile.lock", "- a\n- b\n");
  auto document = native::scan_with(folder, "cocoapods");
  INFO(Catch::Detail::stringify(native::warnings(document)));
  CHECK(warned_about(document, "syntax/Podfile.lock", "line"));
  CHECK(warned_about(document, "entries/Podfile.lock", "PODS entry 1 is not 'Name (version)'"));
  CHECK(warned_about(document, "entries/Podfile.lock", "PODS entry 3 is not"));
  CHECK(
      warned_about(document, "entries/Podfile.lock", "pod Deps: its dependencies are not a list"));
  CHECK(warned_about(document, "entries/Podfile.lock", "PODS entry 5 is not"));
  CHECK(warned_about(document, "entries/Podfile.lock", "DEPENDENCIES is not a list"));
  CHECK(warned_about(document, "entries/Podfile.lock", "checksum \"xyz\" is not a digest"));
  CHECK(warned_about(document, "shape/Podfile.lock", "PODS is not a list"));
  CHECK(warned_about(document, "list/Podfile.lock", "the top level is not a map"));
  CHECK(native::only(document, "Good").version == "1.0");
}
