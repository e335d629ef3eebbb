// Executables far larger than any buffer: the Go toolchain's own `go`
// program (/usr/lib/go/bin/go, golang-go) padded with a sparse hole to
// 700 MiB, scanned in a folder (mapped) and inside a tar (copied to a
// temporary file, then mapped), with the peak memory of the process; and a
// Cargo workspace of 1,000 members (a Cargo.lock and 1,001 Cargo.toml files
// made in memory), read with the rust scanner. Needs golang-go and tar for
// the first two.
#include <kensa/scanner/scan.hpp>
#include <kensa/source/memory_source.hpp>

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t k_padded_size = 700ull << 20;
constexpr std::size_t k_members = 1000;

fs::path large_root(const std::string& name) {
  const char* tmp = std::getenv("TMPDIR");
  return fs::path(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") / "kensa-bench-large" / name;
}

// A folder holding `go` padded to 700 MiB; with `in_tar`, a tar of it
// (sparse, so the tar is small and the member reads as 700 MiB).
fs::path make_large_root(bool in_tar) {
  std::error_code error;
  fs::path go = fs::canonical("/usr/lib/go/bin/go", error);
  if (error) {
    return {};
  }
  fs::path root = large_root(in_tar ? "tar" : "folder");
  fs::remove_all(root);
  fs::create_directories(root / "staging");
  fs::copy_file(go, root / "staging" / "terraform");
  // A hole, then data: a tar keeps the hole, and reading the member makes
  // all of it.
  fs::resize_file(root / "staging" / "terraform", k_padded_size - 4);
  std::ofstream(root / "staging" / "terraform", std::ios::binary | std::ios::app) << "end\n";
  if (!in_tar) {
    fs::rename(root / "staging", root / "bin");
    return root / "bin";
  }
  std::string command = "tar -cSf '" + (root / "release.tar").string() + "' -C '" +
                        (root / "staging").string() + "' terraform";
  if (std::system(command.c_str()) != 0) {
    return {};
  }
  fs::remove_all(root / "staging");
  return root / "release.tar";
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void scan_large(benchmark::State& state, bool in_tar) {
  static const fs::path folder_input = make_large_root(false);
  static const fs::path tar_input = make_large_root(true);
  const fs::path& input = in_tar ? tar_input : folder_input;
  if (input.empty()) {
    state.SkipWithError("no /usr/lib/go/bin/go (install golang-go) or no tar");
    return;
  }
  kensa::scanner::ScanOptions options;
  options.scanners = {"go"};
  options.timestamp = 0;
  std::size_t components = 0;
  for (auto _ : state) {
    auto document = kensa::scanner::scan(input, options);
    if (!document) {
      state.SkipWithError(document.error().c_str());
      return;
    }
    components = document->components.size();
    benchmark::DoNotOptimize(components);
  }
  state.counters["components"] = static_cast<double>(components);
  state.counters["file_MiB"] = static_cast<double>(k_padded_size >> 20);
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}

void scan_700mib_go_binary_in_folder(benchmark::State& state) {
  scan_large(state, false);
}

void scan_700mib_go_binary_in_tar(benchmark::State& state) {
  scan_large(state, true);
}

std::vector<kensa::source::MemoryFile> cargo_workspace() {
  std::vector<kensa::source::MemoryFile> files;
  std::string lock = "version = 4\n";
  for (std::size_t i = 0; i < k_members; ++i) {
    std::string name = "member-" + std::to_string(i);
    lock += "\n[[package]]\nname = \"" + name + "\"\nversion = \"0.1.0\"\n";
    std::string manifest = "[package]\nname = \"" + name + "\"\nversion = \"0.1.0\"\n";
    if (i > 0) {
      // Each member uses the one before it, by path.
      lock += "dependencies = [\n \"member-" + std::to_string(i - 1) + "\",\n]\n";
      manifest += "\n[dependencies]\nmember-" + std::to_string(i - 1) + " = { path = \"../member-" +
                  std::to_string(i - 1) + "\" }\n";
    }
    files.push_back({"crates/" + name + "/Cargo.toml", std::move(manifest)});
  }
  files.push_back({"Cargo.lock", std::move(lock)});
  files.push_back({"Cargo.toml", "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n"});
  return files;
}

void read_cargo_workspace_1000_members(benchmark::State& state) {
  static const std::vector<kensa::source::MemoryFile> files = cargo_workspace();
  kensa::scanner::ScanOptions options;
  options.scanners = {"rust"};
  options.timestamp = 0;
  std::size_t components = 0;
  for (auto _ : state) {
    auto source = kensa::source::make_memory_source(files, "workspace");
    auto document = kensa::scanner::scan(*source, options);
    if (!document) {
      state.SkipWithError(document.error().c_str());
      return;
    }
    components = document->components.size();
    benchmark::DoNotOptimize(components);
  }
  state.counters["components"] = static_cast<double>(components);
}

} // namespace

BENCHMARK(scan_700mib_go_binary_in_folder)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(scan_700mib_go_binary_in_tar)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(read_cargo_workspace_1000_members)->Unit(benchmark::kMillisecond);
