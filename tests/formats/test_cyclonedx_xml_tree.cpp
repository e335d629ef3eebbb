#include <kensa/format/cyclonedx_xml_tree.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>

using namespace kensa;

namespace {

nlohmann::json tree_of(const std::string& xml) {
  auto tree = format::cyclonedx_xml_tree(xml, "test.xml");
  INFO(xml);
  REQUIRE(tree.ok());
  return tree->root().to_nlohmann();
}

} // namespace

TEST_CASE("cyclonedx xml tree: elements become the JSON form's members", "[formats][xml]") {
  const auto tree = tree_of(R"(<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" serialNumber="urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79" version="1">
  <metadata>
    <timestamp> 2024-01-02T03:04:05Z </timestamp>
    <tools><components><component type="application"><name>kensa</name></component></components></tools>
  </metadata>
  <components>
    <component type="library" bom-ref="pkg:npm/a@1">
      <name>a</name>
      <version>1</version>
      <description><![CDATA[x < y]]> &amp; more</description>
      <hashes><hash alg="SHA-256">abcd</hash></hashes>
      <licenses><license><id>MIT</id></license><expression>A OR B</expression></licenses>
      <omniborId>gitoid:blob:sha1:1</omniborId>
      <purl>pkg:npm/a@1</purl>
      <omniborId>gitoid:blob:sha1:2</omniborId>
      <components>
        <component type="file"><name>inner</name></component>
      </components>
    </component>
  </components>
  <dependencies>
    <dependency ref="pkg:npm/a@1"><dependency ref="pkg:npm/b@2"/></dependency>
  </dependencies>
</bom>)");
  CHECK(tree["bomFormat"] == "CycloneDX");
  CHECK(tree["serialNumber"] == "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79");
  CHECK(tree["metadata"]["timestamp"] == "2024-01-02T03:04:05Z");
  CHECK(tree["metadata"]["tools"]["components"][0]["name"] == "kensa");
  const auto& component = tree["components"][0];
  CHECK(component["type"] == "library");
  CHECK(component["bom-ref"] == "pkg:npm/a@1");
  // CDATA and text around it are joined; entities are decoded.
  CHECK(component["description"] == "x < y & more");
  CHECK(component["hashes"] == nlohmann::json::parse(R"([{"alg":"SHA-256","content":"abcd"}])"));
  CHECK(component["licenses"] ==
        nlohmann::json::parse(R"([{"license":{"id":"MIT"}},{"expression":"A OR B"}])"));
  // Repeated identifiers are one array, wherever they are.
  CHECK(component["omniborId"] ==
        nlohmann::json::parse(R"(["gitoid:blob:sha1:1","gitoid:blob:sha1:2"])"));
  CHECK(component["components"][0]["name"] == "inner");
  CHECK(tree["dependencies"] ==
        nlohmann::json::parse(R"([{"ref":"pkg:npm/a@1","dependsOn":["pkg:npm/b@2"]}])"));
}

TEST_CASE("cyclonedx xml tree: prefixed names and legacy tools", "[formats][xml]") {
  const auto tree = tree_of(R"(<c:bom xmlns:c="http://cyclonedx.org/schema/bom/1.4">
  <c:metadata><c:tools><c:tool><c:vendor>V</c:vendor><c:name>t</c:name></c:tool></c:tools></c:metadata>
  <c:components><c:component type="library"><c:name>p</c:name></c:component></c:components>
</c:bom>)");
  CHECK(tree["metadata"]["tools"] == nlohmann::json::parse(R"([{"vendor":"V","name":"t"}])"));
  CHECK(tree["components"][0]["name"] == "p");
}

TEST_CASE("cyclonedx xml tree: malformed, foreign and hostile documents fail cleanly",
          "[formats][xml]") {
  auto cut = format::cyclonedx_xml_tree("<bom>\n<components>\n<component>", "cut.xml");
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().find("cut.xml: line ") == 0);
  CHECK(cut.error().find("not well-formed XML") != std::string::npos);

  auto foreign = format::cyclonedx_xml_tree("<project/>", "pom.xml");
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.error().find("not <bom>") != std::string::npos);

  std::string deep = "<bom><components>";
  for (int i = 0; i < 200; ++i) {
    deep += "<component><name>x</name><components>";
  }
  for (int i = 0; i < 200; ++i) {
    deep += "</components></component>";
  }
  deep += "</components></bom>";
  auto nested = format::cyclonedx_xml_tree(deep, "deep.xml");
  REQUIRE_FALSE(nested.ok());
  CHECK(nested.error().find("nested deeper than") != std::string::npos);

  // A DOCTYPE's entities are never expanded, internal or external: a
  // document that uses one is refused, rather than read with the
  // reference in place of its text.
  const auto entity = format::cyclonedx_xml_tree(
      "<!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\"><!ENTITY y \"expanded\">]>"
      "<bom><components><component><name>&x;&y;</name></component></components></bom>",
      "entities.xml");
  REQUIRE_FALSE(entity.ok());
  CHECK(entity.error() == "entities.xml: line 1: not well-formed XML: the entity &x; is none of "
                          "XML's five (&lt; &gt; &amp; &apos; &quot;), and kensa expands no "
                          "entity a DTD declares");
  CHECK(entity.error().find("root:") == std::string::npos);
}

