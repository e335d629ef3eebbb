// .NET: packages.lock.json and *.deps.json as the .NET SDK wrote them
// (tests/fixtures/dotnet/README.md), and malformed ones.
#include "../../support/component_lookup.hpp"
#include "dotnet_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing;
using namespace kensa::testing::dotnet;

TEST_CASE("packages.lock.json: frameworks, hashes, direct entries and the graph",
          "[dotnet][lock]") {
  auto document = native::scan_with(fixture("dotnet/packages-lock"), "dotnet");
  CHECK(native::warnings(document).empty());

  const auto& automapper = nuget_package(document, "pkg:nuget/AutoMapper@13.0.1");
  CHECK(automapper.name == "AutoMapper");
  CHECK(automapper.version == "13.0.1");
  CHECK(automapper.scope == model::Scope::required);
  CHECK(sha512_of(automapper) ==
        "fc5c7549b275eaa4bb754e22eb4e1295ef94f552d7f9648d54982093a32ea4a56462fbc19b85ea61a785b9febb"
        "7621de7c7287b39d2e4084b66040c584f09a91");
  // Locked for both frameworks: one component. log4net differs by
  // framework: one component per version.
  CHECK(native::components_named(document, "bootstrap").size() == 1);
  nuget_package(document, "pkg:nuget/log4net@2.0.5");
  nuget_package(document, "pkg:nuget/log4net@1.2.15");
  nuget_package(document, "pkg:nuget/System.Runtime.CompilerServices.Unsafe@9.0.0");

  // The project (its folder) depends on the Direct entries only.
  const auto& project = native::only(document, "packages-lock");
  CHECK(project.type == model::ComponentType::application);
  CHECK(project.purl.empty());
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  INFO(Catch::Detail::stringify(edges));
  CHECK(edges.count("packages-lock -> AutoMapper@13.0.1") == 1);
  CHECK(edges.count("packages-lock -> log4net@1.2.15") == 1);
  CHECK(edges.count("packages-lock -> Microsoft.Extensions.Options@9.0.0") == 0);
  CHECK(edges.count("AutoMapper@13.0.1 -> Microsoft.Extensions.Options@9.0.0") == 1);
  CHECK(edges.count("Microsoft.Extensions.Primitives@9.0.0 -> "
                    "System.Runtime.CompilerServices.Unsafe@9.0.0") == 1);
  CHECK(native::edges(document, model::RelationshipType::describes).size() == 1);
}

TEST_CASE("deps.json: packages with hashes, projects and the runtime target's graph",
          "[dotnet][deps]") {
  auto document = native::scan_with(fixture("dotnet/deps-json"), "dotnet");
  CHECK(native::warnings(document).empty());

  const auto& serilog = nuget_package(document, "pkg:nuget/Serilog@2.10.0");
  CHECK(serilog.evidence.size() == 1);
  CHECK(sha512_of(serilog).size() == 128);
  nuget_package(document, "pkg:nuget/AWSSDK.Core@3.7.10.6");

  // The application the file is named after, and the project it
  // references: no purl.
  const auto& application = native::only(document, "TestLibrary");
  CHECK(application.type == model::ComponentType::application);
  CHECK(application.purl.empty());
  const auto& common = native::only(document, "TestCommon");
  CHECK(common.type == model::ComponentType::library);
  CHECK(common.purl.empty());
  CHECK(native::property(common, "kensa:dotnet:project") == "true");

  auto edges = native::edges(document, model::RelationshipType::depends_on);
  INFO(Catch::Detail::stringify(edges));
  CHECK(edges.count("TestLibrary@1.0.0 -> Serilog.Sinks.Console@4.0.1") == 1);
  CHECK(edges.count("Serilog.Sinks.Console@4.0.1 -> Serilog@2.10.0") == 1);
  CHECK(edges.count("TestLibrary@1.0.0 -> TestCommon@1.0.0") == 1);
  CHECK(edges.count("TestCommon@1.0.0 -> AWSSDK.Core@3.7.10.6") == 1);
  CHECK(native::edges(document, model::RelationshipType::describes).size() == 1);
}

TEST_CASE("deps.json: reference assemblies are not packages", "[dotnet][deps]") {
  auto document = native::scan_with(fixture("dotnet/deps-reference-assembly"), "dotnet");
  CHECK(native::warnings(document).empty());
  const auto& json = nuget_package(document, "pkg:nuget/Newtonsoft.Json@13.0.3");
  CHECK(sha512_of(json) ==
        "1eb0b9057765d3420ff73795fb467ce3c4163c0a02afd3f76c311982e23e8242dc04a00ec62c7fb4b1000070"
        "be52f0cd3efe1ad9dd7c94e45e1cc39a80f6becd");
  CHECK(native::components_named(document, "Microsoft.AspNetCore.DataProtection").empty());
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  CHECK(edges == std::set<std::string>{"MyApp@1.0.0 -> Newtonsoft.Json@13.0.3"});
}

