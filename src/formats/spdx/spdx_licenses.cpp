#include "spdx_licenses.hpp"

#include "../common/license_lists.hpp"
#include "spdx_ids.hpp"

#include <kensa/model/ids.hpp>
#include <kensa/model/license.hpp>

namespace kensa::format::spdx {

LicenseExpressions::LicenseExpressions(const std::vector<model::Property>& document_properties) {
  for (const auto& property : document_properties) {
    if (property.name.starts_with(k_license_text_prefix)) {
      m_known_texts[property.name.substr(k_license_text_prefix.size())] = property.value;
    } else if (property.name.starts_with(k_license_name_prefix)) {
      m_known_names[property.name.substr(k_license_name_prefix.size())] = property.value;
    }
  }
}

std::string LicenseExpressions::ref_for_name(const model::License& license) {
  auto known = m_ref_of_name.find(license.name);
  if (known != m_ref_of_name.end()) {
    return known->second;
  }
  std::string id = "LicenseRef-" + sanitize_id(license.name);
  // Two names that sanitize alike ("A B", "A/B") must not share an id.
  if (m_refs.count(id) > 0) {
    id += "-" + model::content_hash_id(license.name, 8);
  }
  ExtractedLicense extracted{id, license.name, license.name, {}};
  if (!license.url.empty()) {
    extracted.see_alsos.push_back(license.url);
  }
  m_refs.emplace(id, std::move(extracted));
  m_ref_of_name.emplace(license.name, id);
  return id;
}

void LicenseExpressions::note_refs(std::string_view expression) {
  if (expression.find("LicenseRef-") == std::string_view::npos) {
    return;
  }
  auto parsed = model::parse_license_expression(expression);
  if (!parsed) {
    return;
  }
  for (const auto& ref : parsed->license_refs) {
    if (!ref.starts_with("LicenseRef-") || m_refs.count(ref) > 0) {
      continue; // Listed ids, and DocumentRef-s, which another document defines.
    }
    ExtractedLicense extracted{ref, "NOASSERTION", "NOASSERTION", {}};
    if (auto text = m_known_texts.find(ref); text != m_known_texts.end()) {
      extracted.text = text->second;
    }
    if (auto name = m_known_names.find(ref); name != m_known_names.end()) {
      extracted.name = name->second;
    }
    m_refs.emplace(ref, std::move(extracted));
  }
}

std::string LicenseExpressions::expression(const std::vector<model::License>& licenses,
                                           LossReport& losses) {
  std::vector<std::string> parts;
  for (const auto& license : licenses) {
    if (!license.expression.empty()) {
      if (!license.url.empty()) {
        losses.add("license URL on an SPDX expression (SPDX has no field for it)");
      }
      note_refs(license.expression);
      parts.push_back(license.expression);
    } else if (!license.name.empty()) {
      parts.push_back(ref_for_name(license));
    }
  }
  if (parts.empty()) {
    return "NOASSERTION";
  }
  if (parts.size() == 1) {
    return parts.front();
  }
  // SPDX gives a package one expression: unless it can be split back, a
  // reader gets one license where the list had several.
  if (!common::joined_list_splits_back(licenses)) {
    losses.add("license lists written as one AND expression (SPDX has one per package)");
  }
  std::string joined;
  for (const auto& part : parts) {
    if (!joined.empty()) {
      joined += " AND ";
    }
    // OR binds weaker than AND, so an OR inside a conjunction needs
    // parentheses; the canonical form below drops any that are redundant.
    joined += part.find(" OR ") != std::string::npos ? "(" + part + ")" : part;
  }
  if (auto parsed = model::parse_license_expression(joined)) {
    return parsed->canonical;
  }
  return joined;
}

void LicenseExpressions::add_unlisted_texts(const std::vector<model::LicenseEvidence>& evidence) {
  for (const auto& item : evidence) {
    if (item.method != model::LicenseMatchMethod::unlisted || item.text.empty()) {
      continue;
    }
    ExtractedLicense extracted{item.expression, item.text, "license text of " + item.location, {}};
    auto [at, added] = m_refs.emplace(item.expression, extracted);
    // An expression may have used the id before its text was known.
    if (!added && at->second.text == "NOASSERTION") {
      at->second = std::move(extracted);
    }
  }
}

std::vector<ExtractedLicense> LicenseExpressions::extracted() const {
  std::vector<ExtractedLicense> all;
  all.reserve(m_refs.size());
  for (const auto& [id, extracted] : m_refs) {
    all.push_back(extracted);
  }
  return all;
}

} // namespace kensa::format::spdx
