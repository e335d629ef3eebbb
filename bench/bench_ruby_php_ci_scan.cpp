// Scanning one lockfile of 1,000 packages, generated in memory, with the
// ruby (Gemfile.lock), composer (composer.lock) and github-actions (a
// workflow of 1,000 steps) scanners: the whole scan of a folder holding
// that one file, as `kensa scan` does it. Target: under 20 ms each
// (docs/scanners/ruby.md, composer.md, github-actions.md).
#include "bench_scan_one_file.hpp"

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

void BM_GemfileLock1000(benchmark::State& state) {
  kensa::bench::scan_one_file(state, "ruby", "Gemfile.lock", gemfile_lock());
}
BENCHMARK(BM_GemfileLock1000)->Unit(benchmark::kMillisecond);

void BM_ComposerLock1000(benchmark::State& state) {
  kensa::bench::scan_one_file(state, "composer", "composer.lock", composer_lock());
}
BENCHMARK(BM_ComposerLock1000)->Unit(benchmark::kMillisecond);

void BM_Workflow1000(benchmark::State& state) {
  kensa::bench::scan_one_file(state, "github-actions", ".github/workflows/ci.yml", workflow());
}
BENCHMARK(BM_Workflow1000)->Unit(benchmark::kMillisecond);

} // namespace
