// What CycloneDX holds only in a checked form (iri-reference, idn-email, the
// mime-type pattern) is written in that form or kept elsewhere: whatever
// text a manifest or a converted document gave, every CycloneDX document
// kensa writes passes kensa's own validator.
#include "format_fixture.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/format/writer.hpp>
#include <kensa/model/graph.hpp>
#include <kensa/util/url_text.hpp>
#include <kensa/validate/json_schema_formats.hpp>
#include <kensa/validate/validator.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace kensa;

namespace {

// Links as manifests write them: an scp-style git address, text with
// spaces, quotes and non-ASCII, a stray '%', a second '#', a ':' in a
// relative path, and text no URL can stand for (a port that is no number,
// a bracketed host that is no address).
const std::vector<std::string> k_links{
    "git@github.com:colorjs/color-name.git",
    "https://example.com/a path/\"q\"?x=<1>#frag#more",
    "https://example.com/caf\xC3\xA9/100%/%41",
    "repo:relative/path",
    "  https://example.com/padded  ",
    "https://example.com:8080/ok",
    "mailto:someone@example.com",
    "https://example.com:port/",
    "https://[not-an-address]/",
    "{{ template }}",
    "\\\\server\\share",
};

model::Document hostile_document() {
  model::ComponentGraph graph;
  model::Component component;
  component.name = "hostile";
  component.version = "1.0";
  component.purl = "pkg:npm/hostile@1.0";
  component.supplier = {"Google Cloud SDK", "https://code.google.com/p/google-cloud-sdk/", "",
                        true};
  component.authors.push_back({"Jane", "jane at example dot com", "https://jane.example", false});
  component.authors.push_back({"", "jane@example.com", "", false});
  component.licenses_declared.push_back({"MIT", "", "not a url at all"});
  component.add_property("kensa:cyclonedx:mime-type", "Text/Plain; charset=utf-8");
  for (const auto& link : k_links) {
    component.external_references.push_back({"vcs", link});
  }
  component.evidence.push_back({"package.json", "", "npm"});
  model::Component other;
  other.name = "other";
  other.supplier = {"Org", "org@example.com", "not a url", true};
  other.evidence.push_back({"package.json", "", "npm"});
  graph.add(component);
  graph.add(other);
  model::DocumentMetadata metadata;
  metadata.timestamp = "2024-01-02T03:04:05Z";
  metadata.authors.push_back({"Author", "<author>", "", false});
  return std::move(graph).finish(std::move(metadata));
}

std::string error_listing(const validate::DocumentReport& report) {
  std::string text = report.read_error;
  for (const auto& finding : report.findings) {
    if (finding.severity == validate::Severity::error) {
      text += "\n" + finding.rule + " " + finding.location + ": " + finding.message;
    }
  }
  return text;
}

} // namespace

TEST_CASE("checked values: links become URI references that mean the same", "[formats]") {
  CHECK(url_of_scp_address("git@github.com:colorjs/color-name.git") ==
        "git+ssh://git@github.com/colorjs/color-name.git");
  CHECK_FALSE(url_of_scp_address("https://github.com/x/y"));
  CHECK_FALSE(url_of_scp_address("github:x/y"));
  CHECK_FALSE(url_of_scp_address("a/b@c:d"));
  CHECK(uri_reference_of("git@github.com:colorjs/color-name.git") ==
        "git+ssh://git@github.com/colorjs/color-name.git");
  CHECK(uri_reference_of("https://example.com/a path/\"q\"?x=<1>#frag#more") ==
        "https://example.com/a%20path/%22q%22?x=%3C1%3E#frag%23more");
  CHECK(uri_reference_of("https://example.com/caf\xC3\xA9/100%/%41") ==
        "https://example.com/caf%C3%A9/100%25/%41");
  CHECK(uri_reference_of("repo:relative/path") == "repo:relative/path");
  CHECK_FALSE(uri_reference_of("my repo:x/y"));
  CHECK_FALSE(uri_reference_of("www.example.org/no-scheme"));
  CHECK(uri_reference_of("//host/path") == "//host/path");
  CHECK(uri_reference_of("  https://example.com/padded  ") == "https://example.com/padded");
  CHECK_FALSE(uri_reference_of("https://example.com:port/"));
  CHECK_FALSE(uri_reference_of("https://[not-an-address]/"));
  CHECK_FALSE(uri_reference_of("   "));
  // Whatever comes out, kensa's validator takes it as an iri-reference.
  for (const auto& link : k_links) {
    INFO(link);
    if (auto uri = uri_reference_of(link)) {
      CHECK(validate::schema::is_iri_reference(*uri));
      CHECK(validate::schema::is_uri_reference(*uri));
    }
  }
  CHECK(is_plain_email_address("jane@example.com"));
  CHECK(is_plain_email_address("j.doe+tag@sub.example.org"));
  CHECK_FALSE(is_plain_email_address("https://code.google.com/p/google-cloud-sdk/"));
  CHECK_FALSE(is_plain_email_address("jane at example dot com"));
  CHECK_FALSE(is_plain_email_address("a@b@c.org"));
  CHECK_FALSE(is_plain_email_address("a@localhost"));
  for (const char* email : {"jane@example.com", "j.doe+tag@sub.example.org"}) {
    CHECK(validate::schema::is_idn_email(email));
  }
  CHECK(looks_like_web_link("https://code.google.com/p/google-cloud-sdk/"));
  CHECK(looks_like_web_link("www.example.org"));
  CHECK_FALSE(looks_like_web_link("jane@example.com"));
}

TEST_CASE("checked values: every CycloneDX version and encoding validates, nothing is invented",
          "[formats][own-output]") {
  const auto document = hostile_document();
  for (const std::string format : {"cyclonedx-json", "cyclonedx-xml"}) {
    for (const std::string version : {"1.4", "1.5", "1.6", "1.7"}) {
      const std::string spec = format + "@" + version;
      INFO(spec);
      format::LossReport losses;
      const std::string text = testing::render_as(document, spec, &losses);
      const auto report = validate::validate_document(spec, text, {});
      INFO(error_listing(report));
      CHECK(report.read_error.empty());
      CHECK(report.count(validate::Severity::error) == 0);
      // The scp address is written as the URL it means; text with no URL
      // form is a property, and reads back as the link it was.
      CHECK(text.find("git+ssh://git@github.com/colorjs/color-name.git") != std::string::npos);
      CHECK(text.find("git@github.com:colorjs") == std::string::npos);
      CHECK(text.find("kensa:external-reference:vcs") != std::string::npos);
      const auto read = format::read_document(text, spec);
      REQUIRE(read.ok());
      std::vector<std::string> links;
      for (const auto& component : read->document.components) {
        for (const auto& reference : component.external_references) {
          links.push_back(reference.url);
        }
      }
      for (const char* kept : {"https://example.com:port/", "https://[not-an-address]/"}) {
        CHECK(std::find(links.begin(), links.end(), kept) != links.end());
      }
      // The maintainer link is the supplier's URL, not an e-mail address.
      CHECK(text.find("https://code.google.com/p/google-cloud-sdk/") != std::string::npos);
      CHECK(losses.entries().count("e-mail address that is no address (left out)") == 1);
      CHECK(losses.entries().count("license URL that is no URL (left out)") == 1);
      CHECK(losses.entries().count("organization URL that is no URL (left out)") == 1);
    }
  }
}
