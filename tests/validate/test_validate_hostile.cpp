// Hostile documents through the whole validator: each gives a finding or a
// clean error, never a crash, in bounded time and memory (run under ASan by
// the sanitize preset).
#include "report_lookup.hpp"

#include <kensa/validate/validator.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace {

using kensa::testing::has_rule;
using kensa::validate::DocumentReport;
using kensa::validate::validate_document;
using kensa::validate::ValidationOptions;

const std::string k_head =
    R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "metadata": {"component": {"type": "application", "name": "x"}}, )";

} // namespace

TEST_CASE("validate hostile: 100,000-deep nesting is a syntax finding", "[validate][hostile]") {
  const std::string deep =
      k_head + R"("components": )" + std::string(100'000, '[') + std::string(100'000, ']') + "}";
  const auto report = validate_document("deep.json", deep, {});
  CHECK(report.read_error.empty());
  REQUIRE(has_rule(report, "JSON-SYNTAX"));
  CHECK(report.findings.front().message.find("nests deeper than 10000") != std::string::npos);
}

TEST_CASE("validate hostile: a document over the size cap is refused before parsing",
          "[validate][hostile]") {
  // The same path a 500 MB string takes with the default 2 GiB cap lowered:
  // the document is refused by size, without being parsed.
  ValidationOptions options;
  options.max_document_size = 1 << 20;
  const std::string big = k_head + R"("x": ")" + std::string(2 << 20, 'a') + "\"}";
  const auto report = validate_document("big.json", big, options);
  CHECK(report.read_error.find("more than the limit of 1048576") != std::string::npos);
}

TEST_CASE("validate hostile: a 32 MB string value is validated like any other",
          "[validate][hostile]") {
  const std::string big = k_head + R"("components": [{"type": "library", "name": "big", )" +
                          R"("description": ")" + std::string(32 << 20, 'd') + "\"}]}";
  const auto report = validate_document("big.json", big, {});
  CHECK(report.read_error.empty());
  CHECK_FALSE(has_rule(report, "SCHEMA"));
}

TEST_CASE("validate hostile: invalid UTF-8 is a syntax finding", "[validate][hostile]") {
  const std::string text =
      k_head + "\"components\": [{\"type\": \"library\", \"name\": \"\xC3\x28\"}]}";
  const auto report = validate_document("utf8.json", text, {});
  REQUIRE(has_rule(report, "JSON-SYNTAX"));
  CHECK(report.findings.front().message.find("UTF-8") != std::string::npos);
}

TEST_CASE("validate hostile: duplicate keys are warnings, capped", "[validate][hostile]") {
  std::string members;
  for (int i = 0; i < 1'000; ++i) {
    members += R"("name": "x", )";
  }
  const std::string text =
      k_head + R"("components": [{"type": "library", )" + members + R"("version": "1"}]})";
  const auto report = validate_document("dup.json", text, {});
  const auto duplicates =
      std::count_if(report.findings.begin(), report.findings.end(),
                    [](const auto& finding) { return finding.rule == "JSON-DUPLICATE-KEY"; });
  CHECK(duplicates == 100);
}

TEST_CASE("validate hostile: 10 MB fields against patterns and value rules stay linear",
          "[heavy][validate][hostile]") {
  const std::string huge(10 << 20, 'a');
  const std::string text = k_head + R"("components": [{"type": "library", "name": "p", )" +
                           R"("bom-ref": ")" + huge + R"(", "purl": "pkg:npm/)" + huge +
                           R"(", "hashes": [{"alg": "SHA-256", "content": ")" + huge +
                           R"("}], "licenses": [{"expression": ")" + huge + R"("}]}]})";
  const auto report = validate_document("patterns.json", text, {});
  CHECK(report.read_error.empty());
  // The hash pattern of the schema rejects it; the value rules quote at most
  // a short prefix of what they reject.
  CHECK(has_rule(report, "SCHEMA"));
  CHECK(has_rule(report, "HASH-VALUE"));
  for (const auto& finding : report.findings) {
    CHECK(finding.message.size() < 4096);
  }
}