TEST_CASE("dotnet: a package in a lockfile and a deps.json is one component", "[dotnet]") {
  auto root = scratch_dir("dotnet-merge");
  std::filesystem::create_directories(root / "bin");
  std::filesystem::copy_file(fixture("dotnet/deps-reference-assembly/MyApp.deps.json"),
                             root / "bin/MyApp.deps.json",
                             std::filesystem::copy_options::overwrite_existing);
  write_dotnet_file(root / "src/App/packages.lock.json", R"json({"version": 1, "dependencies": {
    "net8.0": {"Newtonsoft.Json": {"type": "Direct", "requested": "[13.0.3, )",
      "resolved": "13.0.3", "contentHash":
      "HrC5BXdl00IP9zeV+0Z848QWPAoCr9P3bDEZguI+gkLcBKAOxix/tLEAAHC+UvDNPv4a2d18lOReHMOagPa+zQ=="}}}})json");
  auto document = native::scan_with(root, "dotnet");
  CHECK(native::warnings(document).empty());
  const auto& json = nuget_package(document, "pkg:nuget/Newtonsoft.Json@13.0.3");
  CHECK(json.evidence.size() == 2);
  CHECK(json.hashes.size() == 1);
}

TEST_CASE("packages.lock.json: malformed files give warnings naming them",
          "[dotnet][lock][malformed]") {
  auto root = scratch_dir("dotnet-lock-malformed");
  write_dotnet_file(root / "a/packages.lock.json", R"json({"version": 1, "dependencies": {
    "net8.0": {"Good": {"type": "Direct", "resolved": "1.0.0", "contentHash": "not base64!",
                        "dependencies": {"Good": "1.0.0", "Missing": "2.0.0"}},
               "NoVersion": {"type": "Transitive"}, "Scalar": 7,
               "Lib": {"type": "Project"}},
    "net6.0": []}})json");
  write_dotnet_file(root / "b/packages.lock.json", "{\"version\": 1, \"dependencies\": {");
  write_dotnet_file(root / "c/packages.lock.json", "[1, 2]");
  write_dotnet_file(root / "d/packages.lock.json", "{\"version\": 1}");
  auto document = native::scan_with(root, "dotnet");

  const auto& good = nuget_package(document, "pkg:nuget/Good@1.0.0");
  CHECK(good.hashes.empty());
  CHECK(native::property(native::only(document, "Lib"), "kensa:dotnet:project") == "true");

  auto warnings = native::warnings(document);
  INFO(Catch::Detail::stringify(warnings));
  CHECK(has_dotnet_warning(warnings, "a/packages.lock.json", "Good 1.0.0: its hash is not"));
  CHECK(has_dotnet_warning(warnings, "a/packages.lock.json", "NoVersion has no resolved version"));
  CHECK(has_dotnet_warning(warnings, "a/packages.lock.json", "Scalar is a number"));
  CHECK(has_dotnet_warning(warnings, "a/packages.lock.json", "\"net6.0\" is an array"));
  CHECK(has_dotnet_warning(warnings, "b/packages.lock.json", "not valid JSON"));
  CHECK(has_dotnet_warning(warnings, "c/packages.lock.json", "not a JSON object"));
  CHECK(has_dotnet_warning(warnings, "d/packages.lock.json", "no \"dependencies\" object"));
}

TEST_CASE("deps.json: malformed files give warnings naming them", "[dotnet][deps][malformed]") {
  auto root = scratch_dir("dotnet-deps-malformed");
  write_dotnet_file(root / "e/App.deps.json", R"json({"runtimeTarget": {"name": "missing"},
    "targets": {}, "libraries": {"NoSlash": {"type": "package"}, "X/1.0": 3,
    "Y/2.0": {"type": "package", "sha512": "md5-abc"}}})json");
  write_dotnet_file(root / "f/App.deps.json", "{\"targets\": {}}");
  auto document = native::scan_with(root, "dotnet");

  CHECK(nuget_package(document, "pkg:nuget/Y@2.0").hashes.empty());

  auto warnings = native::warnings(document);
  INFO(Catch::Detail::stringify(warnings));
  CHECK(has_dotnet_warning(warnings, "e/App.deps.json", "\"NoSlash\" is not \"Name/Version\""));
  CHECK(has_dotnet_warning(warnings, "e/App.deps.json", "\"X/1.0\" is not"));
  CHECK(has_dotnet_warning(warnings, "e/App.deps.json", "sha512 is not \"sha512-<base64>\""));
  CHECK(has_dotnet_warning(warnings, "e/App.deps.json", "runtime target \"missing\""));
  CHECK(has_dotnet_warning(warnings, "f/App.deps.json", "no \"libraries\" object"));
}
