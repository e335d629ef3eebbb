#include "dependencies.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>

namespace kensa::scanner::dpkg {

namespace {

Relation parse_relation(std::string_view text) {
  text = trim(text);
  std::size_t end = 0;
  while (end < text.size()) {
    char c = text[end];
    if (c == ' ' || c == '\t' || c == '(' || c == '[' || c == '<') {
      break;
    }
    ++end;
  }
  std::string_view name = text.substr(0, end);
  Relation relation;
  std::size_t colon = name.find(':');
  if (colon != std::string_view::npos) {
    relation.arch_qualifier = std::string(name.substr(colon + 1));
    name = name.substr(0, colon);
  }
  relation.name = std::string(name);
  return relation;
}

using Index = std::unordered_map<std::string, std::vector<std::size_t>>;

// Picks among installed candidates: the dependent's own architecture first
// (a multi-arch library of the same arch), then "all", then database order.
std::size_t pick(const std::vector<std::size_t>& candidates,
                 const std::vector<DpkgPackage>& packages, const DpkgPackage& from) {
  for (std::size_t candidate : candidates) {
    if (packages[candidate].architecture == from.architecture) {
      return candidate;
    }
  }
  for (std::size_t candidate : candidates) {
    if (packages[candidate].architecture == "all") {
      return candidate;
    }
  }
  return candidates.front();
}

} // namespace

std::vector<std::vector<Relation>> parse_relations(std::string_view field) {
  std::vector<std::vector<Relation>> groups;
  for (std::string_view group_text : split(field, ',')) {
    std::vector<Relation> group;
    for (std::string_view alternative : split(group_text, '|')) {
      Relation relation = parse_relation(alternative);
      if (!relation.name.empty()) {
        group.push_back(std::move(relation));
      }
    }
    if (!group.empty()) {
      groups.push_back(std::move(group));
    }
  }
  return groups;
}

DependencyResolution resolve_dependencies(const std::vector<DpkgPackage>& packages) {
  Index by_name;
  Index by_provides;
  for (std::size_t i = 0; i < packages.size(); ++i) {
    by_name[packages[i].name].push_back(i);
    for (const auto& group : parse_relations(packages[i].provides)) {
      for (const auto& relation : group) {
        by_provides[relation.name].push_back(i);
      }
    }
  }

  DependencyResolution resolution;
  std::set<std::pair<std::size_t, std::size_t>> seen;
  for (std::size_t from = 0; from < packages.size(); ++from) {
    const DpkgPackage& package = packages[from];
    for (const std::string* field : {&package.pre_depends, &package.depends}) {
      for (const auto& group : parse_relations(*field)) {
        std::optional<std::size_t> target;
        for (const auto& relation : group) {
          if (auto it = by_name.find(relation.name); it != by_name.end()) {
            target = pick(it->second, packages, package);
            break;
          }
          if (auto it = by_provides.find(relation.name); it != by_provides.end()) {
            target = pick(it->second, packages, package);
            break;
          }
        }
        if (!target) {
          resolution.unresolved.push_back(package.name + " -> " + group.front().name);
          continue;
        }
        if (*target != from && seen.insert({from, *target}).second) {
          resolution.edges.emplace_back(from, *target);
        }
      }
    }
  }
  return resolution;
}

} // namespace kensa::scanner::dpkg
