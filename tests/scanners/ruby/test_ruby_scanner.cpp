// Ruby: real Gemfile.lock files of Rails (GIT, PATH and GEM sources,
// platform gems, CHECKSUMS), a project gemspec, and the installed
// specifications of Debian's Ruby packages (tests/fixtures/ruby/README.md).
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

using namespace kensa;
using namespace kensa::testing;

namespace {

// Writes `bytes` to `path`, making its folders first.
void write_ruby_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  native::write_bytes(path, bytes);
}

const model::Component& gem_with_purl(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

std::vector<std::string> license_texts(const model::Component& component) {
  std::vector<std::string> texts;
  for (const auto& license : component.licenses_declared) {
    texts.push_back(license.expression.empty() ? license.name : license.expression);
  }
  return texts;
}

} // namespace

TEST_CASE("Gemfile.lock: GIT, PATH and GEM gems, platforms and the dependency graph",
          "[ruby][gemfile-lock]") {
  auto document = native::scan_with(fixture("ruby/rails-lockfile"), "ruby");
  CHECK(native::warnings(document).empty());

  // A platform gem is its version with the platform as a qualifier.
  const auto& nokogiri = gem_with_purl(document, "pkg:gem/nokogiri@1.16.7");
  CHECK(nokogiri.version == "1.16.7");
  const auto& linux_nokogiri =
      gem_with_purl(document, "pkg:gem/nokogiri@1.16.7?platform=x86_64-linux");
  CHECK(linux_nokogiri.version == "1.16.7");
  CHECK(native::property(linux_nokogiri, "kensa:gem:platform") == "x86_64-linux");
  CHECK(native::property(nokogiri, "kensa:gem:source") == "rubygems https://rubygems.org/");
  gem_with_purl(document, "pkg:gem/ffi@1.17.0?platform=x86_64-linux-gnu");

  // A git gem names its repository and the commit locked.
  auto sdocs = native::components_named(document, "sdoc");
  REQUIRE(sdocs.size() == 1);
  auto purl = model::parse_purl(sdocs.front()->purl);
  REQUIRE(purl.ok());
  CHECK(purl->version == "3.0.0.alpha");
  CHECK(purl->qualifier("vcs_url") ==
        "git+https://github.com/rails/sdoc.git@e9bb867eba81f48c402a129e688e810ec1fa387c");
  CHECK(native::property(*sdocs.front(), "kensa:gem:git-revision") ==
        "e9bb867eba81f48c402a129e688e810ec1fa387c");

  // The gems of the PATH section are the project's own code: no purl.
  auto rails = native::components_named(document, "rails");
  REQUIRE(rails.size() == 1);
  CHECK(rails.front()->purl.empty());
  CHECK(rails.front()->version == "8.0.0.alpha");
  CHECK(native::property(*rails.front(), "kensa:gem:local") == "true");

  // Several gems in the folder: the project is the folder, which depends on
  // DEPENDENCIES and records the Bundler version.
  const auto& project = native::only(document, "rails-lockfile");
  CHECK(project.type == model::ComponentType::application);
  CHECK(native::property(project, "kensa:gem:bundled-with") == "2.5.16");

  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges.count("rails-lockfile -> rails@8.0.0.alpha") == 1);
  CHECK(edges.count("rails-lockfile -> capybara@3.39.2") == 1);
  // An edge to each platform's copy of a gem.
  CHECK(edges.count("capybara@3.39.2 -> nokogiri@1.16.7") == 1);
  CHECK(edges.count("loofah@2.22.0 -> crass@1.0.6") == 1);
  CHECK(edges.count("rails@8.0.0.alpha -> railties@8.0.0.alpha") == 1);
  std::size_t to_nokogiri = 0;
  for (const auto& edge : edges) {
    to_nokogiri += edge == "capybara@3.39.2 -> nokogiri@1.16.7" ? 1 : 0;
  }
  CHECK(to_nokogiri == 1);
}

TEST_CASE("Gemfile.lock: CHECKSUMS give each gem its SHA-256", "[ruby][gemfile-lock]") {
  auto document = native::scan_with(fixture("ruby/rails-checksums"), "ruby");
  CHECK(native::warnings(document).empty());
  const auto& nokogiri =
      gem_with_purl(document, "pkg:gem/nokogiri@1.19.1?platform=x86_64-linux-gnu");
  REQUIRE(nokogiri.hashes.size() == 1);
  CHECK(nokogiri.hashes[0].algorithm == model::HashAlgorithm::sha256);
  CHECK(nokogiri.hashes[0].hex ==
        "1a4902842a186b4f901078e692d12257678e6133858d0566152fe29cdb98456a");
  CHECK(gem_with_purl(document, "pkg:gem/zeitwerk@2.7.3").hashes.at(0).hex ==
        "b2e86b4a9b57d26ba68a15230dcc7fe6f040f06831ce64417b0621ad96ba3e85");
  CHECK(native::property(native::only(document, "rails-checksums"), "kensa:gem:bundled-with") ==
        "4.0.12");
}

TEST_CASE("Gemfile.lock with the project's gemspec: the gem of PATH . is the project",
          "[ruby][gemfile-lock][gemspec]") {
  auto document = native::scan_with(fixture("ruby/releaser"), "ruby");
  CHECK(native::warnings(document).empty());
  // Seen by the lockfile and by the gemspec: one component.
  auto releasers = native::components_named(document, "releaser");
  REQUIRE(releasers.size() == 1);
  const auto& releaser = *releasers.front();
  CHECK(releaser.type == model::ComponentType::application);
  CHECK(releaser.version == "1.0.0");
  CHECK(releaser.purl.empty());
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges.count("releaser@1.0.0 -> sigstore-cli@0.2.2") == 1);
  CHECK(edges.count("sigstore-cli@0.2.2 -> sigstore@0.2.2") == 1);
  CHECK(edges.count("sigstore@0.2.2 -> uri@1.0.4") == 1);
  CHECK(native::edges(document, model::RelationshipType::describes).size() == 1);
}

