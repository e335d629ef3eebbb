#include "locked_graph.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>

#include <set>

namespace kensa::scanner {

model::Component make_locked_component(FileReport& report, std::string_view ecosystem,
                                       std::string_view purl_type, std::string_view purl_namespace,
                                       std::string_view name, std::string_view version,
                                       std::vector<std::pair<std::string, std::string>> qualifiers,
                                       std::string_view subpath) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = std::string(ecosystem);
  component.group = std::string(purl_namespace);
  component.name = std::string(name);
  component.version = std::string(version);
  component.scope = model::Scope::required;
  if (!purl_type.empty()) {
    if (auto purl = model::make_purl(purl_type, purl_namespace, name, version,
                                     std::move(qualifiers), subpath)) {
      component.purl = purl->to_string();
    } else {
      report.warn("package " + std::string(name) + ": no purl: " + purl.error());
    }
  }
  return component;
}

void add_hex_hash(FileReport& report, model::Component& component, model::HashAlgorithm algorithm,
                  std::string_view hex) {
  std::size_t digits = 0;
  switch (algorithm) {
  case model::HashAlgorithm::md5:
    digits = 32;
    break;
  case model::HashAlgorithm::sha1:
    digits = 40;
    break;
  case model::HashAlgorithm::sha256:
    digits = 64;
    break;
  case model::HashAlgorithm::sha512:
    digits = 128;
    break;
  default:
    break;
  }
  std::string lower;
  lower.reserve(hex.size());
  for (char c : hex) {
    c = to_lower_ascii(c);
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      lower.clear();
      break;
    }
    lower.push_back(c);
  }
  if (digits == 0 || lower.size() != digits) {
    report.warn("package " + component.name + ": checksum \"" + std::string(hex.substr(0, 200)) +
                "\" is not a digest of " + std::to_string(digits) + " hex digits");
    return;
  }
  component.hashes.push_back(model::Hash{algorithm, std::move(lower)});
}

LockedGraph::LockedGraph(FileReport& report, const source::SourceFile& file)
    : m_report(report), m_file(file) {}

bool LockedGraph::add(std::string key, model::Component component) {
  if (m_components.size() >= k_max_locked_graph_packages) {
    if (!m_packages_capped) {
      m_packages_capped = true;
      m_report.omit("more than " + std::to_string(k_max_locked_graph_packages) +
                    " packages; the rest is not read");
    }
    return false;
  }
  if (m_index.count(key) != 0) {
    m_report.warn("package " + key + " is listed twice; the first entry is kept");
    return true;
  }
  component.evidence.push_back(m_report.context().evidence_for(m_file));
  m_index.emplace(std::move(key), m_components.size());
  m_components.push_back(std::move(component));
  return true;
}

model::Component* LockedGraph::find(std::string_view key) {
  auto found = m_index.find(key);
  return found == m_index.end() ? nullptr : &m_components[found->second];
}

bool LockedGraph::edge_room() {
  if (m_edges.size() < k_max_locked_graph_edges) {
    return true;
  }
  if (!m_edges_capped) {
    m_edges_capped = true;
    m_report.omit("more than " + std::to_string(k_max_locked_graph_edges) +
                  " dependency entries; the rest are left out");
  }
  return false;
}

void LockedGraph::depend(std::string_view from, std::string to, model::RelationshipType type) {
  auto found = m_index.find(from);
  if (found == m_index.end() || !edge_room()) {
    return;
  }
  m_edges.push_back(Edge{found->second, std::move(to), type});
}

void LockedGraph::direct(std::string to, model::RelationshipType type) {
  if (edge_room()) {
    m_edges.push_back(Edge{k_root, std::move(to), type});
  }
}

void LockedGraph::finish(std::string root_name, bool unknown_expected) {
  ScanContext& context = m_report.context();
  auto& graph = context.graph();
  std::vector<std::string> ids;
  ids.reserve(m_components.size());
  for (auto& component : m_components) {
    ids.push_back(graph.add(std::move(component)));
  }
  std::string root_id;
  bool has_root = false;
  for (const auto& edge : m_edges) {
    has_root = has_root || edge.from == k_root;
  }
  if (has_root) {
    if (root_name.empty()) {
      std::string_view path = m_file.path;
      std::size_t slash = path.rfind('/');
      std::string_view folder = slash == std::string_view::npos ? "" : path.substr(0, slash);
      root_name = std::string(folder.substr(folder.rfind('/') + 1));
      if (root_name.empty()) {
        root_name = context.root_name().empty() ? "(project)" : context.root_name();
      }
    }
    model::Component root;
    root.type = model::ComponentType::application;
    root.name = root_name;
    root.evidence.push_back(context.evidence_for(m_file));
    root_id = graph.add(std::move(root));
    if (!context.subject_id().empty()) {
      graph.relate(context.subject_id(), root_id, model::RelationshipType::describes);
    }
  }
  std::set<std::string, std::less<>> unknown;
  for (auto& edge : m_edges) {
    auto target = m_index.find(edge.to);
    if (target == m_index.end()) {
      if (!unknown_expected && unknown.insert(edge.to).second) {
        m_report.warn("dependency " + edge.to + " is not among the locked packages");
      }
      continue;
    }
    const std::string& from = edge.from == k_root ? root_id : ids[edge.from];
    if (from != ids[target->second]) {
      graph.relate(from, ids[target->second], edge.type);
    }
  }
  m_components.clear();
  m_edges.clear();
}

} // namespace kensa::scanner
