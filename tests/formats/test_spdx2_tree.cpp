#include "../support/test_support.hpp"

#include <kensa/format/spdx2_tree.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace kensa;
using Json = nlohmann::json;

namespace {

std::set<std::string> spdx_ids(const Json& document, const std::string& array) {
  std::set<std::string> ids;
  if (document.contains(array)) {
    for (const auto& item : document[array]) {
      ids.insert(item.value("SPDXID", item.value("licenseId", "")));
    }
  }
  return ids;
}

std::size_t size_of(const Json& document, const std::string& array) {
  return document.contains(array) ? document[array].size() : 0;
}

} // namespace

TEST_CASE("spdx2 tree: tag-value elements, shapes and lines", "[formats][spdx2-tree]") {
  std::string text = "SPDXVersion: SPDX-2.3\n"
                     "DataLicense: CC0-1.0\n"
                     "SPDXID: SPDXRef-DOCUMENT\n"
                     "DocumentName: demo\n"
                     "# a comment\n"
                     "Creator: Tool: kensa-0.1\n"
                     "Creator: Organization: Example\n"
                     "Created: 2024-01-02T03:04:05Z\n"
                     "\n"
                     "PackageName: lodash\n"
                     "SPDXID: SPDXRef-Package-lodash\n"
                     "PackageVersion: 4.17.21\n"
                     "FilesAnalyzed: false\n"
                     "PackageChecksum: SHA256: abcd\n"
                     "PackageVerificationCode: 0123 (excludes: ./a.spdx, ./b)\n"
                     "ExternalRef: PACKAGE-MANAGER purl pkg:npm/lodash@4.17.21\n"
                     "ExternalRefComment: from the lockfile\n"
                     "PrimaryPackagePurpose: OPERATING-SYSTEM\n"
                     "PackageDescription: <text>two\n"
                     "lines</text>\n"
                     "PackageLicenseDeclared: MIT\n"
                     "Annotator: Tool: kensa\n"
                     "AnnotationDate: 2024-01-02T03:04:05Z\n"
                     "AnnotationType: OTHER\n"
                     "SPDXREF: SPDXRef-Package-lodash\n"
                     "AnnotationComment: note\n"
                     "Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-Package-lodash\n"
                     "RelationshipComment: the root\n"
                     "LicenseID: LicenseRef-x\n"
                     "ExtractedText: <text>x</text>\n"
                     "NoSuchTag: y\n"
                     "this line has no colon\n";
  auto tree = format::read_spdx2_tag_value_tree(text);
  REQUIRE(tree.ok());
  const Json document = tree->document.root().to_nlohmann();
  CHECK(document["spdxVersion"] == "SPDX-2.3");
  CHECK(document["creationInfo"]["creators"] ==
        Json::parse(R"(["Tool: kensa-0.1","Organization: Example"])"));
  REQUIRE(document["packages"].size() == 1);
  const Json& package = document["packages"][0];
  CHECK(package["SPDXID"] == "SPDXRef-Package-lodash");
  CHECK(package["filesAnalyzed"] == false);
  CHECK(package["checksums"] == Json::parse(R"([{"algorithm":"SHA256","checksumValue":"abcd"}])"));
  CHECK(package["packageVerificationCode"] == Json::parse(R"({"packageVerificationCodeValue":"0123",
                        "packageVerificationCodeExcludedFiles":["./a.spdx","./b"]})"));
  CHECK(package["externalRefs"][0] ==
        Json::parse(R"({"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl",
                        "referenceLocator":"pkg:npm/lodash@4.17.21",
                        "comment":"from the lockfile"})"));
  CHECK(package["primaryPackagePurpose"] == "OPERATING_SYSTEM");
  CHECK(package["description"] == "two\nlines");
  CHECK(package["annotations"][0]["comment"] == "note");
  CHECK(document["relationships"][0]["relationshipType"] == "DESCRIBES");
  CHECK(document["relationships"][0]["comment"] == "the root");
  CHECK(document["hasExtractedLicensingInfos"][0]["extractedText"] == "x");

  CHECK(tree->line_of("") == 1);
  CHECK(tree->line_of("/packages") == 10);
  CHECK(tree->line_of("/packages/0") == 10);
  CHECK(tree->line_of("/packages/0/versionInfo") == 12);
  CHECK(tree->line_of("/packages/0/licenseDeclared") == 21);
  CHECK(tree->line_of("/packages/0/annotations/0") == 22);
  CHECK(tree->line_of("/packages/0/annotations/0/comment") == 26);
  CHECK(tree->line_of("/packages/0/externalRefs/0/comment") == 17);
  CHECK(tree->line_of("/relationships/0/comment") == 28);
  CHECK(tree->line_of("/creationInfo/creators/1") == 7);
  CHECK(tree->line_of("/packages/0/checksums/0/algorithm") == 14);
  CHECK(tree->line_of("/nothing/here") == 1);
  // Values are views into the text, except those the reader rewrote.
  const std::string_view version = tree->document.root()["packages"][0]["versionInfo"].string();
  CHECK(version.data() == text.data() + text.find("PackageVersion: ") + 16);
  const std::string_view purpose =
      tree->document.root()["packages"][0]["primaryPackagePurpose"].string();
  CHECK(purpose == "OPERATING_SYSTEM");
  CHECK(text.find(purpose) == std::string::npos);

  REQUIRE(tree->problems.size() == 2);
  CHECK(tree->problems[0].line == 31);
  CHECK(tree->problems[0].message.find("NoSuchTag") != std::string::npos);
  CHECK(tree->problems[1].line == 32);
}

