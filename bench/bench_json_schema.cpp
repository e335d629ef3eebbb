// Parsing and schema-validating a CycloneDX 1.6 JSON document of about
// 100 MB with 100,000 components, each with hashes, a license, a purl,
// external references, properties and evidence, plus a dependency graph.
// The document is generated in memory, once. Target: validation against the
// bundled 1.6 schema in under 2 seconds in a Release build.
#include "bench_validate_document.hpp"

#include <kensa/util/json_document.hpp>
#include <kensa/validate/bundled_schemas.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace {

using kensa::bench::document;

// Parsed the way `kensa validate` parses: strings borrowed from the text.
const kensa::json::Document& parsed_document() {
  static const kensa::json::Document value =
      kensa::json::Document::parse_borrowed(document()).value();
  return value;
}

void set_throughput(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(document().size()));
}

void bm_parse(benchmark::State& state) {
  const std::string& text = document();
  for (auto _ : state) {
    auto parsed = kensa::json::Document::parse_borrowed(text);
    if (!parsed) {
      state.SkipWithError(parsed.error().c_str());
      return;
    }
    benchmark::DoNotOptimize(parsed->root());
  }
  set_throughput(state);
}

void bm_validate(benchmark::State& state) {
  const auto schema = kensa::validate::cyclonedx_json_schema("1.6");
  if (!schema) {
    state.SkipWithError(schema.error().c_str());
    return;
  }
  const kensa::json::Value value = parsed_document().root();
  for (auto _ : state) {
    const auto result = schema->validate(value);
    if (!result.valid) {
      const std::string message =
          result.findings.empty()
              ? std::string("invalid")
              : result.findings.front().instance_location + ": " + result.findings.front().message;
      state.SkipWithError(message.c_str());
      return;
    }
  }
  set_throughput(state);
}

void bm_parse_and_validate(benchmark::State& state) {
  const auto schema = kensa::validate::cyclonedx_json_schema("1.6");
  if (!schema) {
    state.SkipWithError(schema.error().c_str());
    return;
  }
  const std::string& text = document();
  for (auto _ : state) {
    auto parsed = kensa::json::Document::parse_borrowed(text);
    if (!parsed || !schema->validate(parsed->root()).valid) {
      state.SkipWithError("the generated document does not validate");
      return;
    }
  }
  set_throughput(state);
}

} // namespace

BENCHMARK(bm_parse)->Name("json_schema/parse_100MB")->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(bm_validate)
    ->Name("json_schema/validate_100MB_cyclonedx_1.6")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK(bm_parse_and_validate)
    ->Name("json_schema/parse_and_validate_100MB")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);
