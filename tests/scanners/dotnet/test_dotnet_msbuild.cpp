// .NET: MSBuild projects with central package management
// (tests/fixtures/dotnet/README.md), and malformed or hostile ones.
#include "../../support/component_lookup.hpp"
#include "dotnet_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing;
using namespace kensa::testing::dotnet;

TEST_CASE("MSBuild projects: central package management through imported props files",
          "[dotnet][msbuild]") {
  auto document = native::scan_with(fixture("dotnet/central-packages"), "dotnet");
  CHECK(native::warnings(document).empty());

  const auto& api = native::only(document, "Microsoft.Sbom.Api");
  CHECK(api.type == model::ComponentType::application);
  CHECK(api.purl.empty());
  const auto& tests = native::only(document, "Microsoft.Sbom.Targets.Tests");
  CHECK(tests.type == model::ComponentType::application);

  // A version from the root Directory.Packages.props, through a property
  // it defines.
  CHECK(nuget_package(document, "pkg:nuget/Microsoft.ComponentDetection.Common@7.1.1").scope ==
        model::Scope::required);
  nuget_package(document, "pkg:nuget/Serilog@4.3.1");
  // The test folder's Directory.Packages.props, which imports the root's.
  nuget_package(document, "pkg:nuget/Moq@4.20.72");
  nuget_package(document, "pkg:nuget/Microsoft.Build.Framework@17.11.48");
  // References of the Directory.Build.props chain, PrivateAssets="all".
  CHECK(nuget_package(document, "pkg:nuget/MinVer@6.0.0").scope == model::Scope::excluded);
  CHECK(nuget_package(document, "pkg:nuget/StyleCop.Analyzers@1.2.0-beta.556").scope ==
        model::Scope::excluded);

  auto edges = native::edges(document, model::RelationshipType::depends_on);
  INFO(Catch::Detail::stringify(edges));
  CHECK(edges.count("Microsoft.Sbom.Api -> Microsoft.ComponentDetection.Orchestrator@7.1.1") == 1);
  CHECK(edges.count("Microsoft.Sbom.Api -> System.Net.Http@4.3.4") == 1);
  CHECK(edges.count("Microsoft.Sbom.Api -> MinVer@6.0.0") == 1);
  CHECK(edges.count("Microsoft.Sbom.Api -> Microsoft.Sbom.Common") == 1);
  CHECK(edges.count("Microsoft.Sbom.Api -> Moq@4.20.72") == 0);
  CHECK(edges.count("Microsoft.Sbom.Targets.Tests -> Moq@4.20.72") == 1);
  CHECK(edges.count("Microsoft.Sbom.Targets.Tests -> MSTest@3.7.3") == 1);
  CHECK(edges.count("Microsoft.Sbom.Targets.Tests -> MinVer@6.0.0") == 1);
  CHECK(edges.count("Microsoft.Sbom.Targets.Tests -> Microsoft.Sbom.Tool") == 1);
  CHECK(native::edges(document, model::RelationshipType::describes).size() == 2);
}

