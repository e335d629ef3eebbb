// Java archives: real jars from Debian's Java library packages, and
// shaded, Spring Boot and web-application archives built here from them.
#include "../../support/component_lookup.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"
#include "java_jar_fixture.hpp"

#include <kensa/model/hash.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;
using native::edges;
using native::only;
using native::shell_quote;

namespace {

#define KENSA_REQUIRE_DEBIAN_JARS(jars)                                                            \
  std::string skip_reason;                                                                         \
  const std::vector<fs::path> jars = java::debian_jars(skip_reason);                               \
  if (jars.empty()) {                                                                              \
    WARN("skipped: " << skip_reason);                                                              \
    return;                                                                                        \
  }

fs::path debian_jar(const std::vector<fs::path>& jars, const std::string& name) {
  auto found = std::find_if(jars.begin(), jars.end(),
                            [&](const fs::path& jar) { return jar.filename() == name; });
  REQUIRE(found != jars.end());
  return *found;
}

std::string coordinates_of(const model::Component& component) {
  return component.group + ":" + component.name + ":" + component.version;
}

// The author of `component` called `name`; REQUIREs there is one.
const model::Party& author_named(const model::Component& component, const std::string& name) {
  auto found = std::find_if(component.authors.begin(), component.authors.end(),
                            [&](const model::Party& author) { return author.name == name; });
  REQUIRE(found != component.authors.end());
  return *found;
}

std::string sha1_of(const model::Component& component) {
  for (const auto& hash : component.hashes) {
    if (hash.algorithm == model::HashAlgorithm::sha1) {
      return hash.hex;
    }
  }
  return {};
}

// Extracts `jars` into `folder`/`into` (a shaded jar's classes and
// metadata side by side).
void unpack_into(const fs::path& folder, const std::vector<fs::path>& jars,
                 const std::string& into) {
  for (const auto& jar : jars) {
    java::shell_in(folder, "unzip -o -q " + shell_quote(jar.string()) + " -d " + shell_quote(into));
  }
}

} // namespace

TEST_CASE("java archives: Debian's Java libraries give the coordinates their pom.properties say",
          "[java]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path folder = scratch_dir("java-debian-jars");
  std::set<std::string> expected;
  for (const auto& jar : jars) {
    fs::copy_file(jar, folder / jar.filename());
    auto coordinates = java::pom_properties_coordinates(jar);
    expected.insert(coordinates.begin(), coordinates.end());
  }
  REQUIRE(expected.size() >= 10);

  auto document = native::scan_with(folder, "java");
  std::set<std::string> found;
  for (const auto& component : document.components) {
    if (property(component, "kensa:java:name-source") == "pom.properties") {
      found.insert(coordinates_of(component));
      CHECK(component.purl ==
            "pkg:maven/" + component.group + "/" + component.name + "@" + component.version);
    }
  }
  CHECK(found == expected);
  CHECK(native::warnings(document).empty());

  // Every archive carries its own SHA-1, the digest Maven Central indexes.
  for (const auto& jar : jars) {
    const model::Component* component = nullptr;
    for (const auto& candidate : document.components) {
      for (const auto& evidence : candidate.evidence) {
        if (evidence.location == jar.filename().string()) {
          component = &candidate;
        }
      }
    }
    INFO(jar);
    REQUIRE(component != nullptr);
    CHECK(sha1_of(*component) == java::sha1sum(folder / jar.filename()));
    CHECK(property(*component, "kensa:java:archive-type") == "jar");
  }
}

TEST_CASE("java archives: pom.xml and the manifest add what pom.properties lacks", "[java]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path folder = scratch_dir("java-details");
  fs::copy_file(debian_jar(jars, "jackson-core.jar"), folder / "jackson-core.jar");
  fs::copy_file(debian_jar(jars, "slf4j-api.jar"), folder / "slf4j-api.jar");
  auto document = native::scan_with(folder, "java");

  const auto& jackson = only(document, "com.fasterxml.jackson.core/jackson-core");
  CHECK(jackson.description.find("Streaming API") != std::string::npos);
  REQUIRE(jackson.licenses_declared.size() == 1);
  CHECK(jackson.licenses_declared[0].expression == "Apache-2.0");

  const auto& slf4j = only(document, "org.slf4j/slf4j-api");
  CHECK(slf4j.version == "1.7.32");
  CHECK(property(slf4j, "kensa:java:manifest:Bundle-SymbolicName") == "slf4j.api");
  CHECK(property(slf4j, "kensa:java:manifest:Automatic-Module-Name") == "org.slf4j");
  CHECK(slf4j.supplier.name == "SLF4J.ORG");
}

