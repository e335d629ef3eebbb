// read_gradle_lockfile on real lockfiles: a gradle.lockfile and the older
// per-configuration files under gradle/dependency-locks/.
#include "../../../src/scanners/java/gradle_lockfile.hpp"
#include "test_pom_support.hpp"

#include <kensa/scanner/file_report.hpp>

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing::java_build;

namespace {

ReadResult read_lockfiles(std::vector<source::SourceFile> files) {
  return run([&](scanner::ScanContext& context) {
    for (const auto& one : files) {
      scanner::FileReport report(context, one);
      scanner::java::read_gradle_lockfile(report, one);
    }
  });
}

std::set<std::string> values_of(const model::Component& component, std::string_view name) {
  std::set<std::string> values;
  for (const auto& property : component.properties) {
    if (property.name == name) {
      values.insert(property.value);
    }
  }
  return values;
}

} // namespace

TEST_CASE("gradle.lockfile: modules, configurations and scopes", "[java][gradle]") {
  auto result = read_lockfiles({fixture_file("gradle/lockfile", "gradle.lockfile")});
  CHECK(result.warnings().empty());
  // 11 module lines; comments and the "empty=" line are not modules.
  CHECK(result.document.components.size() == 11);

  const auto& core = result.component("pkg:maven/org.burningwave/core@12.66.2");
  CHECK(core.scope == model::Scope::required);
  CHECK_FALSE(core.development);
  CHECK(property(core, "kensa:gradle:configurations") ==
        "compileClasspath,runtimeClasspath,testCompileClasspath,testRuntimeClasspath");
  CHECK(property(core, "kensa:java:version-source") == "gradle.lockfile");
  REQUIRE(core.evidence.size() == 1);
  CHECK(core.evidence[0].location == "gradle.lockfile");

  const auto& io = result.component("pkg:maven/commons-io/commons-io@2.14.0");
  CHECK(io.scope == model::Scope::excluded);
  CHECK(io.development);
  CHECK(property(io, "kensa:gradle:configurations") == "testCompileClasspath,testRuntimeClasspath");

  const auto& engine = result.component("pkg:maven/org.junit.platform/junit-platform-engine@1.9.2");
  CHECK(engine.development);
  CHECK(property(engine, "kensa:gradle:configurations") == "testRuntimeClasspath");
  CHECK(result.document.relationships.empty());
}

TEST_CASE("gradle lockfiles per configuration (Gradle 6 and older)", "[java][gradle]") {
  auto result = read_lockfiles(
      {fixture_file("gradle/dependency-locks", "gradle/dependency-locks/compileClasspath.lockfile"),
       fixture_file("gradle/dependency-locks",
                    "gradle/dependency-locks/testCompileClasspath.lockfile")});
  CHECK(result.warnings().empty());
  // 17 in compileClasspath, 22 in testCompileClasspath, 17 of them shared.
  CHECK(result.document.components.size() == 22);

  // Compile-only: not needed at run time, not development-only either.
  const auto& spark = result.component("pkg:maven/com.sparkjava/spark-core@2.7.2");
  CHECK(spark.scope == model::Scope::excluded);
  CHECK_FALSE(spark.development);
  CHECK(values_of(spark, "kensa:gradle:configurations") ==
        std::set<std::string>{"compileClasspath", "testCompileClasspath"});

  const auto& jupiter = result.component("pkg:maven/org.junit.jupiter/junit-jupiter-api@5.13.2");
  CHECK(jupiter.development);
  CHECK(jupiter.scope == model::Scope::excluded);
  CHECK(values_of(jupiter, "kensa:gradle:configurations") ==
        std::set<std::string>{"testCompileClasspath"});
}

TEST_CASE("gradle.lockfile: malformed lines are one warning, the others are read",
          "[java][gradle][malformed]") {
  auto result = read_lockfiles(
      {file("gradle.lockfile", "# comment\n"
                               "a:b:1=runtimeClasspath\n"
                               "no-equals-sign:x:1\n"
                               "two:parts=compileClasspath\n"
                               "c:d:2=annotationProcessor\n"
                               "::=x\n"
                               "\n"
                               "empty=\n"),
       file("gradle/dependency-locks/runtimeClasspath.lockfile", "e:f:3\ne:f:3=x\ng:h\n"),
       file("sub/gradle.lockfile", std::string("\0\xff\n", 3))});
  CHECK(result.mentions("gradle.lockfile",
                        "line 3: not \"group:artifact:version=configurations\" (and 2 more"));
  CHECK(result.mentions("gradle/dependency-locks/runtimeClasspath.lockfile",
                        "line 2: not \"group:artifact:version\" (and 1 more"));
  CHECK(result.mentions("sub/gradle.lockfile", "line 1"));
  CHECK(result.component("pkg:maven/a/b@1").scope == model::Scope::required);
  // Annotation processors do not run with the application.
  const auto& processor = result.component("pkg:maven/c/d@2");
  CHECK(processor.scope == model::Scope::excluded);
  CHECK_FALSE(processor.development);
  CHECK(result.component("pkg:maven/e/f@3").scope == model::Scope::required);
  CHECK(result.warnings().size() == 3);
}

TEST_CASE("gradle.lockfile: huge inputs stay bounded", "[heavy][java][gradle][hostile]") {
  std::string many;
  for (int i = 0; i < 250'000; ++i) {
    many += "g:a:" + std::to_string(i) + "=runtimeClasspath\n";
  }
  std::string long_line = "g:a:1=" + std::string(100'000, 'c') + "\n";
  auto result =
      read_lockfiles({file("many/gradle.lockfile", many), file("long/gradle.lockfile", long_line)});
  CHECK(result.mentions("many/gradle.lockfile", "more than 200000 lines"));
  CHECK(result.document.components.size() == 200'000);
  CHECK(result.mentions("long/gradle.lockfile", "line 1"));
}