TEST_CASE("MSBuild projects: versions as written, overrides, ranges never made exact",
          "[dotnet][msbuild]") {
  auto root = scratch_dir("dotnet-msbuild-versions");
  write_dotnet_file(root / "Directory.Packages.props", R"xml(<Project>
  <PropertyGroup><JsonVersion>13.0.3</JsonVersion></PropertyGroup>
  <ItemGroup>
    <PackageVersion Include="Newtonsoft.Json" Version="$(JsonVersion)" />
    <PackageVersion Include="Serilog" Version="2.10.0" />
    <PackageVersion Include="Polly" Version="[7.0,8.0)" />
    <GlobalPackageReference Include="Nerdbank.GitVersioning" Version="3.6.133" />
  </ItemGroup>
</Project>)xml");
  write_dotnet_file(root / "src/App/App.csproj", R"xml(<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><Version>2.1.0</Version></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Newtonsoft.Json" />
    <PackageReference Include="Serilog" VersionOverride="3.1.1" />
    <PackageReference Include="Polly" />
    <PackageReference Include="Dapper"><Version>[2.1.24]</Version></PackageReference>
    <PackageReference Include="AutoMapper" Version="13.*" />
    <PackageReference Include="Humanizer" Version="$(Undefined)" />
    <PackageReference Include="Unknown" />
    <PackageReference Update="Serilog" Version="9.9.9" />
  </ItemGroup>
</Project>)xml");
  write_dotnet_file(root / "lib/Lib.fsproj", R"xml(<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup><PackageReference Include="FSharp.Core" Version="8.0.100" /></ItemGroup>
</Project>)xml");
  auto document = native::scan_with(root, "dotnet");

  CHECK(native::only(document, "App").version == "2.1.0");
  nuget_package(document, "pkg:nuget/Newtonsoft.Json@13.0.3");
  nuget_package(document, "pkg:nuget/Serilog@3.1.1");
  CHECK(native::components_named(document, "Serilog").size() == 1);
  nuget_package(document, "pkg:nuget/Dapper@2.1.24");
  nuget_package(document, "pkg:nuget/FSharp.Core@8.0.100");
  CHECK(nuget_package(document, "pkg:nuget/Nerdbank.GitVersioning@3.6.133").scope ==
        model::Scope::excluded);
  // Ranges, floating and unresolved versions: no version, no purl, the
  // text as written.
  const auto& polly = native::only(document, "Polly");
  CHECK(polly.version.empty());
  CHECK(polly.purl.empty());
  CHECK(native::property(polly, "kensa:dotnet:requested-version") == "[7.0,8.0)");
  CHECK(native::property(native::only(document, "AutoMapper"), "kensa:dotnet:requested-version") ==
        "13.*");
  CHECK(native::property(native::only(document, "Humanizer"), "kensa:dotnet:requested-version") ==
        "$(Undefined)");
  CHECK(native::only(document, "Unknown").purl.empty());

  auto warnings = native::warnings(document);
  INFO(Catch::Detail::stringify(warnings));
  CHECK(warnings.size() == 1);
  CHECK(has_dotnet_warning(warnings, "src/App/App.csproj",
                           "4 package reference(s) name no exact version"));
  CHECK(has_dotnet_warning(warnings, "src/App/App.csproj", "Unknown (no version)"));
  auto edges = native::edges(document, model::RelationshipType::depends_on);
  INFO(Catch::Detail::stringify(edges));
  CHECK(edges.count("App@2.1.0 -> Polly") == 1);
  CHECK(edges.count("Lib -> FSharp.Core@8.0.100") == 1);
  // The central file is above lib/ too: its global reference is Lib's.
  CHECK(edges.count("Lib -> Nerdbank.GitVersioning@3.6.133") == 1);
}

TEST_CASE("MSBuild projects: malformed and hostile files give warnings naming them",
          "[dotnet][msbuild][malformed]") {
  auto root = scratch_dir("dotnet-msbuild-malformed");
  write_dotnet_file(root / "a/A.csproj", "<Project><ItemGroup><PackageReference Include=");
  write_dotnet_file(root / "b/B.csproj", "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x "
                                         "\"xx\"><!ENTITY y \"&x;&x;\">]><Project>&y;</Project>");
  write_dotnet_file(root / "c/C.vbproj", "<Package><PackageReference Include=\"X\" /></Package>");
  std::string many = "<Project><ItemGroup>";
  for (int i = 0; i < 200'001; ++i) {
    many += "<a/>";
  }
  write_dotnet_file(root / "d/D.csproj", many + "</ItemGroup></Project>");
  write_dotnet_file(root / "e/Directory.Packages.props", "not xml");
  write_dotnet_file(root / "e/E.csproj",
                    "<Project><ItemGroup><PackageReference Include=\"Good\" Version=\"1.0.0\" />"
                    "</ItemGroup></Project>");
  auto document = native::scan_with(root, "dotnet");

  nuget_package(document, "pkg:nuget/Good@1.0.0");
  auto warnings = native::warnings(document);
  INFO(Catch::Detail::stringify(warnings));
  CHECK(has_dotnet_warning(warnings, "a/A.csproj", "not a readable MSBuild file"));
  CHECK(has_dotnet_warning(warnings, "b/B.csproj", "declares XML entities"));
  CHECK(has_dotnet_warning(warnings, "c/C.vbproj", "the root element is not <Project>"));
  CHECK(has_dotnet_warning(warnings, "d/D.csproj", "more than 200000 elements"));
  CHECK(has_dotnet_warning(warnings, "e/Directory.Packages.props", "not a readable MSBuild"));
}