TEST_CASE("java archives: the pom's organization, else the vendor, else a developer's supplies",
          "[java]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path folder = scratch_dir("java-suppliers");
  for (const char* name : {"cdi-api.jar", "commons-cli.jar", "commons-lang3.jar", "jansi.jar"}) {
    fs::copy_file(debian_jar(jars, name), folder / name);
  }
  auto document = native::scan_with(folder, "java");

  // <organization> of the project, with its URL; every developer an author,
  // with the e-mail address as written.
  const auto& cdi = only(document, "javax.enterprise/cdi-api");
  CHECK(cdi.supplier.name == "JBoss by Red Hat, Inc.");
  CHECK(cdi.supplier.url == "http://jboss.org");
  CHECK(cdi.supplier.is_organization);
  REQUIRE(cdi.authors.size() == 5);
  CHECK(author_named(cdi, "Pete Muir").email == "pmuir[at]redhat[dot]com");
  CHECK_FALSE(author_named(cdi, "Pete Muir").is_organization);
  CHECK(author_named(cdi, "Martin Kouba").email == "mkouba[at]redhat[dot]com");

  // No <organization> in the pom: the manifest's Bundle-Vendor, not the
  // organization the first developer works for (SpiritSoft, Inc.).
  const auto& cli = only(document, "commons-cli/commons-cli");
  CHECK(cli.supplier.name == "Apache Software Foundation");
  REQUIRE(cli.authors.size() == 8);
  CHECK(author_named(cli, "James Strachan").email == "jstrachan@apache.org");

  // Neither: no supplier. The organization its first developer works for
  // (CollabNet, Inc.) does not supply Apache Commons.
  const auto& lang = only(document, "org.apache.commons/commons-lang3");
  CHECK(lang.supplier.empty());
  CHECK(lang.authors.size() == 17);

  // Developers without an organization, a manifest without a vendor: the
  // developers are the authors, and there is no supplier.
  const auto& jansi = only(document, "org.fusesource.jansi/jansi");
  CHECK(jansi.supplier.empty());
  REQUIRE(jansi.authors.size() == 2);
  CHECK(author_named(jansi, "Hiram Chirino").email == "hiram@hiramchirino.com");
  CHECK(author_named(jansi, "Hiram Chirino").url == "http://hiramchirino.com");
  CHECK(author_named(jansi, "Guillaume Nodet").url.empty());
  CHECK(native::warnings(document).empty());
}

TEST_CASE("java archives: without Maven metadata the manifest, then the file name, names the jar",
          "[java]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path folder = scratch_dir("java-no-maven");
  fs::copy_file(debian_jar(jars, "hamcrest-2.2.jar"), folder / "hamcrest-2.2.jar");
  fs::copy_file(debian_jar(jars, "jsr305-0.1~+svn49.jar"), folder / "jsr305-0.1~+svn49.jar");
  // A jar with neither Maven metadata nor a manifest.
  fs::path work = scratch_dir("java-no-maven-work");
  java::shell_in(work,
                 "mkdir -p plain/data && echo 'x' > plain/data/x.txt && cd plain && zip -q -r " +
                     shell_quote((folder / "log4j-1.2-api-2.17.1.jar").string()) + " data");
  auto document = native::scan_with(folder, "java");

  const auto& hamcrest = only(document, "hamcrest");
  CHECK(hamcrest.version == "2.2");
  CHECK(property(hamcrest, "kensa:java:name-source") == "manifest:Implementation-Title");
  CHECK(property(hamcrest, "kensa:java:version-source") == "manifest:Implementation-Version");
  CHECK(hamcrest.supplier.name == "hamcrest.org");
  // No groupId is known, so no purl: one would be invented.
  CHECK(hamcrest.purl.empty());

  // Debian's jsr305 manifest names nothing: the file name does.
  const auto& jsr305 = only(document, "jsr305");
  CHECK(jsr305.version == "0.1~+svn49");
  CHECK(property(jsr305, "kensa:java:name-source") == "file-name");
  CHECK(property(jsr305, "kensa:java:version-source") == "file-name");

  const auto& log4j = only(document, "log4j-1.2-api");
  CHECK(log4j.version == "2.17.1");
  CHECK_FALSE(sha1_of(log4j).empty());
}

