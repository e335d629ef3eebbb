// The whole `kensa validate` pipeline on the shared ~100 MB CycloneDX 1.6
// document (bench_validate_document.hpp): parse, schema, semantic rules, and
// with the cisa-2026 profile. Target: parse + schema + semantic under 2 s in
// a Release build. bench_validate.sh measures the same through the binary
// against ajv-cli, with peak memory.
#include "bench_validate_document.hpp"

#include <kensa/validate/validator.hpp>

#include <benchmark/benchmark.h>

#include <string>

namespace {

// `require_clean`: the generated document has no errors of its own, but it
// lacks elements profiles ask for, so profile runs accept error findings.
void run(benchmark::State& state, const kensa::validate::ValidationOptions& options,
         bool require_clean) {
  const std::string& text = kensa::bench::document();
  for (auto _ : state) {
    const auto report = kensa::validate::validate_document("bench.json", text, options);
    if (!report.read_error.empty() ||
        (require_clean && report.count(kensa::validate::Severity::error) > 0)) {
      state.SkipWithError("the generated document does not validate");
      return;
    }
    benchmark::DoNotOptimize(report.findings.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}

void bm_validate_document(benchmark::State& state) {
  run(state, {}, true);
}

void bm_validate_document_with_profile(benchmark::State& state) {
  kensa::validate::ValidationOptions options;
  options.profiles = {"ntia-2021"};
  run(state, options, false);
}

} // namespace

BENCHMARK(bm_validate_document)
    ->Name("validate/schema_and_semantic_100MB_cyclonedx_1.6")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);
BENCHMARK(bm_validate_document_with_profile)
    ->Name("validate/schema_semantic_ntia_profile_100MB")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);
