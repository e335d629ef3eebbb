#include <kensa/audit/diff.hpp>
#include <kensa/audit/diff_report.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using kensa::audit::Change;
using kensa::audit::ChangeKind;
using kensa::model::Component;
using kensa::model::Document;

Component package(std::string ecosystem, std::string name, std::string version) {
  Component component;
  component.id = ecosystem + ":" + name + "@" + version;
  component.ecosystem = ecosystem;
  component.name = name;
  component.version = version;
  component.purl = "pkg:" + ecosystem + "/" + name + "@" + version;
  return component;
}

std::vector<std::string> described(const kensa::audit::DiffResult& result) {
  std::vector<std::string> lines;
  for (const auto& change : result.changes) {
    lines.push_back(std::string(kensa::audit::change_kind_name(change.kind)) + " " +
                    change.subject + " [" + change.version + "] " + change.before + " -> " +
                    change.after);
  }
  return lines;
}

} // namespace

TEST_CASE("diff: versions ordered by each ecosystem's rules", "[audit][diff]") {
  Document before;
  Document after;
  // semver would call 4.17.9 -> 4.17.10 a downgrade as text; PEP 440 and
  // Debian have their own pre-release marks.
  before.components = {package("npm", "lodash", "4.17.9"), package("pypi", "django", "4.2rc1"),
                       package("deb", "openssl", "3.0.11-1~deb12u2"),
                       package("maven", "guava", "1.0")};
  after.components = {package("npm", "lodash", "4.17.10"), package("pypi", "django", "4.2"),
                      package("deb", "openssl", "3.0.11-1~deb12u1"),
                      package("maven", "guava", "1.0.0")};
  // Four numbers are no semver, but still an upgrade.
  before.components.push_back(package("npm", "package-10009", "1.13.4"));
  after.components.push_back(package("npm", "package-10009", "9.1.13.4"));
  const auto result = kensa::audit::diff_documents(before, after);
  CHECK(described(result) ==
        std::vector<std::string>{
            "upgraded pkg:npm/lodash [] 4.17.9 -> 4.17.10",
            "upgraded pkg:npm/package-10009 [] 1.13.4 -> 9.1.13.4",
            "upgraded pkg:pypi/django [] 4.2rc1 -> 4.2",
            "downgraded pkg:deb/openssl [] 3.0.11-1~deb12u2 -> 3.0.11-1~deb12u1",
            "version-changed pkg:maven/guava [] 1.0 -> 1.0.0",
        });
}

TEST_CASE("diff: a digest that changed at the same version is named", "[audit][diff]") {
  Document before;
  Document after;
  Component old_package = package("npm", "event-stream", "3.3.6");
  old_package.hashes = {{kensa::model::HashAlgorithm::sha1, std::string(40, 'a')},
                        {kensa::model::HashAlgorithm::sha512, std::string(128, 'b')}};
  Component new_package = old_package;
  // SHA-512 is the strongest both give: it decides.
  new_package.hashes = {{kensa::model::HashAlgorithm::sha1, std::string(40, 'a')},
                        {kensa::model::HashAlgorithm::sha512, std::string(128, 'c')}};
  before.components = {old_package};
  after.components = {new_package};
  const auto result = kensa::audit::diff_documents(before, after);
  REQUIRE(result.changes.size() == 1);
  CHECK(result.changes[0].kind == ChangeKind::digest_changed);
  CHECK(result.changes[0].subject == "pkg:npm/event-stream");
  CHECK(result.changes[0].before == "SHA-512:" + std::string(128, 'b'));
  CHECK(result.changes[0].after == "SHA-512:" + std::string(128, 'c'));
  const std::string text =
      kensa::audit::render_diff(result, {"old.json", "CycloneDX 1.6"}, {"new.json", "SPDX 2.3"},
                                kensa::audit::DiffReportFormat::text);
  CHECK(text.find("DIGEST CHANGED AT THE SAME VERSION") != std::string::npos);
  CHECK(text.find("pkg:npm/event-stream@3.3.6: SHA-512:bbbb") != std::string::npos);

  // Different algorithms only: nothing to compare, nothing reported.
  after.components[0].hashes = {{kensa::model::HashAlgorithm::sha256, std::string(64, 'd')}};
  before.components[0].hashes = {{kensa::model::HashAlgorithm::md5, std::string(32, 'e')}};
  CHECK(kensa::audit::diff_documents(before, after).changes.empty());
}

