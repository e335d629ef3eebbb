// Scanning a folder of 200 jars with the java scanner, warm: the files are in
// the page cache after the first run. The folder is built once in
// $TMPDIR/kensa-bench-java from the jars Debian's Java library packages put
// in /usr/share/java (scripts/setup.sh installs some; any others there are
// used too), copied round-robin under distinct names until there are 200.
// Every jar is hashed (SHA-1) and opened, as in a real scan. Target: under
// two seconds per scan.
#include <kensa/scanner/scan.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_jar_count = 200;

struct JarFolder {
  fs::path root;
  std::uintmax_t bytes = 0;
};

// Builds the folder once; an empty root when /usr/share/java has no jar.
JarFolder make_folder() {
  std::vector<fs::path> jars;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator("/usr/share/java", error)) {
    if (entry.path().extension() == ".jar" && entry.is_regular_file() && !entry.is_symlink()) {
      jars.push_back(entry.path());
    }
  }
  if (jars.empty()) {
    return {};
  }
  std::sort(jars.begin(), jars.end());
  const char* tmp = std::getenv("TMPDIR");
  JarFolder folder;
  folder.root = fs::path(tmp != nullptr ? tmp : "/tmp") / "kensa-bench-java";
  fs::remove_all(folder.root);
  for (std::size_t i = 0; i < k_jar_count; ++i) {
    const fs::path& jar = jars[i % jars.size()];
    fs::path target = folder.root / ("lib" + std::to_string(i / jars.size())) / jar.filename();
    fs::create_directories(target.parent_path());
    fs::copy_file(jar, target, fs::copy_options::overwrite_existing);
    folder.bytes += fs::file_size(target);
  }
  return folder;
}

void scan_200_jars(benchmark::State& state) {
  static const JarFolder folder = make_folder();
  if (folder.root.empty()) {
    state.SkipWithError("/usr/share/java holds no jar (scripts/setup.sh installs some)");
    return;
  }
  kensa::scanner::ScanOptions options;
  options.scanners = {"java"};
  options.timestamp = 0;
  std::size_t components = 0;
  for (auto _ : state) {
    auto document = kensa::scanner::scan(folder.root, options);
    if (!document) {
      state.SkipWithError(document.error().c_str());
      return;
    }
    components = document->components.size();
    benchmark::DoNotOptimize(components);
  }
  state.counters["jars"] = static_cast<double>(k_jar_count);
  state.counters["components"] = static_cast<double>(components);
  state.counters["MiB"] = static_cast<double>(folder.bytes) / (1024.0 * 1024.0);
}

} // namespace

BENCHMARK(scan_200_jars)->Unit(benchmark::kMillisecond)->MinWarmUpTime(0.5)->UseRealTime();