TEST_CASE("spdx2 tree: YAML scalars and lines", "[formats][spdx2-tree]") {
  std::string text = "spdxVersion: SPDX-2.3\n"
                     "packages:\n"
                     "  - name: a\n"
                     "    versionInfo: \"1.0\"\n"
                     "    filesAnalyzed: false\n"
                     "    other: 1.0\n"
                     "    count: 12\n"
                     "    none:\n";
  auto tree = format::read_spdx2_yaml_tree(text);
  REQUIRE(tree.ok());
  const Json package = tree->document.root()["packages"][0].to_nlohmann();
  CHECK(package["versionInfo"] == "1.0");
  CHECK(package["filesAnalyzed"] == false);
  CHECK(package["other"] == 1.0);
  CHECK(package["count"] == 12);
  CHECK(package["none"].is_null());
  CHECK(tree->line_of("/packages/0") == 3);
  CHECK(tree->line_of("/packages/0/versionInfo") == 4);
  CHECK(tree->line_of("/packages/0/none") == 8);
  CHECK(tree->line_of("/packages/0/missing") == 3);

  auto broken = format::read_spdx2_yaml_tree("a: [1, 2\nb: c\n");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().find("line") == 0);
  CHECK_FALSE(format::read_spdx2_yaml_tree("- just\n- a list\n").ok());
  CHECK_FALSE(format::read_spdx2_yaml_tree(std::string(5000, '[')).ok());
  // A billion laughs stops at the node limit.
  std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'k'; ++name) {
    std::string previous(1, static_cast<char>(name - 1));
    laughs += std::string(1, name) + ": &" + name + " [*" + previous + ", *" + previous + ", *" +
              previous + ", *" + previous + ", *" + previous + ", *" + previous + ", *" + previous +
              ", *" + previous + ", *" + previous + ", *" + previous + "]\n";
  }
  auto bomb = format::read_spdx2_yaml_tree(laughs, {1024, 64, 100000, 10});
  CHECK_FALSE(bomb.ok());

  // An alias is the anchored node again; a key that is no text is skipped,
  // with what follows it read as usual; a key given twice is noted.
  auto shapes = format::read_spdx2_yaml_tree("spdxVersion: SPDX-2.3\n"
                                             "creationInfo: &info {created: '2024', n: [1, 2]}\n"
                                             "copy: *info\n"
                                             "? [not, text]\n"
                                             ": skipped\n"
                                             "name: kept\n"
                                             "name: again\n");
  REQUIRE(shapes.ok());
  const Json root = shapes->document.root().to_nlohmann();
  CHECK(root["copy"] == root["creationInfo"]);
  CHECK(root["copy"]["n"] == Json::parse("[1, 2]"));
  CHECK(root["name"] == "again");
  CHECK(root.size() == 4);
  REQUIRE(shapes->problems.size() == 2);
  CHECK(shapes->problems[0].line == 4);
  CHECK(shapes->problems[1].message.find("\"name\" given twice") != std::string::npos);
}

TEST_CASE("spdx2 tree: the official examples read like the JSON example", "[formats][spdx2-tree]") {
  auto shared = testing::shared_dir();
  if (!shared) {
    WARN("no shared conformance data beside the checkout; skipped");
    return;
  }
  for (std::string version : {"2.2", "2.3"}) {
    auto folder = *shared / "conformance" / "spdx" / version;
    auto json =
        Json::parse(testing::read_file(folder / ("SPDXJSONExample-v" + version + ".spdx.json")));
    // The tree keeps views into the text.
    const std::string tag_value_text =
        testing::read_file(folder / ("SPDXTagExample-v" + version + ".spdx"));
    auto tag_value = format::read_spdx2_tag_value_tree(tag_value_text);
    auto yaml = format::read_spdx2_yaml_tree(
        testing::read_file(folder / ("SPDXYAMLExample-" + version + ".spdx.yaml")));
    REQUIRE(tag_value.ok());
    REQUIRE(yaml.ok());
    INFO("SPDX " << version);
    CHECK(tag_value->problems.empty());
    for (const auto& problem : tag_value->problems) {
      UNSCOPED_INFO("line " << problem.line << ": " << problem.message);
    }
    const Json tag_value_json = tag_value->document.root().to_nlohmann();
    const Json yaml_json = yaml->document.root().to_nlohmann();
    for (const Json* document : {&tag_value_json, &yaml_json}) {
      CHECK((*document)["spdxVersion"] == json["spdxVersion"]);
      CHECK((*document)["documentNamespace"] == json["documentNamespace"]);
      CHECK(spdx_ids(*document, "packages") == spdx_ids(json, "packages"));
      CHECK(spdx_ids(*document, "files") == spdx_ids(json, "files"));
      CHECK(spdx_ids(*document, "snippets") == spdx_ids(json, "snippets"));
      CHECK(spdx_ids(*document, "hasExtractedLicensingInfos") ==
            spdx_ids(json, "hasExtractedLicensingInfos"));
      CHECK(size_of((*document)["creationInfo"], "creators") ==
            size_of(json["creationInfo"], "creators"));
    }
    // JSON and YAML have the same structure, member for member.
    CHECK(yaml_json == json);
  }
}