TEST_CASE("diff: several versions of one package pair up in order", "[audit][diff]") {
  Document before;
  Document after;
  before.components = {package("npm", "ms", "2.0.0"), package("npm", "ms", "2.1.2"),
                       package("npm", "ms", "2.1.3")};
  after.components = {package("npm", "ms", "2.1.3"), package("npm", "ms", "2.1.1"),
                      package("npm", "ms", "2.1.2")};
  // 2.1.2 and 2.1.3 stay; 2.0.0 became 2.1.1.
  const auto result = kensa::audit::diff_documents(before, after);
  CHECK(described(result) == std::vector<std::string>{"upgraded pkg:npm/ms [] 2.0.0 -> 2.1.1"});
}

TEST_CASE("diff: components without purls match by type and name, and edges by package",
          "[audit][diff]") {
  Document before;
  Document after;
  Component app = package("npm", "app", "1.0.0");
  Component tool;
  tool.id = "tool-1";
  tool.name = "tool";
  tool.version = "1";
  tool.type = kensa::model::ComponentType::application;
  tool.supplier.name = "Acme";
  tool.licenses_declared = {{"MIT", "", ""}};
  Component tool_purl = package("generic", "tool", "2");
  tool_purl.type = kensa::model::ComponentType::application;
  tool_purl.id = "tool-2";
  tool_purl.supplier.name = "Acme Corp";
  tool_purl.licenses_declared = {{"Apache-2.0", "", ""}};
  Component left_pad = package("npm", "left-pad", "1.3.0");
  before.components = {app, tool, left_pad};
  before.relationships = {{app.id, tool.id, kensa::model::RelationshipType::depends_on},
                          {app.id, left_pad.id, kensa::model::RelationshipType::depends_on}};
  // The new document names the tool by purl: still the same tool.
  Component app2 = package("npm", "app", "1.1.0");
  after.components = {app2, tool_purl};
  after.relationships = {{app2.id, tool_purl.id, kensa::model::RelationshipType::depends_on}};
  const auto result = kensa::audit::diff_documents(before, after);
  // The edge to the tool is the same edge on both sides.
  CHECK(described(result) == std::vector<std::string>{
                                 "removed pkg:npm/left-pad [1.3.0]  -> ",
                                 "upgraded pkg:generic/tool [] 1 -> 2",
                                 "upgraded pkg:npm/app [] 1.0.0 -> 1.1.0",
                                 "license pkg:generic/tool [2] MIT -> Apache-2.0",
                                 "supplier pkg:generic/tool [2] Acme -> Acme Corp",
                                 "dependency-removed pkg:npm/app [] pkg:npm/left-pad -> ",
                             });
}

TEST_CASE("diff: files are compared when both documents list them", "[audit][diff]") {
  Document before;
  Document after;
  const kensa::model::Hash one{kensa::model::HashAlgorithm::sha256, std::string(64, '1')};
  const kensa::model::Hash two{kensa::model::HashAlgorithm::sha256, std::string(64, '2')};
  before.files = {{"bin/tool", {one}, {}}, {"lib/old.so", {one}, {}}};
  after.files = {{"bin/tool", {two}, {}}, {"lib/new.so", {one}, {}}};
  auto result = kensa::audit::diff_documents(before, after);
  CHECK(result.files_compared);
  CHECK(described(result) == std::vector<std::string>{
                                 "file-added lib/new.so []  -> ",
                                 "file-removed lib/old.so []  -> ",
                                 "file-changed bin/tool [] SHA-256:" + std::string(64, '1') +
                                     " -> SHA-256:" + std::string(64, '2'),
                             });
  after.files.clear();
  result = kensa::audit::diff_documents(before, after);
  CHECK_FALSE(result.files_compared);
  CHECK(result.changes.empty());
}

