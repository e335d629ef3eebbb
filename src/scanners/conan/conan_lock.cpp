#include "conan_lock.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/json_file.hpp"
#include "conan_reference.hpp"

#include <array>
#include <set>

namespace kensa::scanner::conan {

namespace {

using json::Value;

// Far above real files (a few hundred packages).
constexpr std::size_t k_max_entries = 100'000;

std::string string_member(Value object, std::string_view key) {
  Value value = object[key];
  return value.is_string() ? std::string(value.string()) : std::string();
}

// The node ids of a `requires`-like list; anything else is a warning.
std::vector<std::string> node_ids(FileReport& report, std::string_view node, Value list,
                                  std::string_view field) {
  std::vector<std::string> ids;
  if (!list.exists() || list.is_null()) {
    return ids;
  }
  if (!list.is_array()) {
    report.warn("node " + std::string(node) + ": \"" + std::string(field) + "\" is not a list");
    return ids;
  }
  for (Value id : list) {
    if (id.is_string()) {
      ids.emplace_back(id.string());
    } else {
      report.warn("node " + std::string(node) + ": a \"" + std::string(field) +
                  "\" entry is not a string; ignored");
    }
  }
  return ids;
}

void read_graph_lock(FileReport& report, const source::SourceFile& file, Value nodes) {
  LockedGraph locked(report, file);
  std::vector<std::pair<std::string, std::vector<std::string>>> root_requires;
  std::set<std::string, std::less<>> required;
  std::vector<std::string> keys;
  std::set<std::string, std::less<>> build_only;
  std::size_t count = 0;
  // Build requirements are known only once their requirer is read.
  for (const auto& [key, node] : members_by_name(nodes)) {
    if (!node.is_object()) {
      report.warn("node " + std::string(key) + " is " + std::string(json_type_name(node)) +
                  ", not an object; skipped");
      continue;
    }
    for (auto& id : node_ids(report, key, node["build_requires"], "build_requires")) {
      build_only.insert(std::move(id));
    }
  }
  for (const auto& [key, node] : members_by_name(nodes)) {
    if (!node.is_object()) {
      continue;
    }
    if (++count > k_max_entries) {
      report.omit("more than " + std::to_string(k_max_entries) + " nodes; the rest is not read");
      break;
    }
    std::string id(key);
    std::vector<std::string> needs = node_ids(report, key, node["requires"], "requires");
    std::vector<std::string> build =
        node_ids(report, key, node["build_requires"], "build_requires");
    std::string ref = string_member(node, "ref");
    if (ref.empty()) {
      // The consumer: the conanfile the lock was made for.
      needs.insert(needs.end(), build.begin(), build.end());
      root_requires.emplace_back(id, std::move(needs));
      continue;
    }
    auto reference = read_reference(ref);
    if (!reference) {
      report.warn("node " + id + ": \"" + ref.substr(0, 200) + "\" is not a Conan reference");
      continue;
    }
    bool build_context = string_member(node, "context") == "build" || build_only.count(id) != 0;
    model::Component component =
        make_conan_component(report, *reference, ref, build_context, string_member(node, "prev"));
    if (std::string context = string_member(node, "context"); !context.empty()) {
      component.add_property(std::string(k_property_context), context);
    }
    if (!locked.add(id, std::move(component))) {
      break;
    }
    keys.push_back(id);
    for (auto& target : needs) {
      required.insert(target);
      locked.depend(id, std::move(target));
    }
    for (auto& target : build) {
      required.insert(target);
      locked.depend(id, std::move(target));
    }
  }
  if (!root_requires.empty()) {
    for (auto& consumer : root_requires) {
      for (auto& target : consumer.second) {
        locked.direct(std::move(target));
      }
    }
  } else {
    for (const auto& key : keys) {
      if (required.count(key) == 0) {
        locked.direct(key);
      }
    }
  }
  locked.finish();
}

void read_lists(FileReport& report, const source::SourceFile& file, Value root) {
  LockedGraph locked(report, file);
  static constexpr std::array<std::string_view, 4> k_lists{"requires", "build_requires",
                                                           "python_requires", "config_requires"};
  std::size_t count = 0;
  for (std::string_view list_name : k_lists) {
    Value list = root[list_name];
    if (!list.exists() || list.is_null()) {
      continue;
    }
    if (!list.is_array()) {
      report.warn("\"" + std::string(list_name) + "\" is not a list; not read");
      continue;
    }
    for (Value entry : list) {
      if (++count > k_max_entries) {
        report.omit("more than " + std::to_string(k_max_entries) +
                    " references; the rest is not read");
        locked.finish();
        return;
      }
      if (!entry.is_string()) {
        report.warn("a \"" + std::string(list_name) + "\" entry is not a string; ignored");
        continue;
      }
      std::string written(entry.string());
      auto reference = read_reference(written);
      if (!reference) {
        report.warn("\"" + written.substr(0, 200) + "\" is not a Conan reference");
        continue;
      }
      model::Component component =
          make_conan_component(report, *reference, written, list_name != "requires");
      // The same package may be both a host and a build requirement.
      if (!locked.contains(written) && !locked.add(written, std::move(component))) {
        locked.finish();
        return;
      }
    }
  }
  locked.finish();
}

} // namespace

void parse_conan_lock(FileReport& report, const source::SourceFile& file) {
  auto document = read_json_object(report, file.contents, "a conan.lock");
  if (!document) {
    return;
  }
  Value root = document->root();
  Value graph = root["graph_lock"];
  if (graph.exists()) {
    Value nodes = graph["nodes"];
    if (!nodes.is_object()) {
      report.omit("\"graph_lock\" has no \"nodes\" object");
      return;
    }
    read_graph_lock(report, file, nodes);
    return;
  }
  read_lists(report, file, root);
}

} // namespace kensa::scanner::conan
