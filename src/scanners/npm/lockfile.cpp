#include "lockfile.hpp"

#include "../common/parsers/json_file.hpp"

#include <kensa/model/license.hpp>

namespace kensa::scanner::npm {

namespace {

std::string wrong_type(std::string_view where, const char* key, std::string_view expected,
                       json::Value value) {
  std::string message(where);
  message += ": \"";
  message += key;
  message += "\" is ";
  message += json_type_name(value);
  message += ", not ";
  message += expected;
  return message;
}

} // namespace

std::string Lockfile::add(const PackageFacts& facts) {
  return context().graph().add(make_component(facts, m_evidence, m_report));
}

std::string Lockfile::add_root(const PackageFacts& facts) {
  std::string id;
  if (facts.name.empty()) {
    // npm names the project after its folder when package.json does not.
    PackageFacts named = facts;
    std::string_view folder = m_file.path;
    std::size_t slash = folder.rfind('/');
    folder = slash == std::string_view::npos ? std::string_view{} : folder.substr(0, slash);
    named.name = folder.substr(folder.rfind('/') + 1);
    if (named.name.empty()) {
      named.name = m_file.path;
    }
    id = add(named);
  } else {
    id = add(facts);
  }
  if (!context().subject_id().empty()) {
    context().graph().relate(context().subject_id(), id, model::RelationshipType::describes);
  }
  return id;
}

void Lockfile::count_unresolved(std::string from, std::string_view name) {
  if (m_unresolved++ == 0) {
    m_first_unresolved = std::move(from);
    m_first_unresolved += " -> ";
    m_first_unresolved += name;
  }
}

bool Lockfile::spend(std::uint64_t units) {
  if (m_budget_spent) {
    return false;
  }
  m_work += units;
  if (m_work > k_edge_work_budget) {
    m_budget_spent = true;
    m_report.omit(
        "too much work resolving dependencies (paths too deep or too many); the remaining "
        "dependency edges are not reported");
    return false;
  }
  return true;
}

void Lockfile::finish() {
  if (m_unresolved > 0) {
    m_report.warn(std::to_string(m_unresolved) + " dependenc" +
                  (m_unresolved == 1 ? "y is" : "ies are") +
                  " not in the lockfile (first: " + m_first_unresolved + ")");
  }
}

std::string Lockfile::text(json::Value entry, const char* key, std::string_view where) {
  const json::Value value = entry[key];
  if (value.is_null()) {
    return {};
  }
  if (!value.is_string()) {
    m_report.warn(wrong_type(where, key, "a string", value));
    return {};
  }
  return std::string(value.string());
}

bool Lockfile::flag(json::Value entry, const char* key, std::string_view where) {
  const json::Value value = entry[key];
  if (value.is_null()) {
    return false;
  }
  if (!value.is_boolean()) {
    m_report.warn(wrong_type(where, key, "a boolean", value));
    return false;
  }
  return value.boolean();
}

std::vector<std::pair<std::string, std::string>>
Lockfile::dependency_specs(json::Value entry, const char* key, std::string_view where) {
  std::vector<std::pair<std::string, std::string>> specs;
  const json::Value value = entry[key];
  if (value.is_null()) {
    return specs;
  }
  if (!value.is_object()) {
    m_report.warn(wrong_type(where, key, "an object", value));
    return specs;
  }
  for (const auto& [name, spec] : members_by_name(value)) {
    specs.emplace_back(name, spec.string());
  }
  return specs;
}

void Lockfile::read_common_facts(json::Value entry, std::string_view where, PackageFacts& facts) {
  facts.integrity = text(entry, "integrity", where);
  facts.resolved = text(entry, "resolved", where);
  facts.dev = flag(entry, "dev", where);
  facts.optional = flag(entry, "optional", where);
  facts.dev_optional = flag(entry, "devOptional", where);
  facts.peer = flag(entry, "peer", where);
  // "inBundle" in the packages map, "bundled" in the v1 tree.
  facts.bundled = flag(entry, "inBundle", where) || flag(entry, "bundled", where);
  facts.extraneous = flag(entry, "extraneous", where);

  const json::Value license = entry["license"];
  if (license.is_null()) {
    return;
  }
  if (license.is_string()) {
    const std::string_view license_text = license.string();
    if (!license_text.empty()) {
      facts.license = model::license_from_text(license_text);
    }
    return;
  }
  // The old package.json form {"type": "MIT", "url": "..."}, which npm
  // copies into the lockfile as it finds it.
  if (license.is_object()) {
    std::string type = text(license, "type", where);
    if (!type.empty()) {
      facts.license = model::license_from_text(type);
      facts.license->url = text(license, "url", where);
      return;
    }
  }
  m_report.warn(wrong_type(where, "license", "a string", license));
}

} // namespace kensa::scanner::npm
