// Package.resolved versions 1, 2 and 3, as SwiftPM and Xcode wrote them in
// public repositories (tests/fixtures/swift/README.md), and pins the
// fixtures do not have, written here.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

const model::Component& swift_pin(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

} // namespace

TEST_CASE("Package.resolved: version 1 pins become swift purls from their URL",
          "[swift][package-resolved]") {
  auto document = native::scan_with(fixture("swift/resolved-v1"), "swift");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 10);
  const auto& alamofire = swift_pin(document, "pkg:swift/github.com/Alamofire/Alamofire@5.5.0");
  CHECK(alamofire.name == "Alamofire");
  CHECK(alamofire.group == "github.com/Alamofire");
  CHECK(native::property(alamofire, "kensa:swift:revision") ==
        "f82c23a8a7ef8dc1a49a8bfc6a96883e79121864");
  CHECK(
      alamofire.external_references ==
      std::vector<model::ExternalReference>{{"vcs", "https://github.com/Alamofire/Alamofire.git"}});
  CHECK(alamofire.scope == model::Scope::required);
  REQUIRE(alamofire.evidence.size() == 1);
  CHECK(alamofire.evidence[0].location == "Package.resolved");
  CHECK(alamofire.evidence[0].found_by == "swift");
  // A pin on a revision (no version): the revision is what was resolved.
  swift_pin(document,
            "pkg:swift/github.com/OAuthSwift/OAuthSwift@8e62dc0243de97e37640e97fd0641fad4dbe6e1f");
  swift_pin(document, "pkg:swift/github.com/apple/swift-collections@1.0.2");
}

TEST_CASE("Package.resolved: versions 2 and 3 read pins[] with identity and location",
          "[swift][package-resolved]") {
  auto v2 = native::scan_with(fixture("swift/resolved-v2"), "swift");
  CHECK(native::warnings(v2).empty());
  CHECK(v2.components.size() == 10);
  const auto& log = swift_pin(v2, "pkg:swift/github.com/apple/swift-log@1.5.2");
  CHECK(native::property(log, "kensa:swift:kind") == "remoteSourceControl");
  swift_pin(v2, "pkg:swift/github.com/0xOpenBytes/Cache@0.1.0");
  swift_pin(v2, "pkg:swift/github.com/0xLeif/Fork@1.2.0");

  auto v3 = native::scan_with(fixture("swift/resolved-v3"), "swift");
  CHECK(native::warnings(v3).empty());
  CHECK(v3.components.size() == 2);
  swift_pin(v3, "pkg:swift/github.com/apple/swift-docc-plugin@1.4.5");
  swift_pin(v3, "pkg:swift/github.com/swiftlang/swift-docc-symbolkit@1.0.0");
}

TEST_CASE("Package.resolved: branch, local, registry and ssh pins", "[swift][package-resolved]") {
  fs::path folder = scratch_dir("swift-pins");
  native::write_bytes(folder / "Package.resolved", R"({
  "pins" : [
    { "identity" : "tip", "kind" : "remoteSourceControl",
      "location" : "git@gitlab.example.com:team/sub/Tip.git",
      "state" : { "branch" : "main", "revision" : "0123456789abcdef0123456789abcdef01234567" } },
    { "identity" : "local-kit", "kind" : "localSourceControl",
      "location" : "/Users/dev/LocalKit", "state" : { "revision" : "aaaa", "version" : "1.0.0" } },
    { "identity" : "mona.linkedlist", "kind" : "registry", "location" : "",
      "state" : { "version" : "1.1.0" } },
    { "identity" : "ssh", "kind" : "remoteSourceControl",
      "location" : "ssh://git@host.example:7999/proj/Ssh.git", "state" : { "version" : "2.0.0" } }
  ],
  "version" : 2
})");
  auto document = native::scan_with(folder, "swift");
  CHECK(native::warnings(document).empty());
  const auto& tip = swift_pin(document, "pkg:swift/gitlab.example.com/team/sub/Tip@"
                                        "0123456789abcdef0123456789abcdef01234567");
  CHECK(native::property(tip, "kensa:swift:branch") == "main");
  swift_pin(document, "pkg:swift/host.example/proj/Ssh@2.0.0");
  // Local and registry packages have no repository to name: no purl.
  const auto& local = native::only(document, "local-kit");
  CHECK(local.purl.empty());
  CHECK(local.version == "1.0.0");
  CHECK(native::only(document, "mona.linkedlist").purl.empty());
}

TEST_CASE("Package.resolved: malformed files are warnings naming the file",
          "[swift][package-resolved]") {
  fs::path folder = scratch_dir("swift-malformed");
  fs::create_directories(folder / "syntax");
  native::write_bytes(folder / "syntax" / "Package.resolved", "{\"pins\": [");
  fs::create_directories(folder / "entries");
  native::write_bytes(folder / "entries" / "Package.resolved",
                      R"({"version": 9, "pins": [7, {"location": "https://x.org/a/b"},
                          {"identity": 5}, {"identity": "ok", "location": "https://h.org/o/ok",
                           "state": {"version": 3}}]})");
  fs::create_directories(folder / "shape");
  native::write_bytes(folder / "shape" / "Package.resolved", R"({"version": 2, "pins": {}})");
  auto document = native::scan_with(folder, "swift");
  auto warnings = native::warnings(document);
  auto has = [&](std::string_view location, std::string_view text) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
      return warning.starts_with(location) && warning.find(text) != std::string::npos;
    });
  };
  INFO(Catch::Detail::stringify(warnings));
  CHECK(has("syntax/Package.resolved", "not valid JSON"));
  CHECK(has("entries/Package.resolved", "version is not one kensa knows"));
  CHECK(has("entries/Package.resolved", "pin 1 is not an object"));
  CHECK(has("entries/Package.resolved", "pin 2 has no name"));
  CHECK(has("entries/Package.resolved", "pin 3: \"identity\" is a number"));
  CHECK(has("entries/Package.resolved", "pin 4: \"version\" is a number"));
  CHECK(has("shape/Package.resolved", "\"pins\" is an object, not an array"));
  // The good pin is still read, without a version.
  CHECK(native::only(document, "h.org/o/ok").purl == "pkg:swift/h.org/o/ok");
}
