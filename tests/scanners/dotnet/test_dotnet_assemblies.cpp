// .NET: assemblies (PE version resources and CLI headers) on their own and
// in a built application with its deps.json
// (tests/fixtures/dotnet/README.md), and damaged ones.
#include "../../support/component_lookup.hpp"
#include "dotnet_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kensa;
using namespace kensa::testing;
using namespace kensa::testing::dotnet;

namespace {

constexpr std::string_view k_unsafe_sha256 =
    "2b4eb652a3748bffc734c39e6c352b17472f4a115ae683258429877540fe71c5";

void copy_assembly(std::string_view name, const std::filesystem::path& to) {
  std::filesystem::create_directories(to.parent_path());
  std::filesystem::copy_file(fixture("dotnet/assemblies") / std::string(name), to,
                             std::filesystem::copy_options::overwrite_existing);
}

} // namespace

TEST_CASE("assemblies: version resources of managed assemblies no deps.json lists",
          "[dotnet][assembly]") {
  auto document = native::scan_with(fixture("dotnet/assemblies"), "dotnet");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 2);

  const auto& unsafe = native::only(document, "System.Runtime.CompilerServices.Unsafe");
  CHECK(unsafe.type == model::ComponentType::library);
  // ProductVersion without its +<commit>.
  CHECK(unsafe.version == "6.0.0");
  // Nothing in the file says which package brought it: no purl.
  CHECK(unsafe.purl.empty());
  CHECK(unsafe.supplier.name == "Microsoft Corporation");
  CHECK(hash_of(unsafe, model::HashAlgorithm::sha256) == k_unsafe_sha256);
  CHECK(native::property(unsafe, "kensa:dotnet:managed") == "true");
  CHECK(native::property(unsafe, "kensa:dotnet:file-version") == "6.0.21.52210");
  CHECK(native::property(unsafe, "kensa:dotnet:product-version") ==
        "6.0.0+4822e3c3aa77eb82b2fb33c9321f923cf11ddde6");
  CHECK(native::property(unsafe, "kensa:dotnet:product-name") == "Microsoft\u00ae .NET");
  CHECK(unsafe.evidence.at(0).location == "System.Runtime.CompilerServices.Unsafe.dll");

  const auto& buffers = native::only(document, "System.Buffers");
  CHECK(buffers.version == "7.0.9");
  CHECK(native::property(buffers, "kensa:dotnet:original-filename") == "System.Buffers.dll");
}

TEST_CASE("assemblies: a built application's assembly is its deps.json library",
          "[dotnet][assembly][deps]") {
  auto root = scratch_dir("dotnet-assembly-deps");
  copy_assembly("System.Runtime.CompilerServices.Unsafe.dll",
                root / "app/System.Runtime.CompilerServices.Unsafe.dll");
  copy_assembly("System.Buffers.dll", root / "app/runtimes/unix/lib/net7.0/System.Buffers.dll");
  // The same file outside the application: not its library.
  copy_assembly("System.Runtime.CompilerServices.Unsafe.dll",
                root / "other/System.Runtime.CompilerServices.Unsafe.dll");
  write_dotnet_file(root / "app/App.deps.json", R"json({
    "runtimeTarget": {"name": ".NETCoreApp,Version=v7.0"},
    "targets": {".NETCoreApp,Version=v7.0": {
      "App/1.0.0": {"dependencies": {"System.Runtime.CompilerServices.Unsafe": "6.0.0"},
                    "runtime": {"App.dll": {}}},
      "System.Runtime.CompilerServices.Unsafe/6.0.0": {
        "runtime": {"lib/net6.0/System.Runtime.CompilerServices.Unsafe.dll": {}}},
      "System.Buffers/4.5.1": {
        "runtimeTargets": {"runtimes/unix/lib/net7.0/System.Buffers.dll": {"rid": "unix"}}}}},
    "libraries": {
      "App/1.0.0": {"type": "project", "serviceable": false, "sha512": ""},
      "System.Runtime.CompilerServices.Unsafe/6.0.0": {"type": "package", "sha512":
        "sha512-1AVzAb5OxJNvJLnOADtexNmWgattm2XVOT3TjQTN7Dd4SqoSwai1CsN2fth42uQldJSQdz/sAec0+TzxBFgisw=="},
      "System.Buffers/4.5.1": {"type": "package"}}})json");
  auto document = native::scan_with(root, "dotnet");
  CHECK(native::warnings(document).empty());

  // One component: the package, with the assembly's location and hash.
  const auto& unsafe =
      nuget_package(document, "pkg:nuget/System.Runtime.CompilerServices.Unsafe@6.0.0");
  std::vector<std::string> locations;
  for (const auto& evidence : unsafe.evidence) {
    locations.push_back(evidence.location);
  }
  CHECK(locations == std::vector<std::string>{"app/App.deps.json",
                                              "app/System.Runtime.CompilerServices.Unsafe.dll"});
  CHECK(hash_of(unsafe, model::HashAlgorithm::sha256) == k_unsafe_sha256);
  CHECK(sha512_of(unsafe).size() == 128);
  CHECK(native::property(unsafe, "kensa:dotnet:file-version") == "6.0.21.52210");
  // A runtime-specific asset, at its path below the deps.json.
  const auto& buffers = nuget_package(document, "pkg:nuget/System.Buffers@4.5.1");
  CHECK(buffers.evidence.size() == 2);
  CHECK(native::components_named(document, "System.Buffers").size() == 1);

  // The copy outside the application is an assembly of its own.
  auto named = native::components_named(document, "System.Runtime.CompilerServices.Unsafe");
  REQUIRE(named.size() == 2);
  const auto* standalone = named[0]->purl.empty() ? named[0] : named[1];
  CHECK(standalone->purl.empty());
  CHECK(standalone->evidence.at(0).location == "other/System.Runtime.CompilerServices.Unsafe.dll");
}

