// Scanning a Node project of 500+ packages with the npm and node-modules
// scanners together (lockfile + node_modules), warm: the files are in the
// page cache after the first run. The project is built once in
// $TMPDIR/kensa-bench-javascript from a real npm lockfile committed as a
// fixture (tests/fixtures/node-modules/big-project, README there): the
// lockfile and package.json as they are, and for every installed package a
// node_modules/.../package.json holding what the lockfile says of it (name,
// version, license, dependencies). Target: well under one second per scan.
#include <kensa/scanner/scan.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

struct Project {
  fs::path root;
  std::size_t installed = 0;
};

// Builds the project once; an empty root when the fixture is missing.
Project make_project() {
  fs::path fixture = fs::path(KENSA_SOURCE_DIR) / "tests/fixtures/node-modules/big-project";
  if (!fs::exists(fixture / "package-lock.json")) {
    return {};
  }
  const char* tmp = std::getenv("TMPDIR");
  Project project;
  project.root = fs::path(tmp != nullptr ? tmp : "/tmp") / "kensa-bench-javascript";
  fs::remove_all(project.root);
  std::string lock_text = read_text(fixture / "package-lock.json");
  write_text(project.root / "package-lock.json", lock_text);
  write_text(project.root / "package.json", read_text(fixture / "package.json"));

  json lock = json::parse(lock_text);
  for (const auto& [key, entry] : lock.at("packages").items()) {
    if (key.empty() || entry.value("link", false)) {
      continue;
    }
    std::string folder_name = key.substr(key.rfind("node_modules/") + 13);
    json manifest = json::object();
    manifest["name"] = entry.value("name", folder_name);
    manifest["version"] = entry.value("version", "");
    for (const char* field : {"license", "dependencies", "optionalDependencies", "peerDependencies",
                              "peerDependenciesMeta", "bin", "engines"}) {
      if (entry.contains(field)) {
        manifest[field] = entry[field];
      }
    }
    write_text(project.root / key / "package.json", manifest.dump(2));
    ++project.installed;
  }
  return project;
}

void scan_javascript_project(benchmark::State& state) {
  static const Project project = make_project();
  if (project.root.empty()) {
    state.SkipWithError("tests/fixtures/node-modules/big-project is missing");
    return;
  }
  kensa::scanner::ScanOptions options;
  options.scanners = {"npm", "node-modules"};
  options.timestamp = 0;
  std::size_t components = 0;
  for (auto _ : state) {
    auto document = kensa::scanner::scan(project.root, options);
    if (!document) {
      state.SkipWithError(document.error().c_str());
      return;
    }
    components = document->components.size();
    benchmark::DoNotOptimize(components);
  }
  state.counters["components"] = static_cast<double>(components);
  state.counters["installed"] = static_cast<double>(project.installed);
  // Packages (components) scanned per second of wall time.
  state.counters["packages_per_second"] = benchmark::Counter(
      static_cast<double>(components), benchmark::Counter::kIsIterationInvariantRate);
}

} // namespace

BENCHMARK(scan_javascript_project)
    ->Unit(benchmark::kMillisecond)
    ->MinWarmUpTime(0.5)
    ->UseRealTime();
