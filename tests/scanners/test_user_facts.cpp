// What only the user knows about an SBOM: authors, the scanned subject's
// name, version, supplier and purl, and the lifecycle phase, from flags or
// a configuration file, written into the document of a scan.
#include "../support/test_support.hpp"

#include <kensa/scanner/user_facts.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

using kensa::scanner::UserFacts;
namespace fs = std::filesystem;

namespace {

fs::path config_file(const std::string& name, const std::string& text) {
  const auto path = kensa::testing::scratch_dir("user-facts") / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

kensa::model::Document document_with_subject() {
  kensa::model::Document document;
  kensa::model::Component subject;
  subject.group = "@acme";
  subject.name = "from-manifest";
  subject.version = "0.0.1";
  document.metadata.subject = subject;
  return document;
}

} // namespace

TEST_CASE("user facts: authors as NAME or NAME <ADDRESS>", "[scanner][user-facts]") {
  auto person = kensa::scanner::parse_author("Jane Doe <jane@example.com>");
  REQUIRE(person);
  CHECK(person->name == "Jane Doe");
  CHECK(person->email == "jane@example.com");
  CHECK(person->url.empty());

  auto organisation = kensa::scanner::parse_author("  Example Ltd <https://example.com/sbom>  ");
  REQUIRE(organisation);
  CHECK(organisation->name == "Example Ltd");
  CHECK(organisation->email.empty());
  CHECK(organisation->url == "https://example.com/sbom");

  auto bare = kensa::scanner::parse_author("Build Team");
  REQUIRE(bare);
  CHECK(bare->name == "Build Team");

  // An e-mail field gets an e-mail address or nothing.
  CHECK_FALSE(kensa::scanner::parse_author("Jane <not an address>"));
  CHECK_FALSE(kensa::scanner::parse_author("<jane@example.com>"));
  CHECK_FALSE(kensa::scanner::parse_author("Jane <jane@example.com"));
  CHECK_FALSE(kensa::scanner::parse_author(""));
}

TEST_CASE("user facts: a supplier is an organisation with an optional web site",
          "[scanner][user-facts]") {
  auto supplier = kensa::scanner::parse_supplier("Example Ltd,https://example.com");
  REQUIRE(supplier);
  CHECK(supplier->name == "Example Ltd");
  CHECK(supplier->url == "https://example.com");
  CHECK(supplier->is_organization);
  // A comma belongs to the name when no link follows it.
  auto with_comma = kensa::scanner::parse_supplier("Example, Inc.");
  REQUIRE(with_comma);
  CHECK(with_comma->name == "Example, Inc.");
  CHECK_FALSE(kensa::scanner::parse_supplier(",https://example.com"));
  auto plain = kensa::scanner::parse_supplier("Example Ltd");
  REQUIRE(plain);
  CHECK(plain->url.empty());
}

TEST_CASE("user facts: purls are canonical and lifecycles are CycloneDX phases",
          "[scanner][user-facts]") {
  auto purl = kensa::scanner::parse_user_purl("pkg:NPM/%40acme/app@2.0.0");
  REQUIRE(purl);
  CHECK(*purl == "pkg:npm/%40acme/app@2.0.0");
  CHECK_FALSE(kensa::scanner::parse_user_purl("acme-app"));

  auto phase = kensa::scanner::parse_lifecycle("Post-Build");
  REQUIRE(phase);
  CHECK(*phase == "post-build");
  CHECK_FALSE(kensa::scanner::parse_lifecycle("deployed"));
  CHECK(kensa::scanner::lifecycle_phases().size() == 7);
}

TEST_CASE("user facts: a license is a canonical SPDX expression", "[scanner][user-facts]") {
  auto license = kensa::scanner::parse_user_license(" mit or apache-2.0 ");
  REQUIRE(license);
  CHECK(*license == "MIT OR Apache-2.0");
  auto own = kensa::scanner::parse_user_license("LicenseRef-Acme-Proprietary");
  REQUIRE(own);
  CHECK(*own == "LicenseRef-Acme-Proprietary");
  // Free text is no expression: a profile must not count it as a license.
  CHECK_FALSE(kensa::scanner::parse_user_license("MIT License"));
  CHECK_FALSE(kensa::scanner::parse_user_license("Not-A-License-Id"));
  CHECK_FALSE(kensa::scanner::parse_user_license(""));
}

TEST_CASE("user facts: a configuration file holds the flags' facts", "[scanner][user-facts]") {
  const auto file = config_file("good.toml", R"(# CI defaults
author = ["Jane Doe <jane@example.com>", "Example Ltd"]
source-name = "acme-app"
source-version = "2.0.0"
source-supplier = "Example Ltd,https://example.com"
source-purl = "pkg:generic/acme-app@2.0.0"
source-license = "Apache-2.0"
lifecycle = "build"
)");
  auto facts = kensa::scanner::read_user_facts(file);
  REQUIRE(facts);
  REQUIRE(facts->authors.size() == 2);
  CHECK(facts->authors[0].email == "jane@example.com");
  CHECK(facts->authors[1].name == "Example Ltd");
  CHECK(facts->subject_name == "acme-app");
  CHECK(facts->subject_version == "2.0.0");
  CHECK(facts->subject_supplier.url == "https://example.com");
  CHECK(facts->subject_purl == "pkg:generic/acme-app@2.0.0");
  CHECK(facts->subject_license == "Apache-2.0");
  CHECK(facts->lifecycle == "build");

  auto one_author = kensa::scanner::read_user_facts(
      config_file("one-author.toml", "author = \"Jane Doe <jane@example.com>\"\n"));
  REQUIRE(one_author);
  CHECK(one_author->authors.size() == 1);
}

TEST_CASE("user facts: a configuration file that is wrong is refused, naming the file",
          "[scanner][user-facts]") {
  auto misspelt = kensa::scanner::read_user_facts(config_file("typo.toml", "autor = \"Jane\"\n"));
  REQUIRE_FALSE(misspelt);
  CHECK_THAT(misspelt.error(), Catch::Contains("typo.toml") && Catch::Contains("unknown key"));

  auto wrong_type =
      kensa::scanner::read_user_facts(config_file("type.toml", "source-version = 2\n"));
  REQUIRE_FALSE(wrong_type);
  CHECK_THAT(wrong_type.error(), Catch::Contains("must be a string"));

  auto bad_phase =
      kensa::scanner::read_user_facts(config_file("phase.toml", "lifecycle = \"runtime\"\n"));
  REQUIRE_FALSE(bad_phase);
  CHECK_THAT(bad_phase.error(), Catch::Contains("runtime"));

  auto bad_license = kensa::scanner::read_user_facts(
      config_file("license.toml", "source-license = \"MIT License\"\n"));
  REQUIRE_FALSE(bad_license);
  CHECK_THAT(bad_license.error(),
             Catch::Contains("license.toml") && Catch::Contains("MIT License"));

  auto not_toml = kensa::scanner::read_user_facts(config_file("broken.toml", "author = [\n"));
  REQUIRE_FALSE(not_toml);
  CHECK_THAT(not_toml.error(), Catch::Contains("broken.toml"));

  // Nested past the TOML cap: refused before the parser recurses.
  std::string deep = "a";
  for (int i = 0; i < 5000; ++i) {
    deep += ".a";
  }
  auto nested = kensa::scanner::read_user_facts(config_file("deep.toml", deep + " = 1\n"));
  REQUIRE_FALSE(nested);
  CHECK_THAT(nested.error(), Catch::Contains("nested deeper"));

  auto big = kensa::scanner::read_user_facts(
      config_file("big.toml", std::string(kensa::scanner::k_max_config_size + 1, '#')));
  REQUIRE_FALSE(big);
  CHECK_THAT(big.error(), Catch::Contains("over the limit"));

  auto missing = kensa::scanner::read_user_facts(kensa::testing::scratch_dir("user-facts-missing") /
                                                 "none.toml");
  REQUIRE_FALSE(missing);
  CHECK_THAT(missing.error(), Catch::Contains("none.toml"));
}

TEST_CASE("user facts: flags win over the configuration file", "[scanner][user-facts]") {
  UserFacts file;
  file.authors.push_back({"Config Author", "", "", false});
  file.subject_name = "from-config";
  file.lifecycle = "build";
  UserFacts flags;
  flags.subject_name = "from-flag";
  const UserFacts merged = kensa::scanner::merge_user_facts(file, flags);
  CHECK(merged.subject_name == "from-flag");
  CHECK(merged.lifecycle == "build");
  REQUIRE(merged.authors.size() == 1);
  CHECK(merged.authors[0].name == "Config Author");
}

TEST_CASE("user facts: the subject takes the user's name, version, supplier and purl",
          "[scanner][user-facts]") {
  using kensa::source::SourceKind;
  auto document = document_with_subject();
  UserFacts facts;
  facts.authors.push_back({"Jane Doe", "jane@example.com", "", false});
  facts.subject_name = "acme-app";
  facts.subject_version = "2.0.0";
  facts.subject_supplier = {"Example Ltd", "", "https://example.com", true};
  facts.subject_purl = "pkg:generic/acme-app@2.0.0";
  kensa::scanner::apply_user_facts(document, facts, SourceKind::folder);
  const auto& subject = *document.metadata.subject;
  CHECK(subject.group.empty());
  CHECK(subject.name == "acme-app");
  CHECK(subject.version == "2.0.0");
  CHECK(subject.purl == "pkg:generic/acme-app@2.0.0");
  CHECK(subject.supplier.name == "Example Ltd");
  REQUIRE(document.metadata.authors.size() == 1);
  CHECK(document.metadata.authors[0].email == "jane@example.com");
  CHECK(document.metadata.lifecycle == "pre-build");

  // A purl alone names the subject.
  auto by_purl = document_with_subject();
  UserFacts purl_only;
  purl_only.subject_purl = "pkg:npm/%40acme/app@3.1.0";
  kensa::scanner::apply_user_facts(by_purl, purl_only, SourceKind::archive);
  CHECK(by_purl.metadata.subject->group == "@acme");
  CHECK(by_purl.metadata.subject->name == "app");
  CHECK(by_purl.metadata.subject->version == "3.1.0");
  CHECK(by_purl.metadata.lifecycle == "post-build");

  // Nothing given: what the scan found stays, the phase follows the input.
  auto untouched = document_with_subject();
  kensa::scanner::apply_user_facts(untouched, {}, SourceKind::root_file_system);
  CHECK(untouched.metadata.subject->name == "from-manifest");
  CHECK(untouched.metadata.subject->group == "@acme");
  CHECK(untouched.metadata.lifecycle == "operations");
  CHECK(untouched.metadata.authors.empty());

  auto chosen = document_with_subject();
  UserFacts phase;
  phase.lifecycle = "build";
  kensa::scanner::apply_user_facts(chosen, phase, SourceKind::folder);
  CHECK(chosen.metadata.lifecycle == "build");
}

TEST_CASE("user facts: a hash is ALGORITHM:HEX of the algorithm's length",
          "[scanner][user-facts]") {
  const std::string hex(64, 'A');
  auto hash = kensa::scanner::parse_user_hash("SHA-256:" + hex);
  REQUIRE(hash);
  CHECK(hash->algorithm == kensa::model::HashAlgorithm::sha256);
  CHECK(hash->hex == std::string(64, 'a'));
  CHECK(kensa::scanner::parse_user_hash("sha512:" + std::string(128, '0')));
  CHECK_FALSE(kensa::scanner::parse_user_hash(hex));
  CHECK_FALSE(kensa::scanner::parse_user_hash("sha256:" + std::string(63, '0')));
  CHECK_FALSE(kensa::scanner::parse_user_hash("sha256:" + std::string(64, 'g')));
  CHECK_FALSE(kensa::scanner::parse_user_hash("crc32:" + std::string(8, '0')));
}

TEST_CASE("user facts: the user's hash is the subject's, one per algorithm",
          "[scanner][user-facts]") {
  using kensa::model::HashAlgorithm;
  auto document = document_with_subject();
  document.metadata.subject->hashes = {{HashAlgorithm::sha256, std::string(64, '1')},
                                       {HashAlgorithm::sha512, std::string(128, '2')}};
  UserFacts facts;
  facts.subject_hashes = {{HashAlgorithm::sha256, std::string(64, 'a')}};
  kensa::scanner::apply_user_facts(document, facts, kensa::source::SourceKind::folder);
  const auto& hashes = document.metadata.subject->hashes;
  REQUIRE(hashes.size() == 2);
  CHECK(hashes[0].hex == std::string(64, 'a'));
  CHECK(hashes[1].hex == std::string(128, '2'));

  auto from_file = kensa::scanner::read_user_facts(
      config_file("hash.toml", "source-hash = [\"sha256:" + std::string(64, 'b') + "\"]\n"));
  REQUIRE(from_file);
  REQUIRE(from_file->subject_hashes.size() == 1);
  CHECK(from_file->subject_hashes[0].hex == std::string(64, 'b'));
  auto wrong =
      kensa::scanner::read_user_facts(config_file("bad-hash.toml", "source-hash = \"md5\"\n"));
  REQUIRE_FALSE(wrong);
  CHECK_THAT(wrong.error(), Catch::Contains("bad-hash.toml"));
}

TEST_CASE("user facts: the user's license replaces the one the manifest declares",
          "[scanner][user-facts]") {
  auto document = document_with_subject();
  document.metadata.subject->licenses_declared = {kensa::model::License{"MIT", {}, {}}};
  UserFacts facts;
  facts.subject_license = "Apache-2.0 OR MIT";
  kensa::scanner::apply_user_facts(document, facts, kensa::source::SourceKind::folder);
  REQUIRE(document.metadata.subject->licenses_declared.size() == 1);
  CHECK(document.metadata.subject->licenses_declared[0].expression == "Apache-2.0 OR MIT");

  // None given: the manifest's stays.
  auto kept = document_with_subject();
  kept.metadata.subject->licenses_declared = {kensa::model::License{"MIT", {}, {}}};
  kensa::scanner::apply_user_facts(kept, {}, kensa::source::SourceKind::folder);
  REQUIRE(kept.metadata.subject->licenses_declared.size() == 1);
  CHECK(kept.metadata.subject->licenses_declared[0].expression == "MIT");
}
