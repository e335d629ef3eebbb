// parse_pom_xml on real poms (Debian's Apache Commons chain, a small
// multi-module build) and on hostile text.
#include "../../../src/scanners/java/pom_properties.hpp"
#include "../../../src/scanners/java/pom_xml.hpp"
#include "test_pom_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::scanner::java;
using namespace kensa::testing::java_build;

namespace {

PomFile parsed(const std::string& folder, const std::string& path) {
  std::string error;
  auto pom = parse_pom_xml(fixture_file(folder, path).contents, error);
  INFO(error);
  REQUIRE(pom);
  return std::move(*pom);
}

} // namespace

TEST_CASE("pom.xml: every field of a real pom, whatever its namespace", "[java][pom]") {
  PomFile io = parsed("pom/debian", "commons-io/pom.xml");
  CHECK(io.coordinates.group_id == "commons-io");
  CHECK(io.coordinates.artifact_id == "commons-io");
  CHECK(io.coordinates.version == "2.11.0");
  CHECK(io.packaging == "jar");
  CHECK(io.name == "Apache Commons IO");
  CHECK(io.description.starts_with("The Apache Commons IO library contains utility classes"));
  REQUIRE(io.parent);
  CHECK(io.parent->group_id == "org.apache.commons");
  CHECK(io.parent->artifact_id == "commons-parent");
  CHECK(io.parent->version == "debian");
  CHECK_FALSE(io.parent->relative_path_given);
  CHECK(io.properties.at("commons.componentid") == "io");
  CHECK(io.properties.at("jacoco.skip") == "${env.JACOCO_SKIP}");
  // An empty element is a property with an empty value.
  CHECK(io.properties.at("debian.hasPackageVersion").empty());
  CHECK(io.dependencies.empty());

  PomFile apache = parsed("pom/debian", "apache/pom.xml");
  CHECK_FALSE(apache.parent);
  CHECK(apache.packaging == "pom");
  // dependencyManagement, not dependencies; <build> plugins are neither.
  CHECK(apache.dependencies.empty());
  REQUIRE(apache.managed_dependencies.size() == 1);
  CHECK(apache.managed_dependencies[0].artifact_id == "maven-plugin-annotations");
  CHECK(apache.managed_dependencies[0].version == "debian");
}

TEST_CASE("pom.xml: modules, dependencyManagement, scopes and <relativePath/>", "[java][pom]") {
  PomFile parent = parsed("pom/jsptf", "pom.xml");
  CHECK(parent.modules == std::vector<std::string>{"jsptf", "jsptf-tiles"});
  REQUIRE(parent.managed_dependencies.size() == 11);
  CHECK(parent.managed_dependencies[1].version == "${org.springframework.version}");
  CHECK(parent.managed_dependencies[5].scope == "provided");
  CHECK(parent.managed_dependencies[10].type == "jar");
  CHECK(parent.managed_dependencies[10].scope == "test");

  PomFile module = parsed("pom/jsptf", "jsptf/pom.xml");
  REQUIRE(module.parent);
  CHECK(module.parent->relative_path_given);
  CHECK(module.parent->relative_path == "../pom.xml");
  REQUIRE(module.dependencies.size() == 9);
  CHECK(module.dependencies[0].version.empty());

  PomFile boot = parsed("pom/spring-boot-modules", "pom.xml");
  REQUIRE(boot.parent);
  // <relativePath/>: given, empty, meaning "look in the repository".
  CHECK(boot.parent->relative_path_given);
  CHECK(boot.parent->relative_path.empty());
  REQUIRE(boot.dependencies.size() == 5);
  CHECK(boot.dependencies[1].scope == "runtime");
  CHECK(boot.dependencies[1].optional == "true");
}

