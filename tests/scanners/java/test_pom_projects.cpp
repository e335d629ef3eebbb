// read_pom_projects on real source trees: Debian's Apache Commons parent
// chain, a multi-module build with dependencyManagement in its parent, and a
// Spring Boot build whose parent is not in the tree.
#include "test_pom_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::java_build;

namespace {

std::vector<source::SourceFile> jsptf_tree() {
  return {fixture_file("pom/jsptf", "pom.xml"), fixture_file("pom/jsptf", "jsptf/pom.xml"),
          fixture_file("pom/jsptf", "jsptf-tiles/pom.xml")};
}

std::vector<source::SourceFile> spring_boot_tree() {
  return {fixture_file("pom/spring-boot-modules", "pom.xml"),
          fixture_file("pom/spring-boot-modules", "hello/pom.xml"),
          fixture_file("pom/spring-boot-modules", "web/pom.xml")};
}

std::set<std::string> locations_of(const model::Component& component) {
  std::set<std::string> locations;
  for (const auto& evidence : component.evidence) {
    locations.insert(evidence.location);
  }
  return locations;
}

} // namespace

TEST_CASE("pom projects: a parent chain found by coordinates", "[java][pom]") {
  auto result = read_poms({fixture_file("pom/debian", "commons-io/pom.xml"),
                           fixture_file("pom/debian", "commons-parent/pom.xml"),
                           fixture_file("pom/debian", "apache/pom.xml")});
  CHECK(result.warnings().empty());
  const auto& io = result.component("pkg:maven/commons-io/commons-io@2.11.0");
  CHECK(io.type == model::ComponentType::application);
  CHECK(property(io, "kensa:maven:name") == "Apache Commons IO");
  CHECK(io.description.starts_with("The Apache Commons IO library"));
  CHECK(locations_of(io) == std::set<std::string>{"commons-io/pom.xml"});
  const auto& parent = result.component("pkg:maven/org.apache.commons/commons-parent@debian");
  CHECK(parent.type == model::ComponentType::application);
  CHECK(property(parent, "kensa:maven:name") == "Apache Commons Parent");
  // The project whose parent is not in the tree is the top one; the others
  // are found under it.
  CHECK(result.roots() == std::set<std::string>{"pkg:maven/org.apache/apache@debian"});
  CHECK(result.document.components.size() == 3);
}

TEST_CASE("pom projects: dependencyManagement and properties from the parent", "[java][pom]") {
  auto result = read_poms(jsptf_tree());
  CHECK(result.warnings().empty());
  CHECK(result.roots() ==
        std::set<std::string>{"pkg:maven/com.pillartechnology/jsptf-parent@0.0.1-SNAPSHOT"});
  // Versions and scopes from the parent's dependencyManagement, some through
  // its <properties>.
  CHECK(result.edges_from("pkg:maven/com.pillartechnology/jsptf@0.0.1-SNAPSHOT") ==
        std::set<std::string>{
            "pkg:maven/com.google.guava/guava@r08 depends-on",
            "pkg:maven/org.springframework/spring-web@3.0.5.RELEASE depends-on",
            "pkg:maven/org.springframework/spring-test@3.0.5.RELEASE depends-on",
            "pkg:maven/net.sourceforge.htmlunit/htmlunit@2.8 depends-on",
            "pkg:maven/javax.servlet/servlet-api@2.5 depends-on",
            "pkg:maven/org.hamcrest/hamcrest-core@1.2.1 depends-on",
            "pkg:maven/org.hamcrest/hamcrest-library@1.2.1 depends-on",
            "pkg:maven/junit/junit-dep@4.8.2 depends-on",
            "pkg:maven/org.mockito/mockito-core@1.8.5 depends-on",
        });
  // A managed-only dependency (slf4j-api, test) is not a dependency.
  CHECK(result.find("pkg:maven/org.slf4j/slf4j-api@1.5.11") == nullptr);
  // The parent itself declares no dependencies.
  CHECK(result.edges_from("pkg:maven/com.pillartechnology/jsptf-parent@0.0.1-SNAPSHOT").empty());

  const auto& servlet = result.component("pkg:maven/javax.servlet/servlet-api@2.5");
  CHECK(servlet.scope == model::Scope::excluded);
  CHECK(property(servlet, "kensa:maven:scope") == "provided");
  const auto& web = result.component("pkg:maven/org.springframework/spring-web@3.0.5.RELEASE");
  // compile in jsptf, provided in jsptf-tiles: needed at run time by one.
  CHECK(web.scope == model::Scope::required);
  CHECK_FALSE(web.development);
}

