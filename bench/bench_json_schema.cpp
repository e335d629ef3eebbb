// Parsing and schema-validating a CycloneDX 1.6 JSON document of about
// 100 MB with 100,000 components, each with hashes, a license, a purl,
// external references, properties and evidence, plus a dependency graph.
// The document is generated in memory, once. Target: validation against the
// bundled 1.6 schema in under 2 seconds in a Release build.
#include <kensa/validate/bundled_schemas.hpp>
#include <kensa/validate/json_input.hpp>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <string>

namespace {

constexpr std::size_t k_components = 100'000;

// Deterministic hex digits for hash values.
std::string hex(std::size_t seed, std::size_t length) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out(length, '0');
  std::size_t state = seed * 2654435761u + 12345;
  for (auto& c : out) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    c = k_digits[(state >> 33) & 0xF];
  }
  return out;
}

std::string component_ref(std::size_t i) {
  return "pkg:npm/%40bench/package-" + std::to_string(i) + "@1." + std::to_string(i % 17) + "." +
         std::to_string(i % 5);
}

void append_component(std::string& out, std::size_t i) {
  const std::string name = "package-" + std::to_string(i);
  const std::string version = "1." + std::to_string(i % 17) + "." + std::to_string(i % 5);
  const std::string ref = component_ref(i);
  static constexpr const char* k_licenses[] = {"MIT", "Apache-2.0", "BSD-3-Clause", "ISC",
                                               "GPL-2.0-only"};
  out +=
      R"({"type":"library","bom-ref":")" + ref + R"(","group":"@bench","name":")" + name +
      R"(","version":")" + version + R"(","description":"Component )" + std::to_string(i) +
      R"( of the schema validation benchmark, with enough text to be as long as a real package description tends to be.","scope":"required","hashes":[{"alg":"SHA-256","content":")" +
      hex(i, 64) + R"("},{"alg":"SHA-512","content":")" + hex(i + 1, 128) +
      R"("}],"licenses":[{"license":{"id":")" + k_licenses[i % 5] + R"("}}],"purl":")" + ref +
      R"(","externalReferences":[{"type":"website","url":"https://example.com/bench/)" + name +
      R"("},{"type":"distribution","url":"https://registry.npmjs.org/@bench/)" + name + "/-/" +
      name + "-" + version + R"(.tgz","hashes":[{"alg":"SHA-1","content":")" + hex(i + 2, 40) +
      R"("}]}],"properties":[{"name":"kensa:development","value":"false"},{"name":"kensa:source","value":"package-lock.json"}],"evidence":{"occurrences":[{"location":"node_modules/@bench/)" +
      name + R"("}]}})";
}

std::string make_document() {
  std::string out;
  out.reserve(110'000'000);
  out +=
      R"({"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,)";
  out +=
      R"("metadata":{"timestamp":"2025-05-01T14:00:00Z","tools":{"components":[{"type":"application","name":"kensa","version":"0.1.0"}]},)";
  out +=
      R"("component":{"type":"application","bom-ref":"root","name":"bench-root","version":"1.0.0"}},"components":[)";
  for (std::size_t i = 0; i < k_components; ++i) {
    if (i > 0) {
      out += ',';
    }
    append_component(out, i);
  }
  out += R"(],"dependencies":[{"ref":"root","dependsOn":[")" + component_ref(0) + R"("]})";
  for (std::size_t i = 0; i < k_components; ++i) {
    out += R"(,{"ref":")" + component_ref(i) + R"(","dependsOn":[")" +
           component_ref((i * 7 + 1) % k_components) + R"(",")" +
           component_ref((i * 13 + 2) % k_components) + R"("]})";
  }
  out += "]}";
  return out;
}

const std::string& document() {
  static const std::string text = [] {
    std::string generated = make_document();
    std::printf("generated CycloneDX 1.6 document: %.1f MB, %zu components\n",
                static_cast<double>(generated.size()) / 1e6, k_components);
    return generated;
  }();
  return text;
}

const nlohmann::json& parsed_document() {
  static const nlohmann::json value = nlohmann::json::parse(document());
  return value;
}

void set_throughput(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(document().size()));
}

void bm_parse(benchmark::State& state) {
  const std::string& text = document();
  for (auto _ : state) {
    auto parsed = kensa::validate::parse_json(text);
    if (!parsed) {
      state.SkipWithError(parsed.error().c_str());
      return;
    }
    benchmark::DoNotOptimize(parsed->value);
  }
  set_throughput(state);
}

void bm_validate(benchmark::State& state) {
  const auto schema = kensa::validate::cyclonedx_json_schema("1.6");
  if (!schema) {
    state.SkipWithError(schema.error().c_str());
    return;
  }
  const nlohmann::json& value = parsed_document();
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
    auto parsed = kensa::validate::parse_json(text);
    if (!parsed || !schema->validate(parsed->value).valid) {
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