TEST_CASE("pom.xml: malformed text is an error line, never a throw", "[java][pom][malformed]") {
  std::string error;
  CHECK_FALSE(parse_pom_xml("<project><groupId>x</groupId>", error));
  CHECK(error.starts_with("line 1: "));
  CHECK(error.find('\n') == std::string::npos);

  error.clear();
  CHECK_FALSE(parse_pom_xml("<settings><localRepository/></settings>", error));
  CHECK(error == "the root element is not <project>");

  error.clear();
  CHECK_FALSE(parse_pom_xml("", error));
  CHECK_FALSE(error.empty());

  error.clear();
  CHECK_FALSE(parse_pom_xml(std::string("\0\x01\xff<project>", 12), error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("pom.xml: hostile input stays bounded", "[java][pom][hostile]") {
  std::string error;
  SECTION("entity expansion (billion laughs) is refused before parsing") {
    std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE project [\n<!ENTITY lol \"lol\">\n";
    for (int level = 1; level <= 9; ++level) {
      laughs += "<!ENTITY lol" + std::to_string(level) + " \"";
      for (int i = 0; i < 10; ++i) {
        laughs += "&lol" + (level == 1 ? std::string() : std::to_string(level - 1)) + ";";
      }
      laughs += "\">\n";
    }
    laughs += "]>\n<project><artifactId>&lol9;</artifactId></project>";
    CHECK_FALSE(parse_pom_xml(laughs, error));
    CHECK(error.find("entities") != std::string::npos);
  }
  SECTION("an undeclared entity is an error, not text") {
    CHECK_FALSE(parse_pom_xml("<project><artifactId>&ext;</artifactId></project>", error));
    CHECK_FALSE(error.empty());
  }
  SECTION("deep nesting stops at libxml2's depth cap") {
    std::string deep = "<project>";
    for (int i = 0; i < 100'000; ++i) {
      deep += "<a>";
    }
    CHECK_FALSE(parse_pom_xml(deep, error));
    CHECK_FALSE(error.empty());
  }
  SECTION("more than the size cap is refused") {
    std::string huge = "<project><description>";
    huge.append(17u << 20, 'x');
    huge += "</description></project>";
    CHECK_FALSE(parse_pom_xml(huge, error));
    CHECK(error.find("MiB") != std::string::npos);
  }
  SECTION("developers past the cap are not kept") {
    std::string many = "<project><developers>";
    for (std::size_t i = 0; i < k_max_pom_developers + 50; ++i) {
      many += "<developer><name>d" + std::to_string(i) + "</name></developer>";
    }
    many += "</developers></project>";
    auto pom = parse_pom_xml(many, error);
    REQUIRE(pom);
    REQUIRE(pom->developers.size() == k_max_pom_developers);
    CHECK(pom->developers.front().name == "d0");
    CHECK(pom->developers.back().name == "d" + std::to_string(k_max_pom_developers - 1));
  }
  SECTION("predefined entities and character references are plain text") {
    auto pom = parse_pom_xml(
        "<project><artifactId>a&amp;b&#x43;</artifactId><name><![CDATA[x<y]]></name></project>",
        error);
    REQUIRE(pom);
    CHECK(pom->coordinates.artifact_id == "a&bC");
    CHECK(pom->name == "x<y");
  }
}

TEST_CASE("pom.xml: properties resolved through the parent chain", "[java][pom][properties]") {
  PomFile io = parsed("pom/debian", "commons-io/pom.xml");
  PomFile commons = parsed("pom/debian", "commons-parent/pom.xml");
  PomFile apache = parsed("pom/debian", "apache/pom.xml");
  PomPropertyResolver resolver({&io, &commons, &apache});

  CHECK(resolver.resolve("${project.version}") == "2.11.0");
  CHECK(resolver.resolve("${pom.version}") == "2.11.0");
  CHECK(resolver.resolve("${version}") == "2.11.0");
  CHECK(resolver.resolve("${project.groupId}:${project.artifactId}") == "commons-io:commons-io");
  CHECK(resolver.resolve("${project.parent.version}") == "debian");
  CHECK(resolver.resolve("${parent.version}") == "debian");
  // Declared in commons-parent as org.apache.commons.${commons.packageId},
  // with commons.packageId = ${project.artifactId}: resolved for the child.
  CHECK(resolver.resolve("${commons.osgi.symbolicName}") == "org.apache.commons.commons-io");
  // commons-parent's value refers to commons.componentid, which the child
  // overrides.
  CHECK(resolver.resolve("${commons.distSvnStagingUrl}") ==
        "scm:svn:https://dist.apache.org/repos/dist/dev/commons/io");
  // The nearest pom wins: commons-io says 1.8, apache's says
  // ${maven.compiler.target} (1.7).
  CHECK(resolver.resolve("${maven.compiler.source}") == "1.8");
  // commons-parent (${commons.encoding}) over apache (UTF-8).
  CHECK(resolver.resolve("${project.build.sourceEncoding}") == "iso-8859-1");
  // An empty property is a value.
  CHECK(resolver.resolve("[${debian.hasPackageVersion}]") == "[]");
  // The environment is not known here.
  CHECK_FALSE(resolver.resolve("${jacoco.skip}"));
  CHECK(resolver.problem() == "${env.JACOCO_SKIP} has no value");
  // Text without a complete reference stays as it is.
  CHECK(resolver.resolve("${unterminated") == "${unterminated");

  PomPropertyResolver apache_alone({&apache});
  CHECK(apache_alone.resolve("${maven.compiler.source}") == "1.7");
  CHECK_FALSE(apache_alone.resolve("${project.parent.version}"));
}

TEST_CASE("pom.xml: reference cycles and blow-ups are bounded",
          "[java][pom][properties][hostile]") {
  std::string error;
  std::string text = "<project><artifactId>x</artifactId><version>1</version><properties>"
                     "<a>${b}</a><b>${c}</b><c>${a}</c><self>${self}</self><p0>xxxxxxxx</p0>";
  for (int i = 1; i <= 40; ++i) {
    text += "<p" + std::to_string(i) + ">${p" + std::to_string(i - 1) + "}${p" +
            std::to_string(i - 1) + "}</p" + std::to_string(i) + ">";
  }
  std::string deep = "<d0>end</d0>";
  for (int i = 1; i <= 200; ++i) {
    deep += "<d" + std::to_string(i) + ">${d" + std::to_string(i - 1) + "}</d" + std::to_string(i) +
            ">";
  }
  text += deep + "</properties></project>";
  auto pom = parse_pom_xml(text, error);
  INFO(error);
  REQUIRE(pom);
  PomPropertyResolver resolver({&*pom});
  CHECK_FALSE(resolver.resolve("${a}"));
  CHECK(resolver.problem().find("refers to itself") != std::string::npos);
  CHECK_FALSE(resolver.resolve("${self}"));
  CHECK(resolver.problem() == "${self} refers to itself");
  // 8 * 2^20 bytes if expanded.
  CHECK_FALSE(resolver.resolve("${p20}"));
  CHECK(resolver.problem().find("grows past") != std::string::npos);
  // 8 * 2^40 bytes, stopped by the depth cap first.
  CHECK_FALSE(resolver.resolve("${p40}"));
  CHECK(resolver.resolve("${p3}") == std::string(64, 'x'));
  CHECK_FALSE(resolver.resolve("${d200}"));
  CHECK(resolver.problem().find("nested deeper") != std::string::npos);
  CHECK(resolver.resolve("${d20}") == "end");
}