// pugixml decodes &#0; into a NUL that ends the text there, and lets
// through what XML does not allow: the reader decodes references itself and
// refuses such a document, naming the line, instead of reading it short.
TEST_CASE("cyclonedx xml tree: text XML does not allow is refused, not cut short",
          "[formats][xml][hostile]") {
  const auto bom_with_name = [](const std::string& name) {
    return "<?xml version=\"1.0\"?>\n"
           "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">\n"
           "<components><component type=\"library\">\n"
           "<name>" +
           name + "</name></component></components></bom>\n";
  };
  const std::pair<std::string, std::string> refused[] = {
      {"a&#0;b", "&#0; names a character XML does not allow"},
      {"a&#x0;b", "&#x0; names a character XML does not allow"},
      {"a&#1;b", "&#1; names a character XML does not allow"},
      {"a&#xFFFE;b", "&#xFFFE; names a character XML does not allow"},
      {"a&#xD800;b", "&#xD800; names a character XML does not allow"},
      {"a&#x110000;b", "&#x110000; names a character XML does not allow"},
      {"a&#;b", "&#; is not a character reference"},
      {"a&#xZZ;b", "&#xZZ; is not a character reference"},
      {"a&amp b", "a '&' that starts no reference"},
      {"a & b", "a '&' that starts no reference"},
      {"a&nbsp;b", "the entity &nbsp; is none of XML's five"},
      {std::string("a\x01") + "b", "the control character 0x01"},
      {"a\xC3\x28"
       "b",
       "invalid UTF-8 (byte 0xC3)"},
      {"a\xEF\xBF\xBF"
       "b",
       "U+FFFF"},
  };
  for (const auto& [name, message] : refused) {
    const auto tree = format::cyclonedx_xml_tree(bom_with_name(name), "bad.xml");
    INFO(name);
    REQUIRE_FALSE(tree.ok());
    CHECK(tree.error().starts_with("bad.xml: line 4: not well-formed XML: "));
    CHECK(tree.error().find(message) != std::string::npos);
  }
  // In an attribute too, and when parsed in place.
  std::string in_place = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">\n"
                         "<components><component type=\"library\" bom-ref=\"x&#0;y\"/>"
                         "</components></bom>";
  const auto attribute = format::cyclonedx_xml_tree_in_place(in_place, "bad.xml");
  REQUIRE_FALSE(attribute.ok());
  CHECK(attribute.error() ==
        "bad.xml: line 2: not well-formed XML: the character reference &#0; names a character "
        "XML does not allow");

  // What XML allows is decoded as before; CDATA is taken as it is.
  const auto decoded = tree_of(bom_with_name("&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x1F600;"
                                             "<![CDATA[&amp;&#0;]]>"));
  CHECK(decoded["components"][0]["name"] == "<>&'\"AB\xF0\x9F\x98\x80&amp;&#0;");
}

// What references name must be in the tree, so that the rules that resolve
// them give the XML form of a BOM the verdict its JSON form gets: the
// official valid-service and valid-saasbom cases depend on services, and
// valid-component-external-with-versionRange on isExternal.
TEST_CASE("cyclonedx xml tree: services, vulnerabilities, annotations and refs are read",
          "[formats][xml]") {
  const auto tree = tree_of(R"(<bom xmlns="http://cyclonedx.org/schema/bom/1.7" version="1">
  <metadata><tools><services><service bom-ref="tool-svc"><name>scanner</name></service></services></tools></metadata>
  <components>
    <component type="library" bom-ref="lib" isExternal="true"><name>lib</name>
      <versionRange>vers:npm/&gt;=1.0.0</versionRange></component>
  </components>
  <services>
    <service bom-ref="api"><group>org</group><name>api</name>
      <services><service bom-ref="api-v2"><name>v2</name></service></services>
    </service>
  </services>
  <dependencies>
    <dependency ref="lib"><dependency ref="api"/><provides ref="api-v2"/></dependency>
  </dependencies>
  <compositions>
    <composition bom-ref="c1"><aggregate>complete</aggregate>
      <assemblies><assembly ref="lib"/></assemblies>
      <vulnerabilities><vulnerability ref="v1"/></vulnerabilities>
    </composition>
  </compositions>
  <vulnerabilities>
    <vulnerability bom-ref="v1"><id>CVE-1</id>
      <affects><target><ref>lib</ref></target></affects></vulnerability>
  </vulnerabilities>
  <annotations>
    <annotation bom-ref="a1"><subjects><subject ref="lib"/></subjects>
      <annotator><service bom-ref="annotating-svc"><name>bot</name></service></annotator>
      <timestamp>2024-01-01T00:00:00Z</timestamp><text>x</text></annotation>
  </annotations>
</bom>)");
  CHECK(tree["metadata"]["tools"]["services"][0]["bom-ref"] == "tool-svc");
  CHECK(tree["components"][0]["isExternal"] == true);
  CHECK(tree["components"][0]["versionRange"] == "vers:npm/>=1.0.0");
  CHECK(tree["services"] == nlohmann::json::parse(R"([{"bom-ref":"api","group":"org",
      "name":"api","services":[{"bom-ref":"api-v2","name":"v2"}]}])"));
  CHECK(tree["dependencies"] == nlohmann::json::parse(R"([{"ref":"lib","dependsOn":["api"],
      "provides":["api-v2"]}])"));
  CHECK(tree["compositions"] == nlohmann::json::parse(R"([{"bom-ref":"c1","aggregate":"complete",
      "assemblies":["lib"],"vulnerabilities":["v1"]}])"));
  CHECK(tree["vulnerabilities"] == nlohmann::json::parse(R"([{"bom-ref":"v1","id":"CVE-1",
      "affects":[{"ref":"lib"}]}])"));
  CHECK(tree["annotations"] == nlohmann::json::parse(R"([{"bom-ref":"a1","subjects":["lib"],
      "annotator":{"service":{"bom-ref":"annotating-svc","name":"bot"}}}])"));
}
