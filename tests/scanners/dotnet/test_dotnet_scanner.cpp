// .NET: packages.lock.json as the .NET SDK wrote them
// (tests/fixtures/dotnet/README.md), and malformed ones.
#include "../../support/component_lookup.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace kensa;
using namespace kensa::testing;

namespace {

void write_dotnet_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  native::write_bytes(path, bytes);
}

const model::Component& nuget_package(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

std::string sha512_of(const model::Component& component) {
  for (const auto& hash : component.hashes) {
    if (hash.algorithm == model::HashAlgorithm::sha512) {
      return hash.hex;
    }
  }
  return {};
}

bool has_dotnet_warning(const std::vector<std::string>& warnings, std::string_view location,
                        std::string_view text) {
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

} // namespace

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
