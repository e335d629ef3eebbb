// Reading a 1,000-entry file of each lockfile-like format the conan,
// vcpkg and conda scanners read, generated in memory in the layout the
// real tools write (tests/fixtures/<scanner>/ has real ones), through the
// whole scan: the walk of an in-memory folder, the parse, the graph and
// the document. Target: under 20 ms each (docs/scanners/<scanner>.md give
// the figure).
#include "bench_scan_one_file.hpp"

#include <kensa/scanner/scan.hpp>
#include <kensa/source/memory_source.hpp>

#include <benchmark/benchmark.h>

#include <string>

namespace {

constexpr int k_ports = 1000;

std::string revision_of(int value) {
  std::string text(32, '0');
  for (std::size_t i = text.size(); i-- > 0 && value != 0; value /= 16) {
    text[i] = "0123456789abcdef"[value % 16];
  }
  return text;
}

// Conan 1's graph lock: node 0 is the consumer, each node requires the
// next three.
std::string conan_graph_lock() {
  std::string text = "{\n \"graph_lock\": {\n  \"nodes\": {\n   \"0\": {\n    \"path\": "
                     "\"conanfile.txt\",\n    \"requires\": [\n     \"1\"\n    ],\n    "
                     "\"context\": \"host\"\n   },\n";
  for (int i = 1; i <= k_ports; ++i) {
    text += "   \"" + std::to_string(i) + "\": {\n    \"ref\": \"pkg" + std::to_string(i) + "/1." +
            std::to_string(i % 17) + ".0#" + revision_of(i) +
            "\",\n    \"options\": \"fPIC=True\\nshared=False\",\n    \"package_id\": \"" +
            revision_of(i + 7) + "\",\n    \"prev\": \"" + revision_of(i + 3) + "\"";
    std::string needs;
    for (int next = i + 1; next <= k_ports && next <= i + 3; ++next) {
      needs += std::string(needs.empty() ? "" : ",\n") + "     \"" + std::to_string(next) + "\"";
    }
    if (!needs.empty()) {
      text += ",\n    \"requires\": [\n" + needs + "\n    ]";
    }
    text += ",\n    \"context\": \"host\"\n   }" + std::string(i < k_ports ? ",\n" : "\n");
  }
  return text + "  },\n  \"revisions_enabled\": true\n },\n \"version\": \"0.4\"\n}\n";
}

// Conan 2's lockfile: references with recipe revision and timestamp,
// nine in ten in requires, the rest in build_requires.
std::string conan2_lock() {
  std::string requires_list;
  std::string build_requires_list;
  for (int i = 1; i <= k_ports; ++i) {
    auto& list = i % 10 == 0 ? build_requires_list : requires_list;
    list += std::string(list.empty() ? "" : ",\n") + "        \"pkg" + std::to_string(i) + "/1." +
            std::to_string(i % 17) + ".0#" + revision_of(i) + "%1675278904." +
            std::to_string(1000000 + i) + "\"";
  }
  return "{\n    \"version\": \"0.5\",\n    \"requires\": [\n" + requires_list +
         "\n    ],\n    \"build_requires\": [\n" + build_requires_list +
         "\n    ],\n    \"python_requires\": []\n}\n";
}

// vcpkg's status file: each port depends on the next three.
std::string vcpkg_status() {
  std::string text;
  for (int i = 0; i < k_ports; ++i) {
    text += "Package: port" + std::to_string(i) + "\nVersion: 2." + std::to_string(i % 11) +
            ".0\nPort-Version: " + std::to_string(i % 3) + "\n";
    std::string depends;
    for (int next = i + 1; next < k_ports && next <= i + 3; ++next) {
      depends += std::string(depends.empty() ? "" : ", ") + "port" + std::to_string(next);
    }
    if (!depends.empty()) {
      text += "Depends: " + depends + "\n";
    }
    text += "Architecture: x64-linux\nMulti-Arch: same\nAbi: " + revision_of(i) +
            revision_of(i + 1) + "\nDescription: Port number " + std::to_string(i) +
            "\nStatus: install ok installed\n\n";
  }
  return text;
}

// environment.yml: conda specs of every kind, and a pip: list.
std::string environment_yml() {
  std::string text = "name: bench\nchannels:\n  - conda-forge\ndependencies:\n";
  for (int i = 0; i < k_ports - 100; ++i) {
    std::string name = "pkg" + std::to_string(i);
    switch (i % 3) {
    case 0:
      text += "  - " + name + "\n";
      break;
    case 1:
      text += "  - conda-forge::" + name + "==1." + std::to_string(i % 13) + "\n";
      break;
    default:
      text += "  - " + name + "=2." + std::to_string(i % 7) + ".0=h1234_0\n";
      break;
    }
  }
  text += "  - pip:\n";
  for (int i = 0; i < 100; ++i) {
    text += "    - py-package-" + std::to_string(i) + "==0." + std::to_string(i) + "\n";
  }
  return text;
}

void scan_conan_lock(benchmark::State& state) {
  static const std::string text = conan_graph_lock();
  kensa::bench::scan_one_file(state, "conan", "app/conan.lock", text);
}

void scan_conan2_lock(benchmark::State& state) {
  static const std::string text = conan2_lock();
  kensa::bench::scan_one_file(state, "conan", "app/conan.lock", text);
}

void scan_vcpkg_status(benchmark::State& state) {
  static const std::string text = vcpkg_status();
  kensa::bench::scan_one_file(state, "vcpkg", "app/vcpkg_installed/vcpkg/status", text);
}

void scan_environment_yml(benchmark::State& state) {
  static const std::string text = environment_yml();
  kensa::bench::scan_one_file(state, "conda", "app/environment.yml", text);
}

} // namespace

BENCHMARK(scan_conan_lock)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(scan_conan2_lock)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(scan_vcpkg_status)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(scan_environment_yml)->Unit(benchmark::kMillisecond)->UseRealTime();
