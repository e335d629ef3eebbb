// deno.lock: "specifiers" maps what the code asks for ("npm:ms@^2",
// "jsr:@std/assert@1") to what was picked; "npm" and "jsr" hold one entry
// per picked package ("ms@2.1.3", "@std/assert@1.0.13") with its integrity
// and dependencies; "workspace" lists the project's own requests. Version 3
// keeps specifiers, npm and jsr under "packages" and writes picked
// specifiers in full ("npm:ms@2.1.3").
#include "deno_scanner.hpp"

#include "../common/javascript/lockfile_graph.hpp"
#include "../common/javascript/paths.hpp"
#include "../common/javascript/project_lockfile.hpp"
#include "../common/parsers/json_file.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace kensa::scanner::deno {

using javascript::EdgeKind;
using javascript::PackageGraph;
using json::Value;

namespace {

// "name@1.2.3_peer@1.0.0" -> {"name", "1.2.3"}; the '@' after a leading
// scope '@'.
std::pair<std::string, std::string> split_id(std::string_view id) {
  std::size_t at = id.find('@', 1);
  if (at == std::string_view::npos) {
    return {std::string(id), {}};
  }
  std::string_view version = id.substr(at + 1);
  version = version.substr(0, version.find('_'));
  return {std::string(id.substr(0, at)), std::string(version)};
}

bool is_hex(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

class DenoLock : javascript::LockfileGraph {
 public:
  using LockfileGraph::LockfileGraph;

  void read(Value document) {
    const std::string version(document["version"].string());
    Value sections = document;
    if (version == "3" || version == "2") {
      if (const Value packages = document["packages"]; packages.is_object()) {
        sections = packages;
      }
    } else if (version != "4" && version != "5") {
      m_report.warn("version \"" + version + "\" is not one of 3, 4, 5; read as version 5");
    }
    for (const auto& [request, picked] : members_by_name(sections["specifiers"])) {
      if (picked.is_string()) {
        m_specifiers.emplace(request, picked.string());
      }
    }

    javascript::PackageFacts root;
    root.role = javascript::PackageRole::root;
    std::string_view base = std::string_view(m_folder).substr(m_folder.rfind('/') + 1);
    root.name = base.empty() ? std::string("(project)") : std::string(base);
    m_root = m_graph.add(std::move(root), m_evidence);

    read_section(sections, "npm", false);
    read_section(sections, "jsr", true);

    const Value workspace = document["workspace"];
    relate_list(m_root, workspace["dependencies"]);
    relate_list(m_root, workspace["packageJson"]["dependencies"]);
    for (const auto& [node, entry, jsr] : m_entries) {
      const Value dependencies = entry["dependencies"];
      if (dependencies.is_object()) {
        // Version 3's npm form: {"ms": "ms@2.1.2"}.
        for (const auto& [name, id] : members_by_name(dependencies)) {
          if (id.is_string()) {
            relate_id(node, id.string());
          }
        }
      } else if (jsr) {
        relate_list(node, dependencies);
      } else if (dependencies.is_array()) {
        for (const auto id : dependencies) {
          if (id.is_string()) {
            relate_id(node, id.string());
          }
        }
      }
    }
    finish();
  }

 private:
  PackageGraph::NodeId m_root = 0;
  std::map<std::string, std::string, std::less<>> m_specifiers;
  // "npm:ms@2.1.3" / "jsr:@std/assert@1.0.13" (peer suffixes dropped) -> node.
  std::map<std::string, PackageGraph::NodeId, std::less<>> m_by_id;
  std::vector<std::tuple<PackageGraph::NodeId, Value, bool>> m_entries;

  void read_section(Value sections, const char* kind, bool jsr) {
    const Value section = sections[kind];
    if (!section.exists()) {
      return;
    }
    if (!section.is_object()) {
      m_report.warn(std::string("\"") + kind + "\" is not an object");
      return;
    }
    std::size_t count = 0;
    for (const auto& [id, entry] : members_by_name(section)) {
      if (++count > javascript::k_max_lockfile_packages) {
        m_report.omit("more than " + std::to_string(javascript::k_max_lockfile_packages) + " " +
                      kind + " packages; the rest are not read");
        break;
      }
      auto [name, version] = split_id(id);
      if (!entry.is_object() || version.empty()) {
        m_report.warn(std::string(kind) + " package \"" + std::string(id) +
                      "\" is not \"name@version\": {...}");
        continue;
      }
      javascript::PackageFacts facts;
      facts.name = name;
      facts.version = version;
      javascript::PackageDetails details;
      const std::string integrity(entry["integrity"].string());
      PackageGraph::NodeId node;
      if (jsr) {
        // JSR has no registered purl type; the component is named by its
        // scope and name, with the JSR page as its website.
        if (is_hex(integrity) && integrity.size() == 64) {
          details.hashes.push_back(model::Hash{model::HashAlgorithm::sha256, integrity});
        }
        details.references.push_back({"website", "https://jsr.io/" + name});
        details.properties.push_back({"kensa:deno:registry", "jsr"});
        node = add_jsr(name, version, std::move(details));
      } else {
        facts.integrity = integrity;
        node = m_graph.add(std::move(facts), m_evidence, std::move(details));
      }
      m_by_id[std::string(jsr ? "jsr:" : "npm:") + name + "@" + version] = node;
      m_entries.emplace_back(node, entry, jsr);
    }
  }

  PackageGraph::NodeId add_jsr(const std::string& name, const std::string& version,
                               javascript::PackageDetails details) {
    // npm facts give the graph what it needs (name, version, scope marks);
    // the ecosystem is reset when the components are built (below).
    javascript::PackageFacts facts;
    facts.name = name;
    facts.version = version;
    facts.role = javascript::PackageRole::dependency;
    PackageGraph::NodeId node = m_graph.add(std::move(facts), m_evidence, std::move(details));
    m_graph.set_ecosystem(node, "jsr");
    return node;
  }

  // A request as code writes it: "npm:ms@^2", "jsr:@std/assert@1",
  // "jsr:@std/internal" -> through "specifiers" to the picked package.
  void relate_request(PackageGraph::NodeId from, const std::string& request) {
    std::string picked;
    if (auto it = m_specifiers.find(request); it != m_specifiers.end()) {
      picked = it->second;
    } else if (request.starts_with("jsr:") || request.starts_with("npm:")) {
      picked = request; // Already a picked id, as version 3 writes some.
    } else {
      return;
    }
    std::string kind = request.substr(0, 4);
    if (picked.starts_with("npm:") || picked.starts_with("jsr:")) {
      kind = picked.substr(0, 4);
      picked = picked.substr(4);
    }
    if (!picked.empty() && picked.front() >= '0' && picked.front() <= '9') {
      // Versions 4 and 5 give only the version: the name is the request's.
      auto [name, range] = split_id(request.substr(4));
      picked = name + "@" + picked;
    }
    auto [name, version] = split_id(picked);
    std::string id = kind + name + "@" + version;
    auto it = m_by_id.find(id);
    if (it == m_by_id.end() && version.empty()) {
      // "jsr:@std/internal" without a version: the one picked for that name.
      it = m_by_id.lower_bound(id);
      if (it != m_by_id.end() && !it->first.starts_with(id)) {
        it = m_by_id.end();
      }
    }
    if (it != m_by_id.end()) {
      m_graph.relate(from, it->second, EdgeKind::prod);
    }
  }

  // An npm package's dependency: "ms@2.1.2", "alias@npm:real@1.0.0".
  void relate_id(PackageGraph::NodeId from, std::string_view id) {
    std::string_view text = id;
    if (auto npm_at = text.find("@npm:"); npm_at != std::string_view::npos) {
      text.remove_prefix(npm_at + 5);
    }
    auto [name, version] = split_id(text);
    if (auto it = m_by_id.find("npm:" + name + "@" + version); it != m_by_id.end()) {
      m_graph.relate(from, it->second, EdgeKind::prod);
    }
  }

  void relate_list(PackageGraph::NodeId from, Value list) {
    if (!list.is_array()) {
      return;
    }
    for (const auto request : list) {
      if (request.is_string()) {
        relate_request(from, std::string(request.string()));
      }
    }
  }
};

void read_deno_lock(FileReport& report, const source::SourceFile& file) {
  if (auto document = read_json_object(report, file.contents, "a deno.lock")) {
    DenoLock(report, file).read(document->root());
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return javascript::lockfile_scanner({"**/deno.lock"}, &read_deno_lock);
}

} // namespace kensa::scanner::deno