TEST_CASE("java archives: a shaded jar is its own artifact containing the ones it absorbed",
          "[java]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path work = scratch_dir("java-shaded");
  fs::path folder = work / "scan";
  fs::create_directories(folder);
  std::vector<fs::path> absorbed = {debian_jar(jars, "commons-io.jar"),
                                    debian_jar(jars, "slf4j-api.jar"),
                                    debian_jar(jars, "jul-to-slf4j.jar")};
  unpack_into(work, absorbed, "tree");
  java::shell_in(work, "cd tree && zip -q -r ../scan/commons-io-2.11.0.jar .");

  // The same classes under a name that matches none of the artifacts, with
  // a manifest of its own.
  java::shell_in(work, "printf 'Manifest-Version: 1.0\\r\\nImplementation-Title: "
                       "uber-app\\r\\nImplementation-Version: 3.1\\r\\n\\r\\n' > "
                       "tree/META-INF/MANIFEST.MF && cd tree && zip -q -r ../scan/bundle.jar .");
  auto document = native::scan_with(folder, "java");
  auto contains = edges(document, model::RelationshipType::contains);

  // commons-io-2.11.0.jar is commons-io: the file name says which artifact.
  const model::Component* commons_io = nullptr;
  for (const auto* candidate : native::components_named(document, "commons-io/commons-io")) {
    CHECK(candidate->version == "2.11.0");
    commons_io = candidate;
  }
  REQUIRE(commons_io != nullptr);
  CHECK(sha1_of(*commons_io) == java::sha1sum(folder / "commons-io-2.11.0.jar"));
  CHECK(contains.count("commons-io/commons-io@2.11.0 -> org.slf4j/slf4j-api@1.7.32") == 1);
  CHECK(contains.count("commons-io/commons-io@2.11.0 -> org.slf4j/jul-to-slf4j@1.7.32") == 1);

  // bundle.jar is none of them: its manifest names it, and it contains all
  // three.
  const auto& bundle = only(document, "uber-app");
  CHECK(bundle.version == "3.1");
  CHECK(sha1_of(bundle) == java::sha1sum(folder / "bundle.jar"));
  for (const char* artifact : {"commons-io/commons-io@2.11.0", "org.slf4j/slf4j-api@1.7.32",
                               "org.slf4j/jul-to-slf4j@1.7.32"}) {
    INFO(artifact);
    CHECK(contains.count("uber-app@3.1 -> " + std::string(artifact)) == 1);
  }
  // An absorbed artifact's evidence is its pom.properties inside the jar.
  const auto* slf4j = native::component_with_purl(document, "pkg:maven/org.slf4j/slf4j-api@1.7.32");
  REQUIRE(slf4j != nullptr);
  std::set<std::string> locations;
  for (const auto& evidence : slf4j->evidence) {
    locations.insert(evidence.location);
  }
  CHECK(locations.count("bundle.jar!/META-INF/maven/org.slf4j/slf4j-api/pom.properties") == 1);
}

TEST_CASE("java archives: a Spring Boot jar contains the jars in BOOT-INF/lib", "[java]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path work = scratch_dir("java-spring-boot");
  fs::path folder = work / "scan";
  fs::create_directories(folder);
  fs::create_directories(work / "boot/BOOT-INF/lib");
  fs::create_directories(work / "boot/META-INF");
  fs::copy_file(debian_jar(jars, "slf4j-api.jar"), work / "boot/BOOT-INF/lib/slf4j-api.jar");
  fs::copy_file(debian_jar(jars, "commons-lang3.jar"),
                work / "boot/BOOT-INF/lib/commons-lang3-3.12.0.jar");
  native::write_bytes(work / "boot/META-INF/MANIFEST.MF",
                      "Manifest-Version: 1.0\r\n"
                      "Main-Class: org.springframework.boot.loader.JarLauncher\r\n"
                      "Start-Class: com.example.shop.ShopApplication\r\n"
                      "Spring-Boot-Lib: BOOT-INF/lib/\r\n\r\n");
  // Spring Boot stores nested jars uncompressed.
  java::shell_in(work, "cd boot && zip -q -0 -r ../scan/shop-1.4.0.jar .");
  auto document = native::scan_with(folder, "java");
  auto contains = edges(document, model::RelationshipType::contains);

  const auto& shop = only(document, "shop");
  CHECK(shop.version == "1.4.0");
  CHECK(property(shop, "kensa:java:manifest:Main-Class") ==
        "org.springframework.boot.loader.JarLauncher");
  CHECK(contains.count("shop@1.4.0 -> org.slf4j/slf4j-api@1.7.32") == 1);
  CHECK(contains.count("shop@1.4.0 -> org.apache.commons/commons-lang3@3.12.0") == 1);
  const auto& lang3 = only(document, "org.apache.commons/commons-lang3");
  REQUIRE(lang3.evidence.size() == 1);
  CHECK(lang3.evidence[0].location == "shop-1.4.0.jar!/BOOT-INF/lib/commons-lang3-3.12.0.jar");
  CHECK(sha1_of(lang3) == java::sha1sum(debian_jar(jars, "commons-lang3.jar")));
}

