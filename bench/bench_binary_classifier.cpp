// What the binary classifier adds to a scan of installed software: this
// machine's /usr/bin, /usr/sbin and /usr/lib/x86_64-linux-gnu (thousands of
// executables and libraries, among them libz, libcrypto, bash, perl,
// python) scanned with every scanner, and with every scanner but the
// classifier; warm (the page cache holds the files after the first run).
// docs/scanners/binary.md records the figures.
#include <kensa/scanner/registry.hpp>
#include <kensa/scanner/scan.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_folders = {"/usr/bin", "/usr/sbin", "/usr/lib/x86_64-linux-gnu"};

void scan_installed(benchmark::State& state, bool with_classifier) {
  kensa::scanner::ScanOptions options;
  options.timestamp = 0;
  options.evidence = kensa::scanner::EvidenceChoice::installed;
  for (const auto& info : kensa::scanner::scanner_table()) {
    if (with_classifier || info.name != "binary-classifier") {
      options.scanners.emplace_back(info.name);
    }
  }
  std::size_t components = 0;
  for (auto _ : state) {
    components = 0;
    for (const auto& folder : k_folders) {
      if (!fs::is_directory(folder)) {
        continue;
      }
      auto document = kensa::scanner::scan(folder, options);
      if (!document) {
        state.SkipWithError(document.error().c_str());
        return;
      }
      components += document->components.size();
    }
    benchmark::DoNotOptimize(components);
  }
  state.counters["components"] = static_cast<double>(components);
}

void scan_usr_without_classifier(benchmark::State& state) {
  scan_installed(state, false);
}

void scan_usr_with_classifier(benchmark::State& state) {
  scan_installed(state, true);
}

} // namespace

BENCHMARK(scan_usr_without_classifier)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(scan_usr_with_classifier)->Unit(benchmark::kMillisecond)->MinTime(2.0);