TEST_CASE("pom projects: a module another module depends on is one component", "[java][pom]") {
  auto result = read_poms(jsptf_tree());
  // jsptf-tiles depends on jsptf at ${project.version}.
  CHECK(result.edges_from("pkg:maven/com.pillartechnology/jsptf-tiles@0.0.1-SNAPSHOT")
            .contains("pkg:maven/com.pillartechnology/jsptf@0.0.1-SNAPSHOT depends-on"));
  const auto& jsptf = result.named("com.pillartechnology", "jsptf");
  CHECK(jsptf.purl == "pkg:maven/com.pillartechnology/jsptf@0.0.1-SNAPSHOT");
  CHECK(jsptf.type == model::ComponentType::application);
  CHECK(locations_of(jsptf) == std::set<std::string>{"jsptf-tiles/pom.xml", "jsptf/pom.xml"});
  // The explicit scope wins over the managed one.
  auto tiles = result.edges_from("pkg:maven/com.pillartechnology/jsptf-tiles@0.0.1-SNAPSHOT");
  CHECK(tiles.contains("pkg:maven/com.google.guava/guava@r08 depends-on"));
  CHECK(tiles.size() == 11);
  const auto& guava = result.component("pkg:maven/com.google.guava/guava@r08");
  std::set<std::string> scopes;
  for (const auto& property : guava.properties) {
    if (property.name == "kensa:maven:scope") {
      scopes.insert(property.value);
    }
  }
  CHECK(scopes == std::set<std::string>{"compile", "provided"});
}

TEST_CASE("pom projects: scopes, optional, and versions managed outside the tree", "[java][pom]") {
  auto result = read_poms(spring_boot_tree());
  CHECK(result.roots() ==
        std::set<std::string>{"pkg:maven/com.jimtough.mmm/mmm-webapp@0.0.1-SNAPSHOT"});
  auto edges = result.edges_from("pkg:maven/com.jimtough.mmm/mmm-webapp@0.0.1-SNAPSHOT");
  // Every version comes from spring-boot-starter-parent, which is not here:
  // no version, no purl.
  CHECK(edges == std::set<std::string>{
                     "org.springframework.boot:spring-boot-starter-data-jpa depends-on",
                     "org.springframework.boot:spring-boot-devtools optional-depends-on",
                     "com.h2database:h2 depends-on",
                     "org.projectlombok:lombok optional-depends-on",
                     "org.springframework.boot:spring-boot-starter-test dev-depends-on",
                 });
  CHECK(result.mentions("pom.xml", "5 dependencies without a known version"));
  CHECK(
      result.mentions("pom.xml", "org.springframework.boot:spring-boot-starter-test (no version"));
  CHECK(result.mentions("pom.xml", "the parent org.springframework.boot:spring-boot-starter-parent:"
                                   "2.4.2 is not in the scanned tree"));

  for (const auto& component : result.document.components) {
    if (component.group == "org.springframework.boot" &&
        component.name == "spring-boot-starter-test") {
      CHECK(component.version.empty());
      CHECK(component.purl.empty());
      CHECK(component.development);
      CHECK(component.scope == model::Scope::excluded);
      CHECK(property(component, "kensa:maven:scope") == "test");
    }
    if (component.name == "lombok") {
      CHECK(component.scope == model::Scope::optional);
    }
    if (component.name == "h2") {
      CHECK(component.scope == model::Scope::required);
      CHECK(property(component, "kensa:maven:scope") == "runtime");
    }
  }

  // A module inherits its parent's groupId, version and dependencies; a
  // sibling module in the tree is the same component as that project.
  auto web = result.edges_from("pkg:maven/com.jimtough.mmm/web@0.0.1-SNAPSHOT");
  CHECK(web.contains("pkg:maven/com.jimtough.mmm/hello@0.0.1-SNAPSHOT depends-on"));
  CHECK(web.contains("pkg:maven/com.jimtough.mmm/world@0.0.1-SNAPSHOT depends-on"));
  CHECK(web.contains("pkg:maven/org.webjars/bootstrap@4.6.0 depends-on"));
  CHECK(web.contains("org.springframework.boot:spring-boot-starter-test dev-depends-on"));
  CHECK(web.size() == 16);
  CHECK(result.component("pkg:maven/com.jimtough.mmm/hello@0.0.1-SNAPSHOT").type ==
        model::ComponentType::application);
  CHECK(result.component("pkg:maven/com.jimtough.mmm/world@0.0.1-SNAPSHOT").type ==
        model::ComponentType::library);
  CHECK(result.mentions("web/pom.xml", "without a known version"));
}

