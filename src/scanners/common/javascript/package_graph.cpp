#include "package_graph.hpp"

#include <kensa/model/diagnostic_budget.hpp>
#include <kensa/scanner/file_report.hpp>

#include <algorithm>

namespace kensa::scanner::javascript {

namespace {

template <typename T>
void add_unique(std::vector<T>& into, const T& item) {
  if (std::find(into.begin(), into.end(), item) == into.end()) {
    into.push_back(item);
  }
}

model::RelationshipType relationship_of(EdgeKind kind) {
  switch (kind) {
  case EdgeKind::dev:
    return model::RelationshipType::dev_depends_on;
  case EdgeKind::optional:
  case EdgeKind::peer_optional:
    return model::RelationshipType::optional_depends_on;
  case EdgeKind::prod:
  case EdgeKind::peer:
    break;
  }
  return model::RelationshipType::depends_on;
}

bool is_start(const javascript::PackageFacts& facts) {
  return facts.role == javascript::PackageRole::root;
}

} // namespace

void add_manifest_details(const Manifest& manifest, PackageDetails& details) {
  for (const auto& license : manifest.licenses) {
    add_unique(details.licenses, license);
  }
  for (const auto& author : manifest.authors) {
    add_unique(details.authors, author);
  }
  for (const auto& reference : manifest.references) {
    add_unique(details.references, reference);
  }
  if (details.description.empty()) {
    details.description = manifest.description;
  }
}

PackageGraph::NodeId PackageGraph::add(javascript::PackageFacts facts, model::Evidence evidence,
                                       PackageDetails details) {
  m_nodes.push_back(Node{std::move(facts), std::move(evidence), std::move(details), {}, {}});
  return m_nodes.size() - 1;
}

void PackageGraph::relate(NodeId from, NodeId to, EdgeKind kind) {
  if (from == to || from >= m_nodes.size() || to >= m_nodes.size()) {
    return;
  }
  // Repeats are dropped in finish(): looking for one here costs the square
  // of a package's edges, and a crafted lockfile gives one a million.
  if (m_edges >= k_max_edges) {
    ++m_edges_left_out;
    return;
  }
  ++m_edges;
  m_nodes[from].edges.emplace_back(to, kind);
}

void PackageGraph::compute_flags() {
  // Packages installed for no project in the scan (npm install -g puts
  // them in /usr/lib/node_modules) are there for whatever uses them: no
  // mark, rather than "extraneous" for all.
  if (std::none_of(m_nodes.begin(), m_nodes.end(),
                   [](const Node& node) { return is_start(node.facts); })) {
    return;
  }
  // One walk per question, over the edges that keep the answer "no":
  // a package is dev when no path from the project avoids dev edges,
  // optional when none avoids optional edges, peer when none avoids peer
  // edges, and devOptional when it is neither but no path avoids both dev
  // and optional edges (npm's calcDepFlags gives the same marks).
  auto reach = [&](auto allowed) {
    std::vector<char> seen(m_nodes.size(), 0);
    std::vector<NodeId> stack;
    for (NodeId node = 0; node < m_nodes.size(); ++node) {
      if (is_start(m_nodes[node].facts)) {
        seen[node] = 1;
        stack.push_back(node);
      }
    }
    while (!stack.empty()) {
      NodeId node = stack.back();
      stack.pop_back();
      for (auto [to, kind] : m_nodes[node].edges) {
        if (!seen[to] && allowed(kind)) {
          seen[to] = 1;
          stack.push_back(to);
        }
      }
    }
    return seen;
  };
  auto any = reach([](EdgeKind) { return true; });
  auto without_dev = reach([](EdgeKind kind) { return kind != EdgeKind::dev; });
  auto without_optional = reach(
      [](EdgeKind kind) { return kind != EdgeKind::optional && kind != EdgeKind::peer_optional; });
  auto production =
      reach([](EdgeKind kind) { return kind == EdgeKind::prod || kind == EdgeKind::peer; });
  auto without_peer = reach(
      [](EdgeKind kind) { return kind != EdgeKind::peer && kind != EdgeKind::peer_optional; });

  for (NodeId node = 0; node < m_nodes.size(); ++node) {
    auto& facts = m_nodes[node].facts;
    if (is_start(facts) || m_nodes[node].flags_given) {
      continue;
    }
    if (!any[node]) {
      // Nothing the project declares leads here: npm calls it extraneous
      // and leaves every mark on it.
      facts.extraneous = true;
      facts.dev = true;
      facts.optional = true;
      facts.dev_optional = false;
      continue;
    }
    facts.dev = !without_dev[node];
    facts.optional = !without_optional[node];
    facts.dev_optional = !production[node] && !facts.dev && !facts.optional;
    facts.peer = !without_peer[node];
  }
}

void PackageGraph::finish(FileReport& report) {
  for (auto& node : m_nodes) {
    // Each edge once; their order matters to nothing (the marks are sets of
    // reachable packages, the graph sorts relationships).
    std::sort(node.edges.begin(), node.edges.end());
    node.edges.erase(std::unique(node.edges.begin(), node.edges.end()), node.edges.end());
  }
  if (m_edges_left_out > 0) {
    report.omit("more than " + model::with_thousands(k_max_edges) + " dependency edges; " +
                model::with_thousands(m_edges_left_out) + " more were not recorded");
  }
  compute_flags();
  auto& graph = report.context().graph();
  std::vector<std::string> ids(m_nodes.size());
  for (NodeId node = 0; node < m_nodes.size(); ++node) {
    auto& [facts, evidence, details, edges, ecosystem, flags_given] = m_nodes[node];
    (void)flags_given;
    model::Component component = javascript::make_component(facts, evidence, report);
    if (!ecosystem.empty()) {
      component.ecosystem = ecosystem;
      component.purl.clear();
    }
    for (const auto& license : details.licenses) {
      add_unique(component.licenses_declared, license);
    }
    for (const auto& author : details.authors) {
      add_unique(component.authors, author);
    }
    for (const auto& reference : details.references) {
      add_unique(component.external_references, reference);
    }
    for (const auto& hash : details.hashes) {
      add_unique(component.hashes, hash);
    }
    for (const auto& property : details.properties) {
      component.add_property(property.name, property.value);
    }
    for (const auto& found : details.license_evidence) {
      add_unique(component.license_evidence, found);
    }
    for (const auto& copyright : details.copyrights) {
      add_unique(component.copyrights, copyright);
    }
    if (component.description.empty()) {
      component.description = details.description;
    }
    ids[node] = graph.add(std::move(component));
    if (facts.role == javascript::PackageRole::root && !report.context().subject_id().empty()) {
      graph.relate(report.context().subject_id(), ids[node], model::RelationshipType::describes);
    }
  }
  for (NodeId node = 0; node < m_nodes.size(); ++node) {
    for (auto [to, kind] : m_nodes[node].edges) {
      graph.relate(ids[node], ids[to], relationship_of(kind));
    }
  }
}

} // namespace kensa::scanner::javascript
