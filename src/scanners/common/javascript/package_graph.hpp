#pragma once

#include "manifest.hpp"
#include "npm_component.hpp"

#include <kensa/model/component.hpp>
#include <kensa/scanner/file_report.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// The packages one lockfile or one node_modules tree holds, with the edges
// between them, before they become components. yarn, pnpm, bun and deno
// lockfiles and node_modules carry no dev/optional marks of their own (or
// not reliable ones), so they are computed here the way npm computes them:
// from which kinds of edge reach a package from the project.
namespace kensa::scanner::javascript {

// Why one package needs another.
enum class EdgeKind {
  // dependencies
  prod,
  // devDependencies (of the project and its workspaces only)
  dev,
  // optionalDependencies
  optional,
  // peerDependencies
  peer,
  // peerDependencies marked optional in peerDependenciesMeta
  peer_optional,
};

// What a package.json adds to a component beyond the lockfile's facts.
struct PackageDetails {
  std::vector<model::License> licenses;
  std::vector<model::Party> authors;
  std::vector<model::ExternalReference> references;
  std::string description;
  // Extra properties ("kensa:yarn:patch", ...).
  std::vector<model::Property> properties;
  // Hashes not in SRI form (yarn v1's sha1 URL fragment, deno's sha256).
  std::vector<model::Hash> hashes;
  // What the package's license files show.
  std::vector<model::LicenseEvidence> license_evidence;
  std::vector<std::string> copyrights;
};

// Dependency edges kept from one lockfile or node_modules tree. Real ones
// have tens of thousands; a crafted pnpm-lock.yaml can name 25 million in
// 3 MB (every snapshot sharing one big map through an alias), and each edge
// becomes a relationship in the SBOM.
inline constexpr std::size_t k_max_edges = 1'000'000;

// Copies the package.json metadata of `manifest` into `details`.
void add_manifest_details(const Manifest& manifest, PackageDetails& details);

class PackageGraph {
 public:
  using NodeId = std::size_t;

  // Adds a package; `facts.role` root or workspace makes it a starting point
  // of the dev/optional computation. The flags in `facts` are overwritten by
  // finish().
  NodeId add(javascript::PackageFacts facts, model::Evidence evidence, PackageDetails details = {});
  // Adds an edge (a repeated one is dropped by finish()). Past k_max_edges
  // edges are only counted; finish() says how many were left out.
  void relate(NodeId from, NodeId to, EdgeKind kind);

  javascript::PackageFacts& facts(NodeId node) { return m_nodes[node].facts; }
  // Keeps the dev/optional/devOptional/peer marks of `node` as its facts
  // have them (npm recorded them in its hidden lockfile) instead of
  // computing them in finish(): for a project whose package.json is not in
  // the scan, whose declared dependencies are unknown.
  void keep_flags(NodeId node) { m_nodes[node].flags_given = true; }
  // Sets the component's purl type (ecosystem) to one without npm's purl
  // rules: the component gets no purl, since `ecosystem` has no registered
  // purl type ("jsr").
  void set_ecosystem(NodeId node, std::string ecosystem) {
    m_nodes[node].ecosystem = std::move(ecosystem);
  }
  std::size_t size() const { return m_nodes.size(); }

  // Computes the dev/optional/devOptional/peer marks, adds every package to
  // the context's graph (problems become warnings in `report`), relates the
  // edges, and relates the subject to the roots with `describes`. Warns
  // when edges were left out.
  void finish(FileReport& report);

 private:
  struct Node {
    javascript::PackageFacts facts;
    model::Evidence evidence;
    PackageDetails details;
    std::vector<std::pair<NodeId, EdgeKind>> edges;
    // Empty: npm.
    std::string ecosystem = {};
    bool flags_given = false;
  };
  std::vector<Node> m_nodes;
  std::size_t m_edges = 0;
  std::uint64_t m_edges_left_out = 0;

  void compute_flags();
};

} // namespace kensa::scanner::javascript
