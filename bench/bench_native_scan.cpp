// Scanning a folder of 200 Go binaries, and one of 200 Cargo.lock files, with
// the go and rust scanners, warm (the files are in the page cache after the
// first run). The Go binaries are the Go toolchain's own programs
// (/usr/lib/go/bin, /usr/lib/go/pkg/tool/*), hard-linked under 200 names in
// $TMPDIR/kensa-bench-native; the lockfiles are copies of
// tests/fixtures/rust/lockfile-v4. Needs golang-go for the first benchmark.
#include <kensa/scanner/scan.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_copies = 200;

fs::path bench_root(const std::string& name) {
  const char* tmp = std::getenv("TMPDIR");
  return fs::path(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") / "kensa-bench-native" / name;
}

// The Go toolchain's executables, which carry Go build information.
std::vector<fs::path> go_programs() {
  std::vector<fs::path> programs;
  std::error_code error;
  fs::path go_root = fs::canonical("/usr/lib/go", error);
  if (error) {
    return programs;
  }
  for (const auto& folder : {go_root / "bin", go_root / "pkg" / "tool" / "linux_amd64"}) {
    for (const auto& entry : fs::directory_iterator(folder, error)) {
      if (entry.is_regular_file()) {
        programs.push_back(entry.path());
      }
    }
  }
  std::sort(programs.begin(), programs.end());
  return programs;
}

fs::path make_go_root() {
  auto programs = go_programs();
  if (programs.empty()) {
    return {};
  }
  fs::path root = bench_root("go");
  fs::remove_all(root);
  fs::create_directories(root / "originals");
  for (const auto& program : programs) {
    fs::copy_file(program, root / "originals" / program.filename());
  }
  // Hard links: 200 names to scan, the disk and page cache holding one copy.
  for (std::size_t i = 0; i < k_copies; ++i) {
    const fs::path& program = programs[i % programs.size()];
    fs::path folder = root / "bin" / std::to_string(i);
    fs::create_directories(folder);
    fs::create_hard_link(root / "originals" / program.filename(), folder / program.filename());
  }
  fs::remove_all(root / "originals");
  return root;
}

fs::path make_cargo_root() {
  fs::path lockfile = fs::path(KENSA_SOURCE_DIR) / "tests/fixtures/rust/lockfile-v4/Cargo.lock";
  if (!fs::exists(lockfile)) {
    return {};
  }
  fs::path root = bench_root("cargo");
  fs::remove_all(root);
  for (std::size_t i = 0; i < k_copies; ++i) {
    fs::create_directories(root / std::to_string(i));
    fs::copy_file(lockfile, root / std::to_string(i) / "Cargo.lock");
  }
  return root;
}

void scan(benchmark::State& state, const fs::path& root, const std::string& scanner) {
  kensa::scanner::ScanOptions options;
  options.scanners = {scanner};
  options.timestamp = 0;
  std::size_t components = 0;
  for (auto _ : state) {
    auto document = kensa::scanner::scan(root, options);
    if (!document) {
      state.SkipWithError(document.error().c_str());
      return;
    }
    components = document->components.size();
    benchmark::DoNotOptimize(components);
  }
  state.counters["components"] = static_cast<double>(components);
  state.counters["files"] = static_cast<double>(k_copies);
}

void scan_200_go_binaries(benchmark::State& state) {
  static const fs::path root = make_go_root();
  if (root.empty()) {
    state.SkipWithError("no Go toolchain in /usr/lib/go (install golang-go)");
    return;
  }
  scan(state, root, "go");
}

void scan_200_cargo_lockfiles(benchmark::State& state) {
  static const fs::path root = make_cargo_root();
  if (root.empty()) {
    state.SkipWithError("tests/fixtures/rust/lockfile-v4/Cargo.lock is missing");
    return;
  }
  scan(state, root, "rust");
}

} // namespace

BENCHMARK(scan_200_go_binaries)->Unit(benchmark::kMillisecond)->MinWarmUpTime(0.5);
BENCHMARK(scan_200_cargo_lockfiles)->Unit(benchmark::kMillisecond)->MinWarmUpTime(0.5);