namespace {

// CycloneDX XML documents that are not well-formed, each broken one way,
// for one version; `name` of the one component holds most breakages.
std::vector<std::pair<std::string, std::string>> broken_xml(const std::string& version) {
  const std::string bom =
      "<bom xmlns=\"http://cyclonedx.org/schema/bom/" + version + "\" version=\"1\">";
  const auto with_name = [&](const std::string& name) {
    return "<?xml version=\"1.0\"?>\n" + bom + "\n<components><component type=\"library\"><name>" +
           name + "</name><version>1</version></component></components>\n</bom>\n";
  };
  return {
      {"root never closed", bom},
      {"&amp without ;", with_name("a&amp b")},
      {"&#0;", with_name("a&#0;b")},
      {"invalid UTF-8", with_name("a\xC3\x28"
                                  "b")},
      {"element never closed", "<?xml version=\"1.0\"?>\n" + bom +
                                   "\n<components><component type=\"library\"><name>a</name>\n"},
      {"mismatched end tag", with_name("a</version>")},
  };
}

} // namespace

// libxml2 2.9 crashed in its error path when the document streamed through
// the XSD was not well-formed: every such document is a finding now.
TEST_CASE("validate hostile: CycloneDX XML that is not well-formed is a finding in every version",
          "[validate][hostile][xml]") {
  for (const std::string version : {"1.2", "1.3", "1.4", "1.5", "1.6", "1.7"}) {
    for (const auto& [what, text] : broken_xml(version)) {
      INFO(version << ": " << what);
      const auto report = validate_document("broken.xml", text, {});
      CHECK(report.read_error.empty());
      REQUIRE(report.kind);
      CHECK(report.kind->spec_version == version);
      REQUIRE(has_rule(report, "SCHEMA"));
      const auto& finding = report.findings.front();
      CHECK(finding.severity == kensa::validate::Severity::error);
      CHECK(finding.line > 0);
      CHECK_FALSE(finding.message.empty());
    }
  }
}

TEST_CASE("validate hostile: YAML aliases that expand past the byte budget are a finding",
          "[validate][hostile][yaml]") {
  std::string text = "spdxVersion: SPDX-2.3\ndataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\n"
                     "name: x\ncomment: &big \"" +
                     std::string(1 << 20, 'x') + "\"\nannotations:\n";
  for (int i = 0; i < 1'000; ++i) {
    text += "  - comment: *big\n";
  }
  const auto report = validate_document("aliases.spdx.yaml", text, {});
  CHECK(report.read_error.empty());
  REQUIRE(has_rule(report, "YAML-SYNTAX"));
  CHECK(report.findings.front().message.find("aliases expand the document by more than") !=
        std::string::npos);
}

TEST_CASE("validate hostile: 100,000 components sharing one bom-ref are one finding",
          "[validate][hostile]") {
  std::string text = k_head + R"("components": [)";
  for (int i = 0; i < 100'000; ++i) {
    text += (i == 0 ? "" : ",");
    text += R"({"type": "library", "name": "c)" + std::to_string(i) + R"(", "bom-ref": "same"})";
  }
  text += "]}";
  const auto report = validate_document("refs.json", text, {});
  std::vector<kensa::validate::Finding> found;
  for (const auto& finding : report.findings) {
    if (finding.rule == "CDX-BOMREF-UNIQUE") {
      found.push_back(finding);
    }
  }
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == kensa::validate::Severity::error);
  CHECK(found[0].location == "/components/1/bom-ref");
  CHECK(found[0].message == "bom-ref 'same' is used 100000 times, first at "
                            "/components/0/bom-ref, by elements that differ");
  CHECK(report.dropped_findings == 0);
}

TEST_CASE("validate hostile: many bom-refs given twice are one finding each, in document order",
          "[validate][hostile]") {
  // Every component's ref is given again by a nested one: each finding
  // needs the location of both uses.
  std::string text = k_head + R"("components": [)";
  for (int i = 0; i < 20'000; ++i) {
    const std::string ref = "r" + std::to_string(i);
    text += (i == 0 ? "" : ",");
    text += R"({"type": "library", "name": "c", "bom-ref": ")" + ref +
            R"(", "components": [{"type": "library", "name": "n", "bom-ref": ")" + ref + R"("}]})";
  }
  text += "]}";
  ValidationOptions options;
  options.max_findings = 100'000;
  const auto report = validate_document("pairs.json", text, options);
  std::vector<std::string> messages;
  std::vector<std::string> locations;
  for (const auto& finding : report.findings) {
    if (finding.rule == "CDX-BOMREF-UNIQUE") {
      messages.push_back(finding.message);
      locations.push_back(finding.location);
    }
  }
  REQUIRE(messages.size() == 20'000);
  CHECK(locations.front() == "/components/0/components/0/bom-ref");
  CHECK(messages.front() ==
        "bom-ref 'r0' is used 2 times, first at /components/0/bom-ref, by elements that differ");
  CHECK(locations.back() == "/components/19999/components/0/bom-ref");
  CHECK(messages.back() == "bom-ref 'r19999' is used 2 times, first at "
                           "/components/19999/bom-ref, by elements that differ");
}