TEST_CASE("pom projects: an unresolvable version is reported, never guessed", "[java][pom]") {
  auto result = read_poms(
      {fixture_file("pom/jsptf", "pom.xml"),
       file("app/pom.xml",
            "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
            "<parent><groupId>com.pillartechnology</groupId><artifactId>jsptf-parent</artifactId>"
            "<version>0.0.1-SNAPSHOT</version></parent>"
            "<artifactId>app</artifactId>"
            "<dependencies>"
            "<dependency><groupId>org.example</groupId><artifactId>lib</artifactId>"
            "<version>${lib.version}</version></dependency>"
            "<dependency><groupId>org.example</groupId><artifactId>ranged</artifactId>"
            "<version>[1.0,2.0)</version></dependency>"
            "<dependency><groupId>org.example</groupId><artifactId>pinned</artifactId>"
            "<version>[1.5]</version></dependency>"
            "<dependency><groupId>junit</groupId><artifactId>junit-dep</artifactId>"
            "<version>${junit.version}</version><scope>test</scope></dependency>"
            "</dependencies></project>")});
  // The parent is found at ../pom.xml.
  CHECK(result.roots() ==
        std::set<std::string>{"pkg:maven/com.pillartechnology/jsptf-parent@0.0.1-SNAPSHOT"});
  const auto& lib = result.named("org.example", "lib");
  CHECK(lib.version.empty());
  CHECK(lib.purl.empty());
  CHECK(property(lib, "kensa:maven:unresolved-version") == "${lib.version}");
  CHECK(result.mentions("app/pom.xml", "org.example:lib (${lib.version} has no value)"));
  const auto& ranged = result.named("org.example", "ranged");
  CHECK(ranged.purl.empty());
  CHECK(property(ranged, "kensa:maven:unresolved-version") == "[1.0,2.0)");
  CHECK(result.mentions("app/pom.xml", "names no single version"));
  CHECK(result.named("org.example", "pinned").purl == "pkg:maven/org.example/pinned@1.5");
  const auto& junit = result.component("pkg:maven/junit/junit-dep@4.8.2");
  CHECK(junit.development);
  CHECK(result.edges_from("pkg:maven/com.pillartechnology/app@0.0.1-SNAPSHOT")
            .contains("pkg:maven/junit/junit-dep@4.8.2 dev-depends-on"));
}

TEST_CASE("pom projects: imported BOMs, classifiers and a project version from a property",
          "[java][pom]") {
  auto result = read_poms(
      {file("bom/pom.xml",
            "<project><groupId>org.example</groupId><artifactId>bom</artifactId>"
            "<version>3</version><packaging>pom</packaging>"
            "<properties><lib.version>2.1</lib.version></properties>"
            "<dependencyManagement><dependencies><dependency><groupId>org.example</groupId>"
            "<artifactId>lib</artifactId><version>${lib.version}</version></dependency>"
            "</dependencies></dependencyManagement></project>"),
       file("app/pom.xml",
            "<project><groupId>org.example</groupId><artifactId>app</artifactId>"
            "<version>${revision}</version>"
            "<dependencyManagement><dependencies><dependency><groupId>org.example</groupId>"
            "<artifactId>bom</artifactId><version>3</version><type>pom</type>"
            "<scope>import</scope></dependency></dependencies></dependencyManagement>"
            "<dependencies><dependency><groupId>org.example</groupId><artifactId>lib</artifactId>"
            "</dependency><dependency><groupId>org.example</groupId><artifactId>lib</artifactId>"
            "<version>2.1</version><classifier>tests</classifier><type>test-jar</type>"
            "<scope>test</scope></dependency></dependencies></project>")});
  // The BOM's version is resolved in the BOM's own context.
  CHECK(result.find("pkg:maven/org.example/lib@2.1") != nullptr);
  CHECK(result.find("pkg:maven/org.example/lib@2.1?classifier=tests&type=test-jar") != nullptr);
  const auto& app = result.named("org.example", "app");
  CHECK(app.purl.empty());
  CHECK(property(app, "kensa:maven:unresolved-version") == "${revision}");
  CHECK(result.mentions("app/pom.xml",
                        "the project's version is unknown (${revision} has no value)"));
  CHECK(result.roots().size() == 2);
}

TEST_CASE("pom projects: a malformed pom is a warning, the others are read",
          "[java][pom][malformed]") {
  auto files = jsptf_tree();
  files.push_back(file("broken/pom.xml", "<project><artifactId>x</artifactId>"));
  files.push_back(file("empty/pom.xml", ""));
  files.push_back(file("noid/pom.xml", "<project><groupId>g</groupId></project>"));
  files.push_back(file("cycle/a/pom.xml",
                       "<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version>"
                       "<parent><groupId>g</groupId><artifactId>b</artifactId><version>1</version>"
                       "<relativePath>../b</relativePath></parent></project>"));
  files.push_back(file("cycle/b/pom.xml",
                       "<project><groupId>g</groupId><artifactId>b</artifactId><version>1</version>"
                       "<parent><groupId>g</groupId><artifactId>a</artifactId><version>1</version>"
                       "<relativePath>../a</relativePath></parent></project>"));
  auto result = read_poms(std::move(files));
  CHECK(result.mentions("broken/pom.xml", "not a readable pom.xml: line 1"));
  CHECK(result.mentions("empty/pom.xml", "not a readable pom.xml"));
  CHECK(result.mentions("noid/pom.xml", "without an artifactId"));
  // A parent cycle ends; both projects are still there.
  CHECK(result.find("pkg:maven/g/a@1") != nullptr);
  CHECK(result.find("pkg:maven/g/b@1") != nullptr);
  CHECK(result.find("pkg:maven/com.pillartechnology/jsptf@0.0.1-SNAPSHOT") != nullptr);
  CHECK(result.warnings().size() == 3);
}