TEST_CASE("gemspec of a project: its metadata, and its dependencies as declared",
          "[ruby][gemspec]") {
  auto document = native::scan_with(fixture("ruby/rails-lockfile/activesupport"), "ruby");
  CHECK(native::warnings(document).empty());
  const auto& activesupport = native::only(document, "activesupport");
  CHECK(activesupport.type == model::ComponentType::application);
  // The version is computed by code (File.read): not invented.
  CHECK(activesupport.version.empty());
  CHECK(license_texts(activesupport) == std::vector<std::string>{"MIT"});
  REQUIRE(activesupport.authors.size() == 1);
  CHECK(activesupport.authors[0].name == "David Heinemeier Hansson");
  const auto& i18n = gem_with_purl(document, "pkg:gem/i18n");
  CHECK(native::property(i18n, "kensa:gem:requirement") == ">= 1.6, < 2");
  CHECK(
      native::edges(document, model::RelationshipType::depends_on).count("activesupport -> i18n") ==
      1);
}

TEST_CASE("installed gems: Debian's rubygems-integration and the Ruby gem home",
          "[ruby][installed]") {
  auto document = native::scan_with(fixture("ruby/debian-root"), "ruby");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 7);

  const auto& rack = gem_with_purl(document, "pkg:gem/rack@2.2.22");
  CHECK(license_texts(rack) == std::vector<std::string>{"MIT"});
  REQUIRE(rack.authors.size() == 1);
  CHECK(rack.authors[0].name == "Leah Neukirchen");
  CHECK(rack.description == "A modular Ruby webserver interface.");
  CHECK(rack.external_references ==
        std::vector<model::ExternalReference>{{"website", "https://github.com/rack/rack"}});
  CHECK(rack.evidence.at(0).location ==
        "usr/share/rubygems-integration/all/specifications/rack-2.2.22.gemspec");

  const auto& nokogiri = gem_with_purl(document, "pkg:gem/nokogiri@1.13.10");
  CHECK(nokogiri.authors.size() == 13);
  // "\u92F8" in the summary is read as the character it stands for.
  CHECK(nokogiri.description.find("Nokogiri (\xE9\x8B\xB8)") == 0);
  const auto& racc = gem_with_purl(document, "pkg:gem/racc@1.6.0");
  CHECK(license_texts(racc) == std::vector<std::string>{"BSD-2-Clause", "Ruby"});
  gem_with_purl(document, "pkg:gem/bundler@2.3.7");

  // Runtime dependencies between the installed gems; development ones
  // (minitest for nokogiri) are not installed dependencies.
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges == std::set<std::string>{"nokogiri@1.13.10 -> mini_portile2@2.8.1",
                                       "nokogiri@1.13.10 -> racc@1.6.0"});
}

TEST_CASE("ruby: malformed files give warnings naming them, not crashes", "[ruby][malformed]") {
  auto root = scratch_dir("ruby-malformed");
  write_ruby_file(root / "app/Gemfile.lock",
                  "GEM\n  remote: https://rubygems.org/\n  specs:\n    good (1.0)\n"
                  "    bad line with spaces (\n      dep (\n\nDEPENDENCIES\n  ( )\n");
  write_ruby_file(root / "lib/broken.gemspec",
                  "Gem::Specification.new do |s|\n  s.name = \"broken\n  s.version = 1\n");
  write_ruby_file(root / "home/specifications/nameless-1.0.gemspec",
                  "Gem::Specification.new do |s|\n  s.version = \"1.0\"\nend\n");
  // Unterminated arrays and %q strings, and binary garbage.
  write_ruby_file(root / "home/specifications/cut-1.0.gemspec",
                  "s.name = \"cut\"\ns.summary = %q<x\ns.authors = [\"a\",\n" +
                      std::string(2000, '[') + "\ns.add_dependency(%q<x");
  write_ruby_file(root / "home/specifications/garbage-1.0.gemspec",
                  "s.name = \"\\u{110000}\\u\"\n" + std::string("\0\xff\xfe", 3));
  auto document = native::scan_with(root, "ruby");
  auto warnings = native::warnings(document);
  auto has = [&](std::string_view location, std::string_view text) {
    for (const auto& warning : warnings) {
      if (warning.starts_with(location) && warning.find(text) != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  INFO(Catch::Detail::stringify(warnings));
  CHECK(has("app/Gemfile.lock", "line 5: not \"name (version)\""));
  CHECK(has("app/Gemfile.lock", "line 9: not a dependency"));
  CHECK(has("lib/broken.gemspec", "line 2: a string is not terminated"));
  CHECK(has("lib/broken.gemspec", "no literal name"));
  CHECK(has("home/specifications/garbage-1.0.gemspec", "no literal s.name"));
  CHECK(has("home/specifications/nameless-1.0.gemspec", "no literal s.name"));
  CHECK(has("home/specifications/cut-1.0.gemspec", "not terminated"));
  CHECK(gem_with_purl(document, "pkg:gem/good@1.0").version == "1.0");
  CHECK(native::components_named(document, "cut").size() == 1);
}
