// Format names as users write them, resolved against the one format table
// (registry.cpp): -o, `validate --format`, the validator's reports and
// `kensa --version` all spell formats this way.
#include <kensa/format/writer.hpp>

#include <algorithm>

namespace kensa::format {

namespace {

std::string joined(std::span<const std::string_view> items) {
  std::string list;
  for (const auto item : items) {
    list += list.empty() ? "" : ", ";
    list += item;
  }
  return list;
}

std::string known_formats() {
  std::string list;
  for (const auto& format : output_formats()) {
    list += list.empty() ? "" : ", ";
    list += format.name;
  }
  for (const auto& alias : format_aliases()) {
    list += ", ";
    list += alias.alias;
  }
  return list;
}

bool listed(std::span<const std::string_view> versions, std::string_view version) {
  return std::find(versions.begin(), versions.end(), version) != versions.end();
}

// The table's spelling of `version` for `format`.
std::string_view canonical_version(const OutputFormat& format, std::string_view version) {
  for (const auto& alias : version_aliases()) {
    if (alias.name == format.name && alias.alias == version) {
      return alias.version;
    }
  }
  return version;
}

} // namespace

Result<FormatName> parse_format_name(std::string_view text, FormatUse use) {
  std::string_view name = text;
  std::string_view version;
  bool version_given = false;
  if (const auto at = name.find('@'); at != std::string_view::npos) {
    version = name.substr(at + 1);
    name = name.substr(0, at);
    version_given = true;
  }
  FormatName resolved;
  resolved.format = find_output_format(name);
  std::string_view implied_version;
  if (resolved.format == nullptr) {
    for (const auto& alias : format_aliases()) {
      if (alias.alias == name) {
        resolved.format = find_output_format(alias.name);
        implied_version = alias.version;
      }
    }
  }
  if (resolved.format == nullptr) {
    return fail("unknown format '" + std::string(name) + "' (known: " + known_formats() + ")");
  }
  const OutputFormat& format = *resolved.format;
  if (version_given && format.versions.empty()) {
    return fail("format '" + std::string(name) + "' has no versions");
  }
  if (version_given) {
    const std::string_view canonical = canonical_version(format, version);
    const auto versions = use == FormatUse::write ? format.versions : format.read_versions;
    // An alias that names a version (spdx3-jsonld) takes only that version.
    const bool fits_alias = implied_version.empty() || canonical == implied_version;
    if (!listed(versions, canonical) || !fits_alias) {
      return fail("format '" + std::string(name) + "' has no version '" + std::string(version) +
                  "' (known: " +
                  (implied_version.empty() ? joined(versions) : std::string(implied_version)) +
                  ")");
    }
    resolved.version = std::string(canonical);
  } else if (!implied_version.empty()) {
    resolved.version = std::string(implied_version);
  } else if (use == FormatUse::write) {
    resolved.version = std::string(format.default_version);
  }
  return resolved;
}

DetectedFormat document_format(const OutputFormat& format, std::string_view version) {
  DetectedFormat detected{format.family, format.encoding, std::string(version)};
  if (format.family == DocumentFamily::spdx && version.starts_with("3")) {
    detected.encoding = DocumentEncoding::json_ld;
    // The SPDX 3 version kensa reads and writes is 3.0.1.
    detected.spec_version = "3.0.1";
  }
  return detected;
}

const OutputFormat* format_of(const DetectedFormat& detected) {
  if (detected.family == DocumentFamily::unknown) {
    return nullptr;
  }
  const DocumentEncoding encoding =
      detected.encoding == DocumentEncoding::json_ld ? DocumentEncoding::json : detected.encoding;
  for (const auto& format : output_formats()) {
    if (format.family == detected.family && format.encoding == encoding) {
      return &format;
    }
  }
  return nullptr;
}

std::string format_label(const DetectedFormat& detected) {
  const OutputFormat* format = format_of(detected);
  std::string label(format != nullptr ? format->name : "unknown");
  if (!detected.spec_version.empty()) {
    label += " " + detected.spec_version;
  }
  return label;
}

std::string format_listing() {
  std::string list;
  for (const auto& format : output_formats()) {
    list += list.empty() ? "" : " ";
    list += format.name;
    std::string_view separator = "@";
    for (const auto version : format.versions) {
      list += separator;
      list += version;
      separator = "|";
    }
  }
  for (const auto& alias : format_aliases()) {
    list += " ";
    list += alias.alias;
    list += "=";
    list += alias.name;
    if (!alias.version.empty()) {
      list += "@";
      list += alias.version;
    }
  }
  return list;
}

} // namespace kensa::format