TEST_CASE("diff: --fail-on lists", "[audit][diff]") {
  auto kinds = kensa::audit::parse_change_kinds("added,downgraded,license,digest");
  REQUIRE(kinds);
  CHECK(*kinds == std::set<ChangeKind>{ChangeKind::added, ChangeKind::downgraded,
                                       ChangeKind::license_changed, ChangeKind::digest_changed});
  auto groups = kensa::audit::parse_change_kinds("version,dependency");
  REQUIRE(groups);
  CHECK(groups->size() == 5);
  CHECK(kensa::audit::parse_change_kinds("any")->size() == 13);
  const auto unknown = kensa::audit::parse_change_kinds("added,bogus");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().find("'bogus'") != std::string::npos);
  CHECK_FALSE(kensa::audit::parse_change_kinds(""));
}

TEST_CASE("diff: markdown and JSON reports escape what the documents hold", "[audit][diff]") {
  Document before;
  Document after;
  after.components = {package("npm", "evil|name", "1.0.0\n| injected |")};
  const auto result = kensa::audit::diff_documents(before, after);
  const std::string markdown = kensa::audit::render_diff(
      result, {"a", "SPDX 2.3"}, {"b", "CycloneDX 1.6"}, kensa::audit::DiffReportFormat::markdown);
  CHECK(markdown.find("evil\\|name") != std::string::npos);
  CHECK(markdown.find("\n| injected") == std::string::npos);
  const std::string json = kensa::audit::render_diff(
      result, {"a", "SPDX 2.3"}, {"b", "CycloneDX 1.6"}, kensa::audit::DiffReportFormat::json);
  CHECK(json.find("\"added\": 1") != std::string::npos);
  const std::string text = kensa::audit::render_diff(
      result, {"a", "SPDX 2.3"}, {"b", "CycloneDX 1.6"}, kensa::audit::DiffReportFormat::text);
  CHECK(text.find("1.0.0\\n| injected |") != std::string::npos);
}

TEST_CASE("diff: a document against itself has no changes, qualifiers and all", "[audit][diff]") {
  Document document;
  // Two builds of one version, told apart by a qualifier only: each must
  // pair with itself, not with the other.
  Component debian = package("deb", "libc6", "2.36-9");
  debian.purl = "pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12";
  debian.id = "a";
  debian.hashes = {{kensa::model::HashAlgorithm::sha256, std::string(64, '1')}};
  Component rebuilt = debian;
  rebuilt.purl = "pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12.1";
  rebuilt.id = "b";
  rebuilt.hashes = {{kensa::model::HashAlgorithm::sha256, std::string(64, '2')}};
  document.components = {debian, rebuilt};
  CHECK(kensa::audit::diff_documents(document, document).changes.empty());
}

TEST_CASE("diff: thousands of versions of one package stay cheap", "[audit][diff]") {
  Document before;
  Document after;
  for (int i = 0; i < 3000; ++i) {
    before.components.push_back(package("npm", "many", "1.0." + std::to_string(i)));
    after.components.push_back(package("npm", "many", "1.1." + std::to_string(i)));
  }
  // Past the ordering cap the versions pair in document order: every pair
  // is still named, as an upgrade.
  const auto result = kensa::audit::diff_documents(before, after);
  CHECK(result.count(ChangeKind::upgraded) == 3000);
  CHECK(result.changes.size() == 3000);
}

// Most packages are one component on each side, or on one side only: those
// groups take a shorter way through the pairing, with the same outcome.
TEST_CASE("diff: a package once on each side pairs whatever its id", "[audit][diff]") {
  Document before;
  Document after;
  Component no_id = package("npm", "a", "1.0.0");
  no_id.id.clear();
  Component other_id = package("npm", "b", "1.0.0");
  other_id.id = "b-old";
  before.components = {no_id, other_id, package("npm", "gone", "1.0.0")};
  after.components = {package("npm", "a", "0.9.0"), package("npm", "b", "1.0.0"),
                      package("npm", "new", "3.0.0")};
  const auto result = kensa::audit::diff_documents(before, after);
  CHECK(described(result) == std::vector<std::string>{
                                 "added pkg:npm/new [3.0.0]  -> ",
                                 "removed pkg:npm/gone [1.0.0]  -> ",
                                 "downgraded pkg:npm/a [] 1.0.0 -> 0.9.0",
                             });
}
