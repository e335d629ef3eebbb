// Ruby files written by Debian 12's own Bundler and RubyGems, and what those
// tools report about them (tests/fixtures/ruby/README.md): kensa must find
// what `bundle list` lists and what `gem specification` says.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

using namespace kensa;
using namespace kensa::testing;

namespace {

// "name@version" of each "  * name (version)" line `bundle list` printed.
std::set<std::string> bundle_list_gems(const std::string& text) {
  std::set<std::string> gems;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("  * ")) {
      continue;
    }
    auto open = line.find(" (");
    auto close = line.rfind(')');
    REQUIRE(open != std::string::npos);
    REQUIRE(close != std::string::npos);
    gems.insert(line.substr(4, open - 4) + "@" + line.substr(open + 2, close - open - 2));
  }
  return gems;
}

const model::Component& tool_gem(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

bool has_reference(const model::Component& component, std::string_view type, std::string_view url) {
  return std::any_of(component.external_references.begin(), component.external_references.end(),
                     [&](const model::ExternalReference& reference) {
                       return reference.type == type && reference.url == url;
                     });
}

} // namespace

TEST_CASE("Gemfile.lock written by Debian's Bundler: the gems bundle list lists",
          "[ruby][gemfile-lock][tool]") {
  auto document = native::scan_with(fixture("ruby/debian-bundler"), "ruby");
  CHECK(native::warnings(document).empty());

  std::set<std::string> found;
  for (const auto& component : document.components) {
    if (!component.version.empty()) {
      found.insert(component.name + "@" + component.version);
    }
  }
  const auto listed = bundle_list_gems(read_file(fixture("ruby/debian-bundler.bundle-list.txt")));
  REQUIRE(listed.size() == 6);
  CHECK(found == listed);

  // The gem of `PATH remote: .` is the project, with what its gemspec says.
  const auto& greeter = native::only(document, "greeter");
  CHECK(greeter.type == model::ComponentType::application);
  CHECK(greeter.purl.empty());
  CHECK(native::property(greeter, "kensa:gem:bundled-with") == "2.3.15");
  REQUIRE(greeter.licenses_declared.size() == 1);
  CHECK(greeter.licenses_declared[0].expression == "MIT");
  REQUIRE(greeter.authors.size() == 1);
  CHECK(greeter.authors[0].name == "Kensa Fixtures");
  CHECK(greeter.description == "Says hello");
  CHECK(has_reference(greeter, "website", "https://example.org/greeter"));
  CHECK(native::edges(document, model::RelationshipType::describes).size() == 1);

  CHECK(native::property(tool_gem(document, "pkg:gem/test-unit@3.5.3"), "kensa:gem:source") ==
        "rubygems https://rubygems.org/");
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges.count("greeter@0.1.0 -> rexml@3.2.5") == 1);
  CHECK(edges.count("greeter@0.1.0 -> rss@0.2.9") == 1);
  CHECK(edges.count("greeter@0.1.0 -> test-unit@3.5.3") == 1);
  CHECK(edges.count("greeter@0.1.0 -> rake@13.0.6") == 1);
  CHECK(edges.count("rss@0.2.9 -> rexml@3.2.5") == 1);
  CHECK(edges.count("test-unit@3.5.3 -> power_assert@2.0.1") == 1);
}

TEST_CASE(".gem files built by Debian's RubyGems: what gem specification says",
          "[ruby][gem-file][tool]") {
  auto document = native::scan_with(fixture("ruby/debian-gem-build"), "ruby");
  CHECK(native::warnings(document).empty());
  const auto oracle = read_file(fixture("ruby/debian-gem-build.gem-specification.txt"));
  // What RubyGems 3.3.15 reported for both gems.
  for (std::string_view said :
       {"--- greeter\n", "version: 0.1.0\n", "- MIT\n", "- Kensa Fixtures\n",
        "--- https://example.org/greeter\n", "--- Says hello\n", "cpu: x86_64\nos: linux\n",
        "  name: rexml\n", "        version: '3.2'\n  type: :runtime\n", "  name: rake\n",
        "        version: '13.0'\n  type: :development\n"}) {
    INFO(said);
    CHECK(oracle.find(said) != std::string::npos);
  }

  const auto& plain = tool_gem(document, "pkg:gem/greeter@0.1.0");
  const auto& linux = tool_gem(document, "pkg:gem/greeter@0.1.0?platform=x86_64-linux");
  for (const auto* gem : {&plain, &linux}) {
    CHECK(gem->version == "0.1.0");
    REQUIRE(gem->licenses_declared.size() == 1);
    CHECK(gem->licenses_declared[0].expression == "MIT");
    REQUIRE(gem->authors.size() == 1);
    CHECK(gem->authors[0].name == "Kensa Fixtures");
    CHECK(gem->description == "Says hello");
    CHECK(has_reference(*gem, "website", "https://example.org/greeter"));
    REQUIRE(gem->evidence.size() == 1);
    CHECK(gem->evidence[0].found_by == "gem-file");
  }
  CHECK(native::property(linux, "kensa:gem:platform") == "x86_64-linux");
  CHECK(plain.evidence[0].location == "greeter-0.1.0.gem");

  const auto& rexml = tool_gem(document, "pkg:gem/rexml");
  CHECK(native::property(rexml, "kensa:gem:requirement") == ">= 3.2");
  CHECK(rexml.scope == model::Scope::required);
  const auto& rake = tool_gem(document, "pkg:gem/rake");
  CHECK(native::property(rake, "kensa:gem:requirement") == "~> 13.0");
  CHECK(rake.scope == model::Scope::excluded);
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"greeter@0.1.0 -> rexml"});
  CHECK(native::edges(document, model::RelationshipType::dev_depends_on) ==
        std::set<std::string>{"greeter@0.1.0 -> rake"});
}