TEST_CASE("assemblies: damaged version resources give warnings naming the file",
          "[dotnet][assembly][malformed]") {
  auto root = scratch_dir("dotnet-assembly-damaged");
  std::string bytes = native::read_bytes(fixture("dotnet/assemblies/System.Buffers.dll"));
  // Every resource offset past the end of the file, then the resource
  // data directory pointing into the headers.
  std::string far = bytes;
  std::string_view root_key = std::string_view("V\0S\0_\0V\0E\0R\0S\0I\0O\0N", 20);
  std::size_t info = far.find(root_key);
  REQUIRE(info != std::string::npos);
  far[info] = 'X';
  write_dotnet_file(root / "a/NotVersionInfo.dll", far);
  // Cut in the middle of the resource section.
  write_dotnet_file(root / "b/Truncated.dll", bytes.substr(0, info));
  // An MZ file that is no PE file: nothing to say.
  write_dotnet_file(root / "c/Dos.exe", std::string("MZ") + std::string(200, '\0'));
  auto document = native::scan_with(root, "dotnet");

  auto warnings = native::warnings(document);
  INFO(Catch::Detail::stringify(warnings));
  CHECK(has_dotnet_warning(warnings, "a/NotVersionInfo.dll", "not a VS_VERSIONINFO"));
  CHECK(has_dotnet_warning(warnings, "b/Truncated.dll", "PE "));
  CHECK(!has_dotnet_warning(warnings, "c/Dos.exe", ""));
  CHECK(native::components_named(document, "Dos").empty());
}

TEST_CASE("assemblies: a hostile resource directory is refused, not walked",
          "[dotnet][assembly][malformed]") {
  auto root = scratch_dir("dotnet-assembly-hostile");
  std::string bytes =
      native::read_bytes(fixture("dotnet/assemblies/System.Runtime.CompilerServices.Unsafe.dll"));
  // The .rsrc section header: its raw data starts with the root resource
  // directory.
  std::size_t header = bytes.find(std::string(".rsrc\0\0\0", 8));
  REQUIRE(header != std::string::npos);
  std::size_t directory = 0;
  for (int i = 3; i >= 0; --i) {
    directory = directory << 8 | static_cast<unsigned char>(bytes[header + 20 + i]);
  }
  REQUIRE(directory + 24 <= bytes.size());
  // 65,535 entries claimed.
  std::string many = bytes;
  many[directory + 14] = '\xff';
  many[directory + 15] = '\xff';
  write_dotnet_file(root / "many/Many.dll", many);
  // The version entry pointing back at the root directory: a loop.
  std::string loop = bytes;
  loop.replace(directory + 20, 4, std::string("\0\0\0\x80", 4));
  write_dotnet_file(root / "loop/Loop.dll", loop);
  auto document = native::scan_with(root, "dotnet");

  auto warnings = native::warnings(document);
  INFO(Catch::Detail::stringify(warnings));
  CHECK(has_dotnet_warning(warnings, "many/Many.dll", "more than 4096 entries"));
  CHECK(has_dotnet_warning(warnings, "loop/Loop.dll", "malformed at level 3"));
}