TEST_CASE("java archives: a war in an ear in a tarball, each containing the next", "[java]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path folder = scratch_dir("java-nested");
  fs::create_directories(folder / "war/WEB-INF/lib");
  fs::copy_file(debian_jar(jars, "jackson-core.jar"), folder / "war/WEB-INF/lib/jackson-core.jar");
  java::shell_in(folder, "cd war && zip -q -r ../shop.war .");
  fs::create_directories(folder / "ear/lib");
  fs::copy_file(debian_jar(jars, "commons-io.jar"), folder / "ear/lib/commons-io.jar");
  fs::copy_file(folder / "shop.war", folder / "ear/shop.war");
  java::shell_in(folder, "cd ear && zip -q -r ../store-2.0.ear .");
  fs::create_directories(folder / "release/app");
  fs::copy_file(folder / "store-2.0.ear", folder / "release/app/store-2.0.ear");
  java::shell_in(folder, "tar -czf release.tar.gz -C release app");

  auto document = native::scan_with(folder / "release.tar.gz", "java");
  auto contains = edges(document, model::RelationshipType::contains);
  CHECK(contains.count("store@2.0 -> shop") == 1);
  CHECK(contains.count("store@2.0 -> commons-io/commons-io@2.11.0") == 1);
  CHECK(contains.count("shop -> com.fasterxml.jackson.core/jackson-core@2.14.1") == 1);
  const auto& jackson = only(document, "com.fasterxml.jackson.core/jackson-core");
  REQUIRE(jackson.evidence.size() == 1);
  CHECK(jackson.evidence[0].location ==
        "release.tar.gz!/app/store-2.0.ear!/shop.war!/WEB-INF/lib/jackson-core.jar");
  CHECK(property(only(document, "shop"), "kensa:java:archive-type") == "war");
  CHECK(property(only(document, "store"), "kensa:java:archive-type") == "ear");
}

TEST_CASE("java archives: broken and fake archives cost a warning, not the scan", "[java]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path folder = scratch_dir("java-broken");
  fs::copy_file(debian_jar(jars, "slf4j-api.jar"), folder / "slf4j-api.jar");
  // Named like a jar, but text.
  native::write_bytes(folder / "notes.jar", "this is not a zip\n");
  // A real jar cut in half.
  std::string bytes = native::read_bytes(debian_jar(jars, "commons-io.jar"));
  native::write_bytes(folder / "commons-io.jar", bytes.substr(0, bytes.size() / 2));
  auto document = native::scan_with(folder, "java");
  CHECK(native::components_named(document, "org.slf4j/slf4j-api").size() == 1);
  CHECK(native::components_named(document, "notes").empty());
  bool warned = false;
  for (const auto& warning : native::warnings(document)) {
    warned = warned || warning.starts_with("commons-io.jar");
  }
  CHECK(warned);
}

TEST_CASE("java archives: kensa scan writes the jars' purls and SHA-1 digests", "[java][cli]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path folder = scratch_dir("java-cli");
  fs::copy_file(debian_jar(jars, "slf4j-api.jar"), folder / "slf4j-api.jar");
  auto result = run_kensa({"scan", folder.string(), "-o", "purls", "-q"});
  REQUIRE(result.exit_code == 0);
  CHECK(result.out == "pkg:maven/org.slf4j/slf4j-api@1.7.32\n");
  auto json = run_kensa({"scan", folder.string(), "-o", "cyclonedx-json", "-q"});
  REQUIRE(json.exit_code == 0);
  CHECK(json.out.find(java::sha1sum(folder / "slf4j-api.jar")) != std::string::npos);
}