TEST_CASE("validate hostile: identical copies sharing a bom-ref are compared in linear time",
          "[heavy][validate][hostile]") {
  // 100,000 identical copies: one warning; then two copies of one object
  // of 100,000 members in opposite orders, which a member-by-member lookup
  // would compare in time quadratic in their size.
  std::string text = k_head + R"("components": [)";
  for (int i = 0; i < 100'000; ++i) {
    text += (i == 0 ? "" : ",");
    text += R"({"type": "library", "name": "c", "bom-ref": "same"})";
  }
  std::string forward;
  std::string backward;
  for (int i = 0; i < 100'000; ++i) {
    forward += R"("k)" + std::to_string(i) + R"(": )" + std::to_string(i) + ",";
    const int j = 99'999 - i;
    backward += R"("k)" + std::to_string(j) + R"(": )" + std::to_string(j) + ",";
  }
  text += R"(], "services": [{)" + forward + R"("bom-ref": "big"}, {"bom-ref": "big", )" +
          backward.substr(0, backward.size() - 1) + "}]}";
  const auto report = validate_document("copies.json", text, {});
  std::vector<kensa::validate::Finding> found;
  for (const auto& finding : report.findings) {
    if (finding.rule.starts_with("CDX-BOMREF")) {
      found.push_back(finding);
    }
  }
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule == "CDX-BOMREF-REPEATED");
  CHECK(found[0].severity == kensa::validate::Severity::warning);
  CHECK(found[0].location == "/components/1/bom-ref");
  CHECK(found[1].rule == "CDX-BOMREF-REPEATED");
  CHECK(found[1].location == "/services/1/bom-ref");
}

TEST_CASE("validate hostile: a UTF-8 byte order mark before JSON is a warning, not a syntax error",
          "[validate][hostile]") {
  const std::string text = "\xEF\xBB\xBF" + k_head + R"("components": []})";
  const auto report = validate_document("bom.json", text, {});
  CHECK(report.read_error.empty());
  REQUIRE(report.kind);
  CHECK(report.kind->spec_version == "1.6");
  CHECK_FALSE(has_rule(report, "JSON-SYNTAX"));
  REQUIRE(has_rule(report, "JSON-BYTE-ORDER-MARK"));
  CHECK(report.findings.front().severity == kensa::validate::Severity::warning);
  CHECK(report.count(kensa::validate::Severity::error) == 0);
}

// JSON with invalid UTF-8 does not parse (a JSON-SYNTAX error); tag-value
// with it is read, and each line that has some is an error naming it.
TEST_CASE("validate hostile: invalid UTF-8 in SPDX tag-value is an error on its line",
          "[validate][hostile][spdx]") {
  const std::string text = "SPDXVersion: SPDX-2.3\n"
                           "DataLicense: CC0-1.0\n"
                           "SPDXID: SPDXRef-DOCUMENT\n"
                           "DocumentName: caf\xE9\n"
                           "DocumentNamespace: https://example.com/x\n"
                           "Creator: Tool: example-1.0\n"
                           "Created: 2024-05-01T12:00:00Z\n";
  const auto report = validate_document("bad.spdx", text, {});
  CHECK(report.read_error.empty());
  REQUIRE(has_rule(report, "TAG-VALUE-SYNTAX"));
  const auto& finding = report.findings.front();
  CHECK(finding.severity == kensa::validate::Severity::error);
  CHECK(finding.line == 4);
  CHECK(finding.message.starts_with("invalid UTF-8 (byte 0xE9 in column 18)"));
}
