// Scanning one lockfile of 1,000 packages, generated in memory, with the
// ruby (Gemfile.lock), composer (composer.lock) and github-actions (a
// workflow of 1,000 steps) scanners: the whole scan of a folder holding
// that one file, as `kensa scan` does it. Target: under 20 ms each
// (docs/scanners/ruby.md, composer.md, github-actions.md).
#include <kensa/scanner/scan.hpp>
#include <kensa/source/memory_source.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

using namespace kensa;

namespace {

constexpr std::size_t k_packages = 1'000;

std::string gemfile_lock() {
  std::string text = "GEM\n  remote: https://rubygems.org/\n  specs:\n";
  for (std::size_t i = 0; i < k_packages; ++i) {
    text += "    gem-" + std::to_string(i) + " (1." + std::to_string(i) + ".0)\n";
    if (i + 1 < k_packages) {
      text += "      gem-" + std::to_string(i + 1) + " (>= 1.0)\n";
    }
  }
  text += "\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n  gem-0\n\nCHECKSUMS\n";
  for (std::size_t i = 0; i < k_packages; ++i) {
    text += "  gem-" + std::to_string(i) + " (1." + std::to_string(i) +
            ".0) sha256=" + std::string(64, 'a') + "\n";
  }
  text += "\nBUNDLED WITH\n   2.5.16\n";
  return text;
}

std::string composer_lock() {
  std::string text = "{\n  \"packages\": [\n";
  for (std::size_t i = 0; i < k_packages; ++i) {
    std::string name = "vendor/package-" + std::to_string(i);
    text += "    {\"name\": \"" + name + "\", \"version\": \"v1." + std::to_string(i) +
            ".0\", \"source\": {\"type\": \"git\", \"url\": \"https://github.com/" + name +
            ".git\", \"reference\": \"" + std::string(40, 'b') +
            "\"}, \"dist\": {\"type\": \"zip\", \"url\": \"https://api.github.com/repos/" + name +
            "/zipball/x\", \"shasum\": \"\"}, \"require\": {\"php\": \">=8.1\"" +
            (i + 1 < k_packages ? ", \"vendor/package-" + std::to_string(i + 1) + "\": \"^1.0\""
                                : std::string()) +
            "}, \"license\": [\"MIT\"], \"authors\": [{\"name\": \"A\", \"email\": \"a@b\"}]}" +
            (i + 1 < k_packages ? ",\n" : "\n");
  }
  text += "  ],\n  \"packages-dev\": []\n}\n";
  return text;
}

std::string workflow() {
  std::string text = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n";
  for (std::size_t i = 0; i < k_packages; ++i) {
    text += "      - uses: owner-" + std::to_string(i) + "/action@" + std::string(40, 'c') +
            " # v" + std::to_string(i) + "\n";
  }
  return text;
}

void scan_one(benchmark::State& state, const std::string& path, const std::string& text,
              const std::string& scanner_name) {
  scanner::ScanOptions options;
  options.scanners = {scanner_name};
  options.timestamp = 0;
  std::size_t components = 0;
  for (auto _ : state) {
    auto source = source::make_memory_source({{path, text}}, "bench");
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

void BM_GemfileLock1000(benchmark::State& state) {
  scan_one(state, "Gemfile.lock", gemfile_lock(), "ruby");
}
BENCHMARK(BM_GemfileLock1000)->Unit(benchmark::kMillisecond);

void BM_ComposerLock1000(benchmark::State& state) {
  scan_one(state, "composer.lock", composer_lock(), "composer");
}
BENCHMARK(BM_ComposerLock1000)->Unit(benchmark::kMillisecond);

void BM_Workflow1000(benchmark::State& state) {
  scan_one(state, ".github/workflows/ci.yml", workflow(), "github-actions");
}
BENCHMARK(BM_Workflow1000)->Unit(benchmark::kMillisecond);

} // namespace
