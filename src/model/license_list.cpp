#include <kensa/model/license.hpp>
#include <kensa/util/resources.hpp>
#include <kensa/util/strings.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace kensa::model {

namespace {

constexpr std::string_view k_resource_name = "spdx/license-list.json";

// Orders ids as SPDX compares them: ASCII case does not matter.
bool less_ignoring_case(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return to_lower_ascii(x) < to_lower_ascii(y);
  });
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return !less_ignoring_case(a, b) && !less_ignoring_case(b, a);
}

const LicenseListEntry* find_ignoring_case(const std::vector<LicenseListEntry>& entries,
                                           std::string_view id) {
  const auto it = std::lower_bound(entries.begin(), entries.end(), id,
                                   [](const LicenseListEntry& entry, std::string_view wanted) {
                                     return less_ignoring_case(entry.id, wanted);
                                   });
  if (it == entries.end() || !equal_ignoring_case(it->id, id)) {
    return nullptr;
  }
  return &*it;
}

[[noreturn]] void malformed(const std::string& what) {
  throw std::runtime_error("malformed SPDX license list: " + what);
}

const nlohmann::json& member(const nlohmann::json& object, const char* key,
                             const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end()) {
    malformed(where + " has no \"" + key + "\"");
  }
  return *it;
}

std::string string_member(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto& value = member(object, key, where);
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    malformed(where + " \"" + key + "\" is not a non-empty string");
  }
  return value.get<std::string>();
}

bool bool_member(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto& value = member(object, key, where);
  if (!value.is_boolean()) {
    malformed(where + " \"" + key + "\" is not a boolean");
  }
  return value.get<bool>();
}

std::vector<LicenseListEntry> parse_entries(const nlohmann::json& document, const char* key,
                                            bool has_osi_flag) {
  const auto& array = member(document, key, "the list");
  if (!array.is_array()) {
    malformed(std::string("\"") + key + "\" is not an array");
  }
  std::vector<LicenseListEntry> entries;
  entries.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    const auto& item = array[i];
    const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      malformed(where + " is not an object");
    }
    LicenseListEntry entry;
    entry.id = string_member(item, "id", where);
    entry.name = string_member(item, "name", where);
    entry.deprecated = bool_member(item, "deprecated", where);
    entry.osi_approved = has_osi_flag && bool_member(item, "osiApproved", where);
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return less_ignoring_case(a.id, b.id); });
  // Ids that differ only in case would make the lookups ambiguous.
  const auto clash =
      std::adjacent_find(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return equal_ignoring_case(a.id, b.id);
      });
  if (clash != entries.end()) {
    malformed(std::string("\"") + key + "\" lists " + clash->id + " and " + std::next(clash)->id);
  }
  return entries;
}

} // namespace

LicenseList parse_license_list(std::string_view json) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& error) {
    malformed(error.what());
  }
  if (!document.is_object()) {
    malformed("not a JSON object");
  }
  LicenseList list;
  list.m_version = string_member(document, "licenseListVersion", "the list");
  list.licenses = parse_entries(document, "licenses", true);
  list.exceptions = parse_entries(document, "exceptions", false);
  return list;
}

const LicenseList& LicenseList::bundled() {
  // A function-local static is initialised once even under concurrent first
  // calls; if parsing throws, the next call tries again.
  static const LicenseList list = [] {
    const auto data = resources::find(k_resource_name);
    if (!data) {
      throw std::logic_error(
          "the SPDX license list is not embedded (schemas/spdx/license-list.json)");
    }
    return parse_license_list(*data);
  }();
  return list;
}

const LicenseListEntry* LicenseList::find_license(std::string_view id) const {
  return find_ignoring_case(licenses, id);
}

const LicenseListEntry* LicenseList::find_exception(std::string_view id) const {
  return find_ignoring_case(exceptions, id);
}

} // namespace kensa::model
