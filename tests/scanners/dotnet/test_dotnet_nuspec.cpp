// .NET: .nuspec files of NuGet's global packages folder and of .nupkg
// files (tests/fixtures/dotnet/README.md), and malformed ones.
#include "../../support/component_lookup.hpp"
#include "dotnet_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing;
using namespace kensa::testing::dotnet;

TEST_CASE("nuspec: NuGet's global packages folder, with the .nupkg's hash", "[dotnet][nuspec]") {
  auto document = native::scan_with(fixture("dotnet/nuget-cache"), "dotnet");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 2);

  const auto& json = nuget_package(document, "pkg:nuget/Newtonsoft.Json@13.0.1");
  CHECK(json.supplier.name == "James Newton-King");
  REQUIRE(json.licenses_declared.size() == 1);
  CHECK(json.licenses_declared[0].expression == "MIT");
  CHECK(json.description == "Json.NET is a popular high-performance JSON framework for .NET");
  CHECK(sha512_of(json) ==
        "83731b662eaf05379a23f8446ef47bbc111349dd4358b7bd8b51383fe9cf637e2fe62f78cea52a0d7bdd582d"
        "c6fbbb5837d4a7b1d53dcf37a0ae7473e21ee7b1");
  CHECK(std::count(json.external_references.begin(), json.external_references.end(),
                   model::ExternalReference{"vcs", "https://github.com/JamesNK/Newtonsoft.Json"}) ==
        1);
  CHECK(std::count(json.external_references.begin(), json.external_references.end(),
                   model::ExternalReference{"website", "https://www.newtonsoft.com/json"}) == 1);
  CHECK(native::property(json, "kensa:dotnet:repository-commit") ==
        "ae9fe44e1323e91bcbd185ca1a14099fba7c021f");
  CHECK(json.evidence.at(0).location == "packages/newtonsoft.json/13.0.1/newtonsoft.json.nuspec");

  const auto& unsafe =
      nuget_package(document, "pkg:nuget/System.Runtime.CompilerServices.Unsafe@6.0.0");
  CHECK(unsafe.supplier.name == "Microsoft");
  CHECK(sha512_of(unsafe).size() == 128);
}

TEST_CASE("nuspec: the manifest inside a .nupkg, and a loose one with licenseUrl",
          "[dotnet][nuspec]") {
  auto document = native::scan_with(fixture("dotnet/nupkg"), "dotnet");
  CHECK(native::warnings(document).empty());

  const auto& infrastructure =
      nuget_package(document, "pkg:nuget/Microsoft.Web.Infrastructure@1.0.0.0");
  CHECK(infrastructure.evidence.at(0).location ==
        "Microsoft.Web.Infrastructure.1.0.0.0.nupkg!/Microsoft.Web.Infrastructure.nuspec");
  REQUIRE(infrastructure.licenses_declared.size() == 1);
  CHECK(infrastructure.licenses_declared[0].url == "http://go.microsoft.com/fwlink/?LinkID=214339");
  CHECK(infrastructure.supplier.name == "Microsoft");

  const auto& xunit = nuget_package(document, "pkg:nuget/xunit@2.2.0");
  CHECK(xunit.supplier.name == "James Newkirk,Brad Wilson");
  // Its dependencies (xunit.core, xunit.assert) are not among the files.
  CHECK(native::edges(document, model::RelationshipType::depends_on).empty());
}

TEST_CASE("nuspec: dependencies of every group link the packages read", "[dotnet][nuspec]") {
  auto root = scratch_dir("dotnet-nuspec-graph");
  auto nuspec = [](std::string_view id, std::string_view version, std::string_view dependencies) {
    return "<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/"
           "05/nuspec.xsd\"><metadata><id>" +
           std::string(id) + "</id><version>" + std::string(version) +
           "</version><authors>A</authors><dependencies>" + std::string(dependencies) +
           "</dependencies></metadata></package>";
  };
  write_dotnet_file(root / "a/1.0.0/a.nuspec",
                    nuspec("A", "1.0.0",
                           "<group targetFramework=\"net6.0\"><dependency id=\"B\" "
                           "version=\"[2.0.0, 3.0.0)\" /></group><group targetFramework=\"net48\">"
                           "<dependency id=\"C\" version=\"1.0\" /></group>"));
  write_dotnet_file(root / "b/2.0.0/b.nuspec", nuspec("B", "2.0.0", ""));
  write_dotnet_file(root / "b/3.0.0/b.nuspec", nuspec("B", "3.0.0", ""));
  write_dotnet_file(root / "c/1.5.0/c.nuspec",
                    nuspec("C", "1.5.0", "<dependency id=\"Missing\" version=\"1.0\" />"));
  auto document = native::scan_with(root, "dotnet");
  CHECK(native::warnings(document).empty());
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges == std::set<std::string>{"A@1.0.0 -> B@2.0.0", "A@1.0.0 -> C@1.5.0"});
}

TEST_CASE("nuspec: templates and malformed files give warnings naming them",
          "[dotnet][nuspec][malformed]") {
  auto root = scratch_dir("dotnet-nuspec-malformed");
  write_dotnet_file(root / "src/Lib.nuspec",
                    "<package><metadata><id>$id$</id><version>$version$</version>"
                    "</metadata></package>");
  write_dotnet_file(root / "b/b.nuspec", "<package><metadata><id>B</id></metadata></package>");
  write_dotnet_file(root / "c/c.nuspec", "<package><metadata>");
  write_dotnet_file(root / "d/d.nuspec", "<Project/>");
  write_dotnet_file(root / "e/e.nuspec",
                    "<package><metadata><id>E</id><version>1.0.0</version></metadata></package>");
  write_dotnet_file(root / "e/e.1.0.0.nupkg.sha512", "not base64!");
  auto document = native::scan_with(root, "dotnet");

  CHECK(nuget_package(document, "pkg:nuget/E@1.0.0").hashes.empty());
  auto warnings = native::warnings(document);
  INFO(Catch::Detail::stringify(warnings));
  CHECK(has_dotnet_warning(warnings, "src/Lib.nuspec", "a .nuspec template"));
  CHECK(has_dotnet_warning(warnings, "b/b.nuspec", "no <id> or no <version>"));
  CHECK(has_dotnet_warning(warnings, "c/c.nuspec", "not a readable .nuspec"));
  CHECK(has_dotnet_warning(warnings, "d/d.nuspec", "no <package><metadata>"));
  CHECK(has_dotnet_warning(warnings, "e/e.nuspec", "its hash is not the base64"));
}
