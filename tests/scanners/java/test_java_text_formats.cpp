// The small text formats of Java archives and installations: .properties,
// MANIFEST.MF, artifact file names and the JDK release file.
#include "../../../src/scanners/java/archive_name.hpp"
#include "../../../src/scanners/java/jdk_release.hpp"
#include "../../../src/scanners/java/manifest.hpp"
#include "../../../src/scanners/java/properties_file.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/scanner/file_report.hpp>

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::scanner::java;

TEST_CASE("java properties: separators, comments, continuations and escapes", "[java]") {
  auto values = parse_properties("#Created by Apache Maven 3.8.6\r\n"
                                 "! also a comment\n"
                                 "groupId=org.example\n"
                                 "artifactId : demo\n"
                                 "version 1.0\\\n"
                                 "    .2\n"
                                 "key\\=with\\:marks = caf\\u00e9\\tend\n"
                                 "   \n"
                                 "empty=\n");
  CHECK(values.size() == 5);
  CHECK(values["groupId"] == "org.example");
  CHECK(values["artifactId"] == "demo");
  CHECK(values["version"] == "1.0.2");
  CHECK(values["key=with:marks"] == "caf\xC3\xA9\tend");
  CHECK(values["empty"].empty());
}

TEST_CASE("java properties: a malformed escape and a dangling continuation keep the text",
          "[java]") {
  auto values = parse_properties("a=\\u12\nb=last\\");
  CHECK(values["a"] == "\\u12");
  CHECK(values["b"] == "last");
}

TEST_CASE("java manifest: main section, continuation lines, names ignoring case", "[java]") {
  auto manifest = parse_manifest("Manifest-Version: 1.0\r\n"
                                 "Export-Package: org.hamcrest;version=\"2.2\",or\r\n"
                                 " g.hamcrest.core\r\n"
                                 "Bundle-SymbolicName: org.example.core;singleton:=true\r\n"
                                 "\r\n"
                                 "Name: org/example/Main.class\r\n"
                                 "SHA-256-Digest: abc=\r\n");
  CHECK(manifest.main.size() == 3);
  CHECK(manifest.get("export-package") == "org.hamcrest;version=\"2.2\",org.hamcrest.core");
  CHECK(osgi_first_clause(manifest.get("Bundle-SymbolicName")) == "org.example.core");
  // Per-entry sections are not the archive's attributes.
  CHECK(manifest.get("Name").empty());
}

TEST_CASE("java archive names: artifact and version from the file name", "[java]") {
  using Case = std::tuple<const char*, const char*, const char*>;
  for (auto [file, name, version] : {
           Case{"commons-lang3-3.12.0.jar", "commons-lang3", "3.12.0"},
           Case{"log4j-1.2-api-2.17.1.jar", "log4j-1.2-api", "2.17.1"},
           Case{"guava-31.1-jre.jar", "guava", "31.1-jre"},
           Case{"spring-core-5.3.20.RELEASE.jar", "spring-core", "5.3.20.RELEASE"},
           Case{"netty-all-4.1.86.Final.jar", "netty-all", "4.1.86.Final"},
           Case{"hamcrest-integration-1.3.1-SNAPSHOT.jar", "hamcrest-integration",
                "1.3.1-SNAPSHOT"},
           Case{"jsr305-0.1~+svn49.jar", "jsr305", "0.1~+svn49"},
           Case{"junit-jupiter-5.10.0-M1.jar", "junit-jupiter", "5.10.0-M1"},
           Case{"slf4j-api.jar", "slf4j-api", ""},
           Case{"jackson-bom.jar", "jackson-bom", ""},
           Case{"app.war", "app", ""},
           Case{"9patch-tool.jar", "9patch-tool", ""},
       }) {
    INFO(file);
    auto found = name_and_version_from_file_name(file);
    CHECK(found.name == name);
    CHECK(found.version == version);
  }
  CHECK(java_archive_type("x.lpkg") == "lpkg");
  CHECK(java_archive_type("x.zip").empty());
  CHECK(java_archive_type(".jar").empty());
}

TEST_CASE("java JDK: Debian's OpenJDK release file is a platform component", "[java]") {
  source::SourceFile file;
  file.path = "usr/lib/jvm/java-17-openjdk-amd64/release";
  file.location = file.path;
  file.contents =
      testing::read_file(testing::fixture("java/jdk/debian-openjdk-17-jre-headless/release"));
  REQUIRE(looks_like_jdk_release(file.contents));
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "java", "subject");
  scanner::FileReport report(context, file);
  read_jdk_release(report, file);
  auto document = std::move(graph).finish({});
  REQUIRE(document.components.size() == 1);
  const auto& jdk = document.components[0];
  CHECK(jdk.type == model::ComponentType::platform);
  CHECK(jdk.name == "openjdk");
  CHECK(jdk.version == "17.0.21.1");
  CHECK(jdk.supplier.name == "Debian");
  CHECK(jdk.purl.empty());
  CHECK(jdk.cpes == std::vector<std::string>{"cpe:2.3:a:oracle:openjdk:17.0.21.1:*:*:*:*:*:*:*"});
  CHECK(testing::native::property(jdk, "kensa:java:release:java_runtime_version") ==
        "17.0.21.1+2-1-deb12u1-Debian");
  CHECK(testing::native::property(jdk, "kensa:java:release:os_arch") == "x86_64");
  CHECK(jdk.evidence.at(0).location == file.location);

  CHECK_FALSE(looks_like_jdk_release("VERSION=1.0\nNAME=something else\n"));
}
