#pragma once

// The loop of the lockfile benchmarks: one generated file, scanned by one
// scanner through the whole scan (the walk of an in-memory folder, the
// parse, the graph and the document), each iteration from the start.
#include <kensa/scanner/scan.hpp>
#include <kensa/source/memory_source.hpp>

#include <benchmark/benchmark.h>

#include <string>

namespace kensa::bench {

inline void scan_one_file(benchmark::State& state, const std::string& scanner,
                          const std::string& path, const std::string& text) {
  scanner::ScanOptions options;
  options.scanners = {scanner};
  options.timestamp = 0;
  std::size_t components = 0;
  for (auto _ : state) {
    auto source = source::make_memory_source({{path, text}}, "bench");
    auto document = scanner::scan(*source, options);
    if (!document) {
      state.SkipWithError(document.error().c_str());
      return;
    }
    components = document->components.size();
    benchmark::DoNotOptimize(components);
  }
  state.counters["components"] = static_cast<double>(components);
  state.counters["bytes"] = static_cast<double>(text.size());
}

} // namespace kensa::bench
