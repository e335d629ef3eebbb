// .gem files lying on disk: a real one built by RubyGems 1.3.5
// (tests/fixtures/ruby/README.md), and gems in today's layout and broken
// ones built here as `gem build` lays them out (a tar holding
// metadata.gz).
#include "../../support/archive_writer.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <filesystem>

using namespace kensa;
using namespace kensa::testing;

namespace {

std::string gzip_text(const std::string& text) {
  z_stream stream{};
  // 16 + MAX_WBITS: a gzip header and trailer, as metadata.gz has.
  REQUIRE(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                       Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&stream, static_cast<uLong>(text.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

const model::Component& gem_file_component(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

bool gem_file_warned(const model::Document& document, std::string_view location,
                     std::string_view text) {
  auto warnings = native::warnings(document);
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

constexpr std::string_view k_modern_spec = R"(--- !ruby/object:Gem::Specification
name: nokogiri
version: !ruby/object:Gem::Version
  version: 1.16.7
platform: x86_64-linux
authors:
- Mike Dalessio
- Aaron Patterson
bindir: bin
cert_chain: []
date: 2024-07-29 00:00:00.000000000 Z
dependencies:
- !ruby/object:Gem::Dependency
  name: racc
  requirement: !ruby/object:Gem::Requirement
    requirements:
    - - "~>"
      - !ruby/object:Gem::Version
        version: '1.4'
  type: :runtime
  prerelease: false
  version_requirements: !ruby/object:Gem::Requirement
    requirements:
    - - "~>"
      - !ruby/object:Gem::Version
        version: '1.4'
- !ruby/object:Gem::Dependency
  name: mini_portile2
  requirement: !ruby/object:Gem::Requirement
    requirements:
    - - "="
      - !ruby/object:Gem::Version
        version: 2.8.7
  type: :runtime
  prerelease: false
homepage: https://nokogiri.org
licenses:
- MIT
summary: Nokogiri (鋸) makes it easy and painless to work with XML and HTML from Ruby.
)";

} // namespace

TEST_CASE(".gem files: the specification in metadata.gz, found as a file", "[ruby][gem-file]") {
  auto document = native::scan_with(fixture("ruby/gem-file"), "ruby");
  CHECK(native::warnings(document).empty());
  const auto& gem = gem_file_component(document, "pkg:gem/with_dependencies@0.0.0");
  REQUIRE(gem.evidence.size() == 1);
  CHECK(gem.evidence[0].location == "with_dependencies-0.0.0.gem");
  CHECK(gem.evidence[0].found_by == "gem-file");
  REQUIRE(gem.authors.size() == 1);
  CHECK(gem.authors[0].name == "Example User");
  CHECK(gem.description == "with_dependencies");
  const auto& rake = gem_file_component(document, "pkg:gem/rake");
  CHECK(rake.scope == model::Scope::required);
  CHECK(gem_file_component(document, "pkg:gem/thoughtbot-shoulda").scope == model::Scope::excluded);
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"with_dependencies@0.0.0 -> rake"});
  CHECK(native::edges(document, model::RelationshipType::dev_depends_on) ==
        std::set<std::string>{"with_dependencies@0.0.0 -> thoughtbot-shoulda"});
}

TEST_CASE(".gem files: platform gems, licenses and pinned requirements", "[ruby][gem-file]") {
  std::filesystem::path folder = scratch_dir("ruby-gem-modern");
  std::filesystem::create_directories(folder / "vendor" / "cache");
  write_tar(folder / "vendor" / "cache" / "nokogiri-1.16.7-x86_64-linux.gem",
            {{"metadata.gz", gzip_text(std::string(k_modern_spec))},
             {"data.tar.gz", tar_bytes({{"lib/nokogiri.rb", "# nokogiri\n"}}, true)}});
  auto document = native::scan_with(folder, "ruby");
  CHECK(native::warnings(document).empty());
  const auto& nokogiri =
      gem_file_component(document, "pkg:gem/nokogiri@1.16.7?platform=x86_64-linux");
  CHECK(nokogiri.evidence[0].location == "vendor/cache/nokogiri-1.16.7-x86_64-linux.gem");
  REQUIRE(nokogiri.licenses_declared.size() == 1);
  CHECK(nokogiri.authors.size() == 2);
  const auto& racc = gem_file_component(document, "pkg:gem/racc");
  CHECK(native::property(racc, "kensa:gem:requirement") == "~> 1.4");
  CHECK(gem_file_component(document, "pkg:gem/mini_portile2@2.8.7").version == "2.8.7");
  CHECK(native::edges(document, model::RelationshipType::depends_on).size() == 2);
}

TEST_CASE(".gem files: broken metadata is a warning naming the gem", "[ruby][gem-file]") {
  std::filesystem::path folder = scratch_dir("ruby-gem-broken");
  std::filesystem::create_directories(folder);
  write_tar(folder / "cut-1.0.gem", {{"metadata.gz", gzip_text("--- name: x\n").substr(0, 12)}});
  write_tar(folder / "list-1.0.gem", {{"metadata.gz", gzip_text("- a\n- b\n")}});
  write_tar(folder / "nameless-1.0.gem", {{"metadata.gz", gzip_text("summary: none\n")}});
  write_tar(folder / "yaml-1.0.gem", {{"metadata.gz", gzip_text("name: [unclosed\n")}});
  // Seventeen MiB of spaces: past the cap on a specification's size.
  write_tar(folder / "bomb-1.0.gem",
            {{"metadata.gz", gzip_text("name: bomb\n" + std::string(17u << 20, ' '))}});
  write_tar(folder / "good-1.0.gem",
            {{"metadata.gz", gzip_text("name: good\nversion: !ruby/object:Gem::Version\n"
                                       "  version: 1.0\ndependencies:\n- name:\n  type: "
                                       ":runtime\n")}});
  auto document = native::scan_with(folder, "ruby");
  INFO(Catch::Detail::stringify(native::warnings(document)));
  CHECK(gem_file_warned(document, "cut-1.0.gem", "not a complete gzip stream"));
  CHECK(gem_file_warned(document, "list-1.0.gem", "top level is not a map"));
  CHECK(gem_file_warned(document, "nameless-1.0.gem", "no name or version"));
  CHECK(gem_file_warned(document, "yaml-1.0.gem", "line"));
  CHECK(gem_file_warned(document, "bomb-1.0.gem", "decompresses to more than"));
  CHECK(gem_file_warned(document, "good-1.0.gem", "a dependency without a name"));
  CHECK(gem_file_component(document, "pkg:gem/good@1.0").name == "good");
}
