// .NET: obj/project.assets.json as NuGet's restore wrote it
// (tests/fixtures/dotnet/README.md), and malformed ones.
#include "../../support/component_lookup.hpp"
#include "dotnet_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing;
using namespace kensa::testing::dotnet;

TEST_CASE("project.assets.json: packages, projects, direct dependencies and the graph",
          "[dotnet][assets]") {
  auto document = native::scan_with(fixture("dotnet/project-assets"), "dotnet");
  CHECK(native::warnings(document).empty());

  const auto& authorization =
      nuget_package(document, "pkg:nuget/Microsoft.AspNetCore.Authorization@7.0.0");
  CHECK(sha512_of(authorization) ==
        "d0eec2ed71e3fb5ed0d2078ca67a510b47e79c02c7d9885a6b6480cd7d343a4785d8d67ffb35a80f299b4a77a9"
        "835aa1b9eb9f522be28598951ad31eab9672c2");
  CHECK(authorization.scope == model::Scope::required);
  // 38 packages and 4 referenced projects, and the project itself.
  CHECK(document.components.size() == 38 + 4 + 1);

  const auto& server = native::only(document, "Podcast.Server");
  CHECK(server.type == model::ComponentType::application);
  CHECK(server.version == "1.0.0");
  CHECK(server.purl.empty());
  const auto& client = native::only(document, "Podcast.Client");
  CHECK(client.type == model::ComponentType::library);
  CHECK(client.purl.empty());
  CHECK(native::property(client, "kensa:dotnet:project") == "true");

  auto edges = native::edges(document, model::RelationshipType::depends_on);
  INFO(Catch::Detail::stringify(edges));
  // Direct: the PackageReferences (one with a floating version, 7.0.0-*)
  // and the ProjectReferences.
  CHECK(edges.count("Podcast.Server@1.0.0 -> Microsoft.AspNetCore.Components.WebAssembly.Server@"
                    "7.0.0") == 1);
  CHECK(edges.count("Podcast.Server@1.0.0 -> Podcast.Client@1.0.0") == 1);
  CHECK(edges.count("Podcast.Server@1.0.0 -> Podcast.Shared@1.0.0") == 1);
  CHECK(edges.count("Podcast.Server@1.0.0 -> Podcast.Pages@1.0.0") == 0);
  CHECK(edges.count("Podcast.Client@1.0.0 -> Podcast.Pages@1.0.0") == 1);
  CHECK(edges.count("Podcast.Pages@1.0.0 -> Podcast.Components@1.0.0") == 1);
  CHECK(edges.count("Microsoft.AspNetCore.Components@7.0.0 -> "
                    "Microsoft.AspNetCore.Authorization@7.0.0") == 1);
  CHECK(native::edges(document, model::RelationshipType::describes).size() == 1);
}

TEST_CASE("project.assets.json: the target's resolved version, not the one a dependency names",
          "[dotnet][assets]") {
  auto root = scratch_dir("dotnet-assets-resolved");
  write_dotnet_file(root / "App/obj/project.assets.json", R"json({"version": 3,
    "targets": {"net8.0": {
      "A/2.0.0": {"type": "package", "dependencies": {"B": "1.0.0"}},
      "B/1.5.0": {"type": "package"}},
      "net8.0/linux-x64": {"A/2.0.0": {"type": "package"}}},
    "libraries": {"A/2.0.0": {"type": "package", "sha512": ""},
                  "B/1.5.0": {"type": "package"}},
    "project": {"version": "3.1.0", "frameworks": {"net8.0": {"dependencies": {
      "A": {"target": "Package", "version": "[2.0.0, )"}}}}}})json");
  auto document = native::scan_with(root, "dotnet");
  CHECK(native::warnings(document).empty());
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges == std::set<std::string>{"App@3.1.0 -> A@2.0.0", "A@2.0.0 -> B@1.5.0"});
}

TEST_CASE("project.assets.json: malformed files give warnings naming them",
          "[dotnet][assets][malformed]") {
  auto root = scratch_dir("dotnet-assets-malformed");
  write_dotnet_file(root / "a/obj/project.assets.json", R"json({"targets": [],
    "libraries": {"NoSlash": {"type": "package"}, "X/1.0": 3,
    "Y/2.0": {"type": "package", "sha512": "abc"}}, "project": 7})json");
  write_dotnet_file(root / "b/obj/project.assets.json", "{\"libraries\": ");
  write_dotnet_file(root / "c/obj/project.assets.json", "{\"version\": 3}");
  auto document = native::scan_with(root, "dotnet");

  CHECK(nuget_package(document, "pkg:nuget/Y@2.0").hashes.empty());
  native::only(document, "a");

  auto warnings = native::warnings(document);
  INFO(Catch::Detail::stringify(warnings));
  CHECK(has_dotnet_warning(warnings, "a/obj/project.assets.json",
                           "\"NoSlash\" is not \"Name/Version\""));
  CHECK(has_dotnet_warning(warnings, "a/obj/project.assets.json", "\"X/1.0\" is not"));
  CHECK(has_dotnet_warning(warnings, "a/obj/project.assets.json", "Y 2.0: its hash is not"));
  CHECK(has_dotnet_warning(warnings, "b/obj/project.assets.json", "not valid JSON"));
  CHECK(has_dotnet_warning(warnings, "c/obj/project.assets.json", "no \"libraries\" object"));
}

TEST_CASE("project.assets.json: a framework spelled unlike its one target", "[dotnet][assets]") {
  auto root = scratch_dir("dotnet-assets-old-sdk");
  write_dotnet_file(root / "Old/obj/project.assets.json", R"json({"version": 3,
    "targets": {".NETCoreApp,Version=v3.1": {"A/1.0.0": {"type": "package"}}},
    "libraries": {"A/1.0.0": {"type": "package"}},
    "project": {"frameworks": {"netcoreapp3.1": {"dependencies": {
      "A": {"target": "Package", "version": "[1.0.0, )"}}}}}})json");
  auto document = native::scan_with(root, "dotnet");
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"Old -> A@1.0.0"});
}
