// pnpm-lock.yaml files crafted to expand: snapshots sharing one big
// dependency map through a YAML alias. pnpm never writes anchors.
#include "../../../src/scanners/common/javascript/package_graph.hpp"
#include "../../support/test_support.hpp"
#include "../common/javascript/js_test_support.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/scanner/file_report.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace kensa;
using namespace kensa::testing::javascript;
namespace fs = std::filesystem;

namespace {

// A 9.0 lockfile of `packages` packages, each with a snapshot: the first
// snapshot's dependencies are a map of the first `shared` packages
// (anchored), the next `sharing` - 1 snapshots name it through an alias, the
// others have no dependencies.
std::string shared_map_lockfile(int packages, int sharing, int shared) {
  std::string text = "lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n"
                     "      p0:\n        specifier: 1.0.0\n        version: 1.0.0\n\npackages:\n\n";
  for (int i = 0; i < packages; ++i) {
    text += "  p" + std::to_string(i) + "@1.0.0:\n    resolution: {tarball: x.tgz}\n";
  }
  text += "\nsnapshots:\n\n  p0@1.0.0:\n    dependencies: &shared\n";
  for (int j = 0; j < shared; ++j) {
    text += "      p" + std::to_string(j) + ": 1.0.0\n";
  }
  for (int i = 1; i < packages; ++i) {
    text += "  p" + std::to_string(i) +
            "@1.0.0:" + (i < sharing ? "\n    dependencies: *shared\n" : " {}\n");
  }
  return text;
}

std::size_t count_of(const ScanResult& result, model::RelationshipType type) {
  return static_cast<std::size_t>(
      std::count_if(result.document.relationships.begin(), result.document.relationships.end(),
                    [&](const model::Relationship& edge) { return edge.type == type; }));
}

} // namespace

TEST_CASE("pnpm hostile: 16,000 snapshots sharing a 1,600-entry map are refused, not expanded",
          "[scanner][pnpm][hostile]") {
  // 1.5 MB that a reader walking every alias would see as 51 million nodes
  // (the YAML tree shares the map; the 25.6 million edges would not be).
  auto root = testing::scratch_dir("pnpm-alias-bomb");
  std::string text = shared_map_lockfile(16'000, 16'000, 1'600);
  { std::ofstream(root / "pnpm-lock.yaml", std::ios::binary) << text; }
  testing::Bounds bounds;
  bounds.cpu_seconds = 30;
  auto run = testing::run_kensa_bounded(
      {"scan", root.string(), "--scanner", "pnpm", "-o", "cyclonedx-json"}, bounds);
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.seconds < 10);
  CHECK(run.max_rss_kib < 300 * 1024);
  CHECK(run.err.find("pnpm-lock.yaml: line ") != std::string::npos);
  CHECK(run.err.find("aliases add more than 1000000 nodes to the document; not read") !=
        std::string::npos);
}

TEST_CASE("pnpm hostile: a shared map within the budget is read once, its edges all kept",
          "[heavy][scanner][pnpm][hostile]") {
  // 200 snapshots share 1,600 entries: 637,000 nodes through aliases.
  auto result = scan_texts({"pnpm"}, {{"pnpm-lock.yaml", shared_map_lockfile(1'600, 200, 1'600)}});
  CHECK(result.warnings().empty());
  CHECK(result.document.components.size() == 1'601);
  // Each of the 200 depends on the 1,600 but itself; the project on p0.
  CHECK(count_of(result, model::RelationshipType::depends_on) == 200 * 1'599 + 1);
}

TEST_CASE("pnpm hostile: an alias inside the node it names is refused",
          "[scanner][pnpm][hostile]") {
  auto result = scan_texts({"pnpm"}, {{"pnpm-lock.yaml", "lockfileVersion: '9.0'\n"
                                                         "snapshots:\n"
                                                         "  a@1.0.0: &loop\n"
                                                         "    dependencies: *loop\n"}});
  auto warnings = result.warnings();
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] == "pnpm-lock.yaml: line 4: an alias inside the node it names; not read");
}

TEST_CASE("pnpm hostile: a lockfile starting with a comma ends, read as YAML reads it",
          "[scanner][pnpm][hostile]") {
  // After the stray ',' yaml-cpp's event parser handed out empty documents
  // without end; libyaml stops at the error.
  auto result = scan_texts({"pnpm"}, {{"pnpm-lock.yaml", ",lockfileVersion: '9.0'\n"
                                                         "snapshots:\n"
                                                         "  a@1.0.0: &shared {}\n"}});
  CHECK(result.warnings().size() == 1);
}

TEST_CASE("package graph: edges past the cap are counted, repeats dropped",
          "[heavy][scanner][javascript][hostile]") {
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "pnpm", "");
  scanner::FileReport report(context, "pnpm-lock.yaml");
  scanner::javascript::PackageGraph packages;
  std::vector<scanner::javascript::PackageGraph::NodeId> nodes;
  for (int i = 0; i < 2'000; ++i) {
    scanner::javascript::PackageFacts facts;
    facts.name = "p" + std::to_string(i);
    facts.version = "1.0.0";
    facts.role = i == 0 ? scanner::javascript::PackageRole::root
                        : scanner::javascript::PackageRole::dependency;
    nodes.push_back(packages.add(std::move(facts), model::Evidence{"pnpm-lock.yaml", "", "pnpm"}));
  }
  // 2,000 x 600 edges, each twice: 2,400,000 relate calls.
  for (int from = 0; from < 2'000; ++from) {
    for (int repeat = 0; repeat < 2; ++repeat) {
      for (int to = 1; to <= 600; ++to) {
        packages.relate(nodes[static_cast<std::size_t>(from)],
                        nodes[static_cast<std::size_t>((from + to) % 2'000)],
                        scanner::javascript::EdgeKind::prod);
      }
    }
  }
  packages.finish(report);
  auto document = std::move(graph).finish({});
  // The first 1,000,000 calls: 833 packages' 1,200 calls, and 400 of the
  // 834th's, each edge once.
  CHECK(document.relationships.size() == 833 * 600 + 400);
  bool warned = std::any_of(document.diagnostics.begin(), document.diagnostics.end(),
                            [](const model::Diagnostic& diagnostic) {
                              return diagnostic.message ==
                                     "more than 1,000,000 dependency edges; 1,400,000 more were "
                                     "not recorded";
                            });
  CHECK(warned);
}
