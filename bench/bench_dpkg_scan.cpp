// Scanning a root file system with 800 dpkg packages (status file and
// copyright files) with the dpkg and os-release scanners, warm: the files are
// in the page cache after the first run. The root is built once in
// $TMPDIR/kensa-bench-dpkg from this machine's real /var/lib/dpkg/status and
// /usr/share/doc/*/copyright; when the machine has fewer than 800 installed
// packages, stanzas are repeated under new names ("<name>-copy1"). Needs a
// Debian-like machine. Target: under one second per scan.
#include <kensa/scanner/scan.hpp>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_packages = 800;

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

// The value of `field` in a stanza ("Package: x" -> "x").
std::string field(const std::string& stanza, const std::string& name) {
  std::istringstream lines(stanza);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(name + ": ", 0) == 0) {
      return line.substr(name.size() + 2);
    }
  }
  return {};
}

std::string renamed(const std::string& stanza, const std::string& from, const std::string& to) {
  std::string result = stanza;
  std::string old_line = "Package: " + from + "\n";
  if (auto at = result.find(old_line); at != std::string::npos) {
    result.replace(at, old_line.size(), "Package: " + to + "\n");
  }
  return result;
}

// Builds the root once; returns it, or an empty path when this machine has
// no dpkg database.
fs::path make_root() {
  const char* tmp = std::getenv("TMPDIR");
  fs::path root = fs::path(tmp != nullptr ? tmp : "/tmp") / "kensa-bench-dpkg";
  if (!fs::exists("/var/lib/dpkg/status")) {
    return {};
  }
  fs::remove_all(root);
  std::vector<std::string> stanzas;
  std::istringstream status(read_text("/var/lib/dpkg/status"));
  std::string line;
  std::string stanza;
  while (std::getline(status, line)) {
    if (line.empty()) {
      if (field(stanza, "Status").ends_with(" installed")) {
        stanzas.push_back(stanza);
      }
      stanza.clear();
      continue;
    }
    stanza += line + "\n";
  }
  if (field(stanza, "Status").ends_with(" installed")) {
    stanzas.push_back(stanza);
  }
  if (stanzas.empty()) {
    return {};
  }

  std::string out;
  for (std::size_t i = 0; i < k_packages; ++i) {
    const std::string& original = stanzas[i % stanzas.size()];
    std::string name = field(original, "Package");
    std::string copy =
        i < stanzas.size() ? name : name + "-copy" + std::to_string(i / stanzas.size());
    out += renamed(original, name, copy) + "\n";
    fs::path copyright = fs::path("/usr/share/doc") / name / "copyright";
    std::error_code error;
    if (fs::exists(copyright, error)) {
      write_text(root / "usr/share/doc" / copy / "copyright", read_text(copyright));
    }
  }
  write_text(root / "var/lib/dpkg/status", out);
  if (fs::exists("/usr/lib/os-release")) {
    write_text(root / "etc/os-release", read_text("/usr/lib/os-release"));
  }
  return root;
}

void scan_800_dpkg_packages(benchmark::State& state) {
  static const fs::path root = make_root();
  if (root.empty()) {
    state.SkipWithError("no /var/lib/dpkg/status on this machine");
    return;
  }
  kensa::scanner::ScanOptions options;
  options.scanners = {"dpkg", "os-release"};
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
}

} // namespace

BENCHMARK(scan_800_dpkg_packages)->Unit(benchmark::kMillisecond)->MinWarmUpTime(0.5);

BENCHMARK_MAIN();