TEST_CASE("java archives: a jar over the buffer cap is still named and digested", "[java][cli]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path folder = scratch_dir("java-large");
  const fs::path jar = debian_jar(jars, "commons-lang3.jar");
  fs::copy_file(jar, folder / "commons-lang3.jar");
  REQUIRE(fs::file_size(jar) > 64 * 1024);
  auto json = run_kensa(
      {"scan", folder.string(), "--max-file-size", "64KiB", "-o", "cyclonedx-json", "-q"});
  REQUIRE(json.exit_code == 0);
  CHECK(json.out.find("pkg:maven/org.apache.commons/commons-lang3@") != std::string::npos);
  CHECK(json.out.find(java::sha1sum(folder / "commons-lang3.jar")) != std::string::npos);
  // Nothing was left out, so the document does not say it is incomplete.
  CHECK(json.out.find("\"incomplete\"") == std::string::npos);
}

TEST_CASE("java archives: a jar holding only another library's pom.properties is not that library",
          "[java]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path work = scratch_dir("java-foreign-pom");
  fs::path folder = work / "scan";
  fs::create_directories(folder);
  // Like Debian's guice.jar, which shades cglib: hamcrest's classes and
  // manifest, and commons-io's Maven metadata only.
  unpack_into(work, {debian_jar(jars, "hamcrest-2.2.jar")}, "tree");
  java::shell_in(work,
                 "unzip -o -q " + shell_quote(debian_jar(jars, "commons-io.jar").string()) +
                     " 'META-INF/maven/*' -d tree && cd tree && zip -q -r ../scan/hamcrest.jar .");
  auto document = native::scan_with(folder, "java");
  const auto& hamcrest = only(document, "hamcrest");
  CHECK(hamcrest.version == "2.2");
  CHECK(property(hamcrest, "kensa:java:name-source") == "manifest:Implementation-Title");
  auto contains = edges(document, model::RelationshipType::contains);
  CHECK(contains.count("hamcrest@2.2 -> commons-io/commons-io@2.11.0") == 1);
}

TEST_CASE("java archives: a link to a jar is another place of the same component", "[java]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path folder = scratch_dir("java-linked");
  fs::copy_file(debian_jar(jars, "slf4j-api.jar"), folder / "slf4j-api.jar");
  // As Debian installs them: the versioned name links to the plain one.
  fs::create_symlink("slf4j-api.jar", folder / "slf4j-api-1.7.32.jar");
  auto document = native::scan_with(folder, "java");
  REQUIRE(document.components.size() == 1);
  const auto& slf4j = document.components[0];
  CHECK(slf4j.purl == "pkg:maven/org.slf4j/slf4j-api@1.7.32");
  std::set<std::string> locations;
  for (const auto& evidence : slf4j.evidence) {
    locations.insert(evidence.location);
  }
  CHECK(locations == std::set<std::string>{"slf4j-api-1.7.32.jar", "slf4j-api.jar"});
}

TEST_CASE("java archives: META-INF license files give license evidence", "[java][license]") {
  KENSA_REQUIRE_DEBIAN_JARS(jars);
  fs::path folder = scratch_dir("java-license-files");
  fs::copy_file(debian_jar(jars, "commons-io.jar"), folder / "commons-io.jar");
  auto document = native::scan_with(folder, "java");

  // Debian's commons-io 2.11.0 holds META-INF/LICENSE.txt (the Apache
  // License 2.0) and META-INF/NOTICE.txt.
  const auto& commons_io = only(document, "commons-io/commons-io");
  REQUIRE(commons_io.license_evidence.size() == 1);
  CHECK(commons_io.license_evidence[0].expression == "Apache-2.0");
  CHECK(commons_io.license_evidence[0].location == "commons-io.jar!/META-INF/LICENSE.txt");
  CHECK(commons_io.license_evidence[0].method == model::LicenseMatchMethod::text);
  CHECK(commons_io.license_evidence[0].score > 0.93);
  CHECK(commons_io.copyrights ==
        std::vector<std::string>{"Copyright 2002-2021 The Apache Software Foundation"});
  // Evidence, not a declaration: the pom (inheriting commons-parent's)
  // names no license.
  CHECK(commons_io.licenses_declared.empty());
}
