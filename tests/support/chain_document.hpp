#pragma once

#include <kensa/model/graph.hpp>
#include <kensa/model/hash.hpp>

#include <cstddef>
#include <string>

// The generated document of the big-document tests and of the format
// benchmarks (bench/ includes this header too, so both measure and check the
// same shape). Header-only: the benchmarks link neither Catch2 nor the test
// helpers.
namespace kensa::testing {

// `count` npm components, each depending on the next: the shape of a big
// lockfile's SBOM. Each has a purl, a license (an expression for two in
// three), SHA-1 and SHA-512 hashes, a download link, a property and
// evidence. At 5,000 it is big enough for the two-thread paths of the
// readers and writers.
inline model::Document chain_document(std::size_t count) {
  model::ComponentGraph graph;
  std::string previous;
  for (std::size_t i = 0; i < count; ++i) {
    model::Component component;
    component.ecosystem = "npm";
    component.name = "package-" + std::to_string(i);
    component.version = std::to_string(i % 7) + "." + std::to_string(i % 13) + ".0";
    component.purl = "pkg:npm/" + component.name + "@" + component.version;
    component.licenses_declared.push_back({i % 3 == 0 ? "MIT" : "Apache-2.0 OR MIT", "", ""});
    component.hashes.push_back(
        {model::HashAlgorithm::sha1,
         model::compute_hash(model::HashAlgorithm::sha1, component.purl).hex});
    component.hashes.push_back(
        {model::HashAlgorithm::sha512,
         model::compute_hash(model::HashAlgorithm::sha512, component.purl).hex});
    component.external_references.push_back(
        {"distribution", "https://registry.npmjs.org/" + component.name});
    component.properties.push_back({"kensa:npm:resolved", "true"});
    component.evidence.push_back({"node_modules/" + component.name + "/package.json", "", "npm"});
    std::string id = graph.add(std::move(component));
    if (!previous.empty()) {
      graph.relate(previous, id, model::RelationshipType::depends_on);
    }
    previous = id;
  }
  model::DocumentMetadata metadata;
  metadata.timestamp = "2024-01-02T03:04:05Z";
  metadata.tools.push_back({"kensa", "kensa", "0.1.0"});
  return std::move(graph).finish(metadata);
}

} // namespace kensa::testing