namespace {

// One long quoted value, anchored, then aliased `aliases` times: few
// nodes, many bytes.
std::string aliased_yaml(std::size_t value_bytes, std::size_t aliases) {
  std::string text =
      "spdxVersion: SPDX-2.3\ncomment: &big \"" + std::string(value_bytes, 'x') + "\"\ncopies:\n";
  for (std::size_t i = 0; i < aliases; ++i) {
    text += "  - *big\n";
  }
  return text;
}

} // namespace

TEST_CASE("spdx2 tree: YAML aliases are bounded in bytes, not only in nodes",
          "[formats][spdx2-tree][hostile]") {
  // 1 MB aliased 1,000 times would be a gigabyte from a 1 MB text: refused
  // once the aliases add more than the floor of the budget, 64 MiB.
  const auto bomb = format::read_spdx2_yaml_tree(aliased_yaml(1 << 20, 1'000));
  REQUIRE_FALSE(bomb.ok());
  CHECK(bomb.error().find(": aliases expand the document by more than 67108864 bytes (4 times "
                          "its size, at least 67108864, at most 1073741824)") != std::string::npos);
  // A few copies are within it, and read as usual.
  const auto few = format::read_spdx2_yaml_tree(aliased_yaml(1 << 20, 8));
  REQUIRE(few.ok());
  const Json root = few->document.root().to_nlohmann();
  REQUIRE(root["copies"].size() == 8);
  CHECK(root["copies"][7].get<std::string>().size() == std::size_t{1} << 20);

  // Without the floor, the budget is four times the text: two copies of a
  // value that is most of the text fit, six do not.
  format::Spdx2TreeLimits proportional;
  proportional.min_alias_expansion = 0;
  CHECK(format::read_spdx2_yaml_tree(aliased_yaml(1'000, 2), proportional).ok());
  CHECK_FALSE(format::read_spdx2_yaml_tree(aliased_yaml(1'000, 6), proportional).ok());
  // And never more than the ceiling, whatever the text's size.
  format::Spdx2TreeLimits capped = proportional;
  capped.max_alias_expansion = 100;
  CHECK_FALSE(format::read_spdx2_yaml_tree(aliased_yaml(1'000, 1), capped).ok());
  // A document without anchors has nothing to count.
  CHECK(format::read_spdx2_yaml_tree(
            "spdxVersion: SPDX-2.3\ncomment: \"" + std::string(1'000, 'x') + "\"\n", capped)
            .ok());
}

// Tag-value strings are views into the text, so invalid UTF-8 would reach
// the writers (which put U+FFFD in its place) without a word: each line
// that has some is a problem instead.
TEST_CASE("spdx2 tree: invalid UTF-8 in tag-value is a problem naming its line",
          "[formats][spdx2-tree][hostile]") {
  const std::string text = "SPDXVersion: SPDX-2.3\n"
                           "DataLicense: CC0-1.0\n"
                           "SPDXID: SPDXRef-DOCUMENT\n"
                           "DocumentName: caf\xE9\n"
                           "PackageName: ok \xC3\xA9\n"
                           "SPDXID: SPDXRef-a\n"
                           "PackageComment: <text>one\n"
                           "two \xC3\x28 and \xFF</text>\n";
  const auto tree = format::read_spdx2_tag_value_tree(text);
  REQUIRE(tree.ok());
  REQUIRE(tree->problems.size() == 2);
  CHECK(tree->problems[0].line == 4);
  CHECK(tree->problems[0].message ==
        "invalid UTF-8 (byte 0xE9 in column 18); a converted document has U+FFFD in its place");
  CHECK(tree->problems[1].line == 8);
  CHECK(tree->problems[1].message.starts_with("invalid UTF-8 (byte 0xC3 in column 5)"));
  // The text itself is kept as it is; what to do with it is the caller's.
  CHECK(tree->document.root()["name"].string() == "caf\xE9");
}
