#pragma once

// The document the validation benchmarks share: a CycloneDX 1.6 JSON BOM of
// about 100 MB with 100,000 components, each with hashes, a license, a purl,
// external references, properties and evidence, plus a dependency graph.
// Generated in memory once per process; bench_validate_generate.py writes
// the same shape to a file for bench_validate.sh.

#include <cstdio>
#include <string>

namespace kensa::bench {

inline constexpr std::size_t k_components = 100'000;

// Deterministic hex digits for hash values.
inline std::string hex(std::size_t seed, std::size_t length) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string out(length, '0');
  std::size_t state = seed * 2654435761u + 12345;
  for (auto& c : out) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    c = k_digits[(state >> 33) & 0xF];
  }
  return out;
}

inline std::string component_ref(std::size_t i) {
  return "pkg:npm/%40bench/package-" + std::to_string(i) + "@1." + std::to_string(i % 17) + "." +
         std::to_string(i % 5);
}

inline void append_component(std::string& out, std::size_t i) {
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

inline std::string make_document() {
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

inline const std::string& document() {
  static const std::string text = [] {
    std::string generated = make_document();
    std::printf("generated CycloneDX 1.6 document: %.1f MB, %zu components\n",
                static_cast<double>(generated.size()) / 1e6, k_components);
    return generated;
  }();
  return text;
}

} // namespace kensa::bench
