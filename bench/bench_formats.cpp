// Writing and reading a document of 100,000 components in each family's
// main encoding: the generated graph (tests/support/chain_document.hpp, the
// big-document tests' too) has a purl, a license, two hashes, a link, a
// property and evidence per component, and a dependency edge from each
// component to the next. Target: under 2 seconds each way, peak memory
// under 1 GB. The counters give the document size and the peak resident
// memory of the timed work alone: the kernel's high-water mark is reset just
// before it (/proc/self/clear_refs), after the generator's garbage has been
// returned. A write's peak includes the model it writes; a read's includes
// its input text, as `kensa convert` holds both.
#include "chain_document.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/model/document.hpp>

#include <benchmark/benchmark.h>
#include <malloc.h>
#ifdef KENSA_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include <fstream>
#include <string>

using namespace kensa;

namespace {

constexpr std::size_t k_components = 100'000;

model::Document make_large_document() {
  return testing::chain_document(k_components);
}

const model::Document& large_document() {
  static const model::Document document = make_large_document();
  return document;
}

// Returns freed memory to the system and makes the current resident size the
// new high-water mark.
void reset_peak_resident() {
#ifdef KENSA_WITH_MIMALLOC
  // mimalloc keeps freed segments for reuse; the kensa executable starts
  // without them.
  mi_collect(true);
#else
  malloc_trim(0);
#endif
  std::ofstream("/proc/self/clear_refs") << "5";
}

// The high-water mark since the last reset (VmHWM), in MiB.
double peak_resident_mib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) {
      return std::stod(line.substr(6)) / 1024.0;
    }
  }
  return 0;
}

void write_format(benchmark::State& state, const char* spec_text) {
  const auto& document = large_document();
  auto spec = format::parse_output_spec(spec_text);
  std::size_t size = 0;
  reset_peak_resident();
  for (auto _ : state) {
    std::string text = format::render(document, *spec);
    size = text.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.counters["components"] = static_cast<double>(document.components.size());
  state.counters["MiB"] = static_cast<double>(size) / (1024.0 * 1024.0);
  state.counters["peak_rss_MiB"] = peak_resident_mib();
}

void read_format(benchmark::State& state, const char* spec_text) {
  auto spec = format::parse_output_spec(spec_text);
  // The model is generated here and freed, so that the peak is the read's.
  const std::string text = format::render(make_large_document(), *spec);
  std::size_t components = 0;
  reset_peak_resident();
  for (auto _ : state) {
    auto read = format::read_document(text, spec_text);
    if (!read) {
      state.SkipWithError(read.error().c_str());
      break;
    }
    components = read->document.components.size();
    benchmark::DoNotOptimize(components);
  }
  state.counters["components"] = static_cast<double>(components);
  state.counters["MiB"] = static_cast<double>(text.size()) / (1024.0 * 1024.0);
  state.counters["peak_rss_MiB"] = peak_resident_mib();
}

} // namespace

BENCHMARK_CAPTURE(write_format, cyclonedx_json, "cyclonedx-json@1.6")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(read_format, cyclonedx_json, "cyclonedx-json@1.6")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(write_format, cyclonedx_xml, "cyclonedx-xml@1.6")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(read_format, cyclonedx_xml, "cyclonedx-xml@1.6")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(write_format, spdx_json, "spdx-json@2.3")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(read_format, spdx_json, "spdx-json@2.3")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(write_format, spdx_tag_value, "spdx-tag-value@2.3")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(read_format, spdx_tag_value, "spdx-tag-value@2.3")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(write_format, spdx_yaml, "spdx-yaml@2.3")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(read_format, spdx_yaml, "spdx-yaml@2.3")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(write_format, spdx3_json, "spdx-json@3.0")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(read_format, spdx3_json, "spdx-json@3.0")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
