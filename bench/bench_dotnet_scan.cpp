// Scanning one packages.lock.json of 1,000 packages, one .deps.json of
// 1,000 libraries, one obj/project.assets.json of 1,000 libraries and a
// project with 1,000 PackageReferences versioned by a
// Directory.Packages.props, generated in memory, with the dotnet scanner:
// the whole scan of a folder holding those files, as `kensa scan` does it.
// Target: under 20 ms each (docs/scanners/dotnet.md).
#include <kensa/scanner/scan.hpp>
#include <kensa/source/memory_source.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <utility>
#include <vector>

using namespace kensa;

namespace {

constexpr std::size_t k_dotnet_packages = 1'000;

// 64 bytes of base64: the length of a SHA-512.
const std::string k_sha512_base64 = std::string(86, 'A') + "==";

std::string package_name(std::size_t i) {
  return "Vendor.Package" + std::to_string(i);
}

std::string packages_lock() {
  std::string text = "{\n  \"version\": 1,\n  \"dependencies\": {\n    \"net8.0\": {\n";
  for (std::size_t i = 0; i < k_dotnet_packages; ++i) {
    text += "      \"" + package_name(i) + "\": {\"type\": \"" +
            (i < 10 ? "Direct" : "Transitive") + "\", \"resolved\": \"1." + std::to_string(i) +
            ".0\", \"contentHash\": \"" + k_sha512_base64 + "\"";
    if (i + 1 < k_dotnet_packages) {
      text += ", \"dependencies\": {\"" + package_name(i + 1) + "\": \"[1.0.0, )\"}";
    }
    text += i + 1 < k_dotnet_packages ? "},\n" : "}\n";
  }
  text += "    }\n  }\n}\n";
  return text;
}

std::string deps_json() {
  std::string targets;
  std::string libraries;
  for (std::size_t i = 0; i < k_dotnet_packages; ++i) {
    std::string key = package_name(i) + "/1." + std::to_string(i) + ".0";
    std::string separator = i + 1 < k_dotnet_packages ? ",\n" : "\n";
    targets += "      \"" + key + "\": {";
    if (i + 1 < k_dotnet_packages) {
      targets += "\"dependencies\": {\"" + package_name(i + 1) + "\": \"1." +
                 std::to_string(i + 1) + ".0\"}, ";
    }
    targets += "\"runtime\": {\"lib/net8.0/" + package_name(i) + ".dll\": {}}}" + separator;
    libraries += "    \"" + key + "\": {\"type\": \"package\", \"serviceable\": true, " +
                 "\"sha512\": \"sha512-" + k_sha512_base64 + "\"}" + separator;
  }
  return "{\n  \"runtimeTarget\": {\"name\": \".NETCoreApp,Version=v8.0\"},\n  \"targets\": {\n"
         "    \".NETCoreApp,Version=v8.0\": {\n" +
         targets + "    }\n  },\n  \"libraries\": {\n" + libraries + "  }\n}\n";
}

std::string project_assets() {
  std::string targets;
  std::string libraries;
  for (std::size_t i = 0; i < k_dotnet_packages; ++i) {
    std::string key = package_name(i) + "/1." + std::to_string(i) + ".0";
    std::string separator = i + 1 < k_dotnet_packages ? ",\n" : "\n";
    targets += "      \"" + key + "\": {\"type\": \"package\", ";
    if (i + 1 < k_dotnet_packages) {
      targets += "\"dependencies\": {\"" + package_name(i + 1) + "\": \"1.0.0\"}, ";
    }
    targets += "\"runtime\": {\"lib/net8.0/" + package_name(i) + ".dll\": {}}}" + separator;
    libraries += "    \"" + key + "\": {\"sha512\": \"" + k_sha512_base64 +
                 "\", \"type\": \"package\", \"path\": \"" + package_name(i) +
                 "\", \"files\": [\"lib/net8.0/" + package_name(i) + ".dll\"]}" + separator;
  }
  return "{\n  \"version\": 3,\n  \"targets\": {\n    \"net8.0\": {\n" + targets +
         "    }\n  },\n  \"libraries\": {\n" + libraries +
         "  },\n  \"project\": {\"version\": \"1.0.0\", \"restore\": {\"projectName\": "
         "\"App\"}, \"frameworks\": {\"net8.0\": {\"dependencies\": {\"" +
         package_name(0) + "\": {\"target\": \"Package\", \"version\": \"[1.0.0, )\"}}}}}\n}\n";
}

std::string central_packages() {
  std::string text = "<Project>\n  <ItemGroup>\n";
  for (std::size_t i = 0; i < k_dotnet_packages; ++i) {
    text += "    <PackageVersion Include=\"" + package_name(i) + "\" Version=\"1." +
            std::to_string(i) + ".0\" />\n";
  }
  return text + "  </ItemGroup>\n</Project>\n";
}

std::string centrally_managed_project() {
  std::string text = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n";
  for (std::size_t i = 0; i < k_dotnet_packages; ++i) {
    text += "    <PackageReference Include=\"" + package_name(i) + "\" />\n";
  }
  return text + "  </ItemGroup>\n</Project>\n";
}

void scan_dotnet_files(benchmark::State& state, const std::vector<source::MemoryFile>& files) {
  scanner::ScanOptions options;
  options.scanners = {"dotnet"};
  options.timestamp = 0;
  std::size_t components = 0;
  for (auto _ : state) {
    auto source = source::make_memory_source(files, "bench");
    auto document = scanner::scan(*source, options);
    if (!document.ok()) {
      state.SkipWithError(document.error().c_str());
      return;
    }
    components = document->components.size();
    benchmark::DoNotOptimize(components);
  }
  state.counters["components"] = static_cast<double>(components);
}

void scan_dotnet_file(benchmark::State& state, const std::string& path, const std::string& text) {
  scan_dotnet_files(state, {{path, text}});
}

void BM_PackagesLockJson1000(benchmark::State& state) {
  scan_dotnet_file(state, "src/App/packages.lock.json", packages_lock());
}
BENCHMARK(BM_PackagesLockJson1000)->Unit(benchmark::kMillisecond);

void BM_DepsJson1000(benchmark::State& state) {
  scan_dotnet_file(state, "app/App.deps.json", deps_json());
}
BENCHMARK(BM_DepsJson1000)->Unit(benchmark::kMillisecond);

void BM_ProjectAssetsJson1000(benchmark::State& state) {
  scan_dotnet_file(state, "src/App/obj/project.assets.json", project_assets());
}
BENCHMARK(BM_ProjectAssetsJson1000)->Unit(benchmark::kMillisecond);

void BM_CentralPackages1000(benchmark::State& state) {
  scan_dotnet_files(state, {{"Directory.Packages.props", central_packages()},
                            {"src/App/App.csproj", centrally_managed_project()}});
}
BENCHMARK(BM_CentralPackages1000)->Unit(benchmark::kMillisecond);

} // namespace
