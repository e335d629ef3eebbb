#include "extracted_licenses.hpp"

#include "../common/license_lists.hpp"
#include "../common/unread_members.hpp"
#include "spdx_licenses.hpp"

#include <algorithm>

namespace kensa::format::spdx {

void keep_extracted_license(const std::string& id, const ExtractedInfo& info,
                            std::vector<model::Property>& properties) {
  if (info.name == info.text) {
    return;
  }
  properties.push_back({std::string(k_license_text_prefix) + id, info.text});
  if (!info.name.empty()) {
    properties.push_back({std::string(k_license_name_prefix) + id, info.name});
  }
}

void attach_unlisted_texts(model::Component& component, const ExtractedInfos& texts,
                           std::set<std::string, std::less<>>& attached) {
  for (auto& evidence : component.license_evidence) {
    if (evidence.method != model::LicenseMatchMethod::unlisted || !evidence.text.empty()) {
      continue;
    }
    const auto found = texts.find(evidence.expression);
    if (found != texts.end() && !found->second.text.empty() &&
        found->second.text != "NOASSERTION") {
      evidence.text = found->second.text;
      attached.insert(evidence.expression);
    }
  }
}

void drop_kept_license_texts(const std::set<std::string, std::less<>>& ids,
                             std::vector<model::Property>& properties) {
  if (ids.empty()) {
    return;
  }
  std::erase_if(properties, [&](const model::Property& property) {
    for (const auto prefix : {k_license_text_prefix, k_license_name_prefix}) {
      if (property.name.starts_with(prefix) &&
          ids.contains(std::string_view(property.name).substr(prefix.size()))) {
        return true;
      }
    }
    return false;
  });
}

std::vector<model::License> licenses_of_expression(std::string_view expression,
                                                   const ExtractedInfos& extracted) {
  std::vector<model::License> licenses;
  if (common::says_nothing(expression)) {
    return licenses;
  }
  auto kensa_name = [&](std::string_view part) -> const ExtractedInfo* {
    auto it = extracted.find(part);
    if (it == extracted.end() || it->second.name != it->second.text || it->second.name.empty() ||
        it->second.name == "NOASSERTION") {
      return nullptr;
    }
    return &it->second;
  };
  auto parts = common::top_level_conjuncts(expression);
  const bool split =
      parts.size() > 1 && std::any_of(parts.begin(), parts.end(), [&](const std::string& part) {
        return kensa_name(part) != nullptr;
      });
  if (!split) {
    parts = {std::string(expression)};
  }
  for (const auto& part : parts) {
    if (const auto* info = kensa_name(part)) {
      licenses.push_back({"", info->name, info->url});
      continue;
    }
    auto parsed = model::parse_license_expression(part);
    if (parsed) {
      licenses.push_back({parsed->canonical, "", ""});
    } else {
      licenses.push_back({"", part, ""});
    }
  }
  return licenses;
}

} // namespace kensa::format::spdx
