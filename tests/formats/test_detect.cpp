#include <kensa/format/detect.hpp>
#include <kensa/format/writer.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace kensa::format;

namespace {

void check(const DetectedFormat& found, DocumentFamily family, DocumentEncoding encoding,
           const std::string& version) {
  CHECK(family_name(found.family) == family_name(family));
  CHECK(encoding_name(found.encoding) == encoding_name(encoding));
  CHECK(found.spec_version == version);
}

} // namespace

TEST_CASE("detect: CycloneDX JSON, whatever the key order", "[formats][detect]") {
  check(detect_format(R"({"bomFormat": "CycloneDX", "specVersion": "1.5", "components": []})"),
        DocumentFamily::cyclonedx, DocumentEncoding::json, "1.5");
  // specVersion after a large array, and a byte order mark first.
  std::string late = "\xEF\xBB\xBF\n {\"bomFormat\":\"CycloneDX\",\"components\":[";
  for (int i = 0; i < 1000; ++i) {
    late += R"({"name":"a","specVersion":"9.9"},)";
  }
  late += R"({"name":"b"}],"specVersion":"1.7"})";
  check(detect_format(late), DocumentFamily::cyclonedx, DocumentEncoding::json, "1.7");
  // No version stated: still CycloneDX.
  check(detect_format(R"({"bomFormat":"CycloneDX"})"), DocumentFamily::cyclonedx,
        DocumentEncoding::json, "");
  CHECK(format_of(detect_format(R"({"bomFormat":"CycloneDX"})"))->name == "cyclonedx-json");
}

TEST_CASE("detect: SPDX JSON 2.x and 3.0 JSON-LD", "[formats][detect]") {
  check(detect_format(R"({"SPDXID":"SPDXRef-DOCUMENT","spdxVersion":"SPDX-2.3"})"),
        DocumentFamily::spdx, DocumentEncoding::json, "2.3");
  check(
      detect_format(R"({"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[]})"),
      DocumentFamily::spdx, DocumentEncoding::json_ld, "3.0.1");
  check(detect_format(
            R"({"@graph":[],"@context":["https://spdx.org/rdf/3.0.0/spdx-context.jsonld"]})"),
        DocumentFamily::spdx, DocumentEncoding::json_ld, "3.0.0");
  // A nested key of the same name decides nothing.
  check(detect_format(R"({"packages":[{"spdxVersion":"SPDX-2.3"}]})"), DocumentFamily::unknown,
        DocumentEncoding::json, "");
}

TEST_CASE("detect: CycloneDX XML and SPDX RDF", "[formats][detect]") {
  check(detect_format("<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\" "
                      "version=\"1\"><components/></bom>"),
        DocumentFamily::cyclonedx, DocumentEncoding::xml, "1.4");
  check(detect_format("<rdf:RDF xmlns:spdx=\"http://spdx.org/rdf/terms#\"></rdf:RDF>"),
        DocumentFamily::spdx, DocumentEncoding::rdf_xml, "");
  CHECK(format_of(detect_format("<rdf:RDF xmlns:spdx=\"http://spdx.org/rdf/terms#\"/>")) ==
        nullptr);
  check(detect_format("<html></html>"), DocumentFamily::unknown, DocumentEncoding::xml, "");
}

TEST_CASE("detect: SPDX tag-value and YAML", "[formats][detect]") {
  check(detect_format("## Document Information\nSPDXVersion: SPDX-2.2\nDataLicense: CC0-1.0\n"),
        DocumentFamily::spdx, DocumentEncoding::tag_value, "2.2");
  // Writers that sort keys put spdxVersion last.
  check(detect_format("---\nSPDXID: SPDXRef-DOCUMENT\npackages:\n- name: x\n"
                      "spdxVersion: SPDX-2.3\n"),
        DocumentFamily::spdx, DocumentEncoding::yaml, "2.3");
  check(detect_format("\"spdxVersion\": \"SPDX-2.3\"\r\n"), DocumentFamily::spdx,
        DocumentEncoding::yaml, "2.3");
  // Indented: a nested key, not the document's.
  check(detect_format("x:\n  spdxVersion: SPDX-2.3\n"), DocumentFamily::unknown,
        DocumentEncoding::unknown, "");
}

TEST_CASE("detect: malformed and empty input never throw", "[formats][detect]") {
  check(detect_format(""), DocumentFamily::unknown, DocumentEncoding::unknown, "");
  check(detect_format("{\"bomFormat\": \"CycloneDX\", \"specVersion\": "),
        DocumentFamily::cyclonedx, DocumentEncoding::json, "");
  check(detect_format("{\"a\": [[[[[["), DocumentFamily::unknown, DocumentEncoding::json, "");
  check(detect_format(std::string(100000, '[')), DocumentFamily::unknown, DocumentEncoding::json,
        "");
  check(detect_format(std::string_view("\x00\x01\x02 garbage", 12)), DocumentFamily::unknown,
        DocumentEncoding::unknown, "");
}

TEST_CASE("detect: a CycloneDX BOM with a wrong bomFormat is CycloneDX that fails",
          "[formats][detect]") {
  // As the official invalid-bomformat-*.json cases: the rest of the
  // document is CycloneDX, so the schema, not detection, rejects it.
  check(detect_format(R"({"bomFormat": "AnotherFormat", "specVersion": "1.4",
                          "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
                          "version": 1, "components": []})"),
        DocumentFamily::cyclonedx, DocumentEncoding::json, "1.4");
  check(detect_format(R"({"specVersion": "1.6", "metadata": {}})"), DocumentFamily::cyclonedx,
        DocumentEncoding::json, "1.6");
  // JSON that only shares a member name is not.
  check(detect_format(R"({"specVersion": "1.6", "version": 1, "dependencies": {}})"),
        DocumentFamily::unknown, DocumentEncoding::json, "");
  check(detect_format(R"({"bomFormat": "Other", "components": []})"), DocumentFamily::unknown,
        DocumentEncoding::json, "");
  check(detect_format(R"({"openapi": "3.0.0", "components": {}})"), DocumentFamily::unknown,
        DocumentEncoding::json, "");
}
