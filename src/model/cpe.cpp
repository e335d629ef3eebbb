#include <kensa/model/cpe.hpp>
#include <kensa/util/strings.hpp>

#include <array>
#include <vector>

namespace kensa::model {

namespace {

constexpr std::size_t k_cpe23_components = 13; // "cpe", "2.3" and 11 attributes

std::string_view part_letter(CpePart part) {
  switch (part) {
  case CpePart::application:
    return "a";
  case CpePart::operating_system:
    return "o";
  case CpePart::hardware:
    return "h";
  }
  return "a";
}

// Decodes one CPE 2.2 URI component into the 2.3 formatted-string form.
// "" is ANY and "-" is NA in both bindings; %01 and %02 are the URI's
// wildcards '?' and '*', which stay special (unescaped) in 2.3.
std::optional<std::string> uri_component_to_fs(std::string_view component) {
  if (component.empty()) {
    return std::string("*");
  }
  if (component == "-") {
    return std::string("-");
  }
  std::string result;
  for (std::size_t i = 0; i < component.size(); ++i) {
    char c = component[i];
    if (c == '%') {
      if (i + 2 >= component.size()) {
        return std::nullopt;
      }
      int high = hex_digit_value(component[i + 1]);
      int low = hex_digit_value(component[i + 2]);
      if (high < 0 || low < 0) {
        return std::nullopt;
      }
      char decoded = static_cast<char>(high * 16 + low);
      i += 2;
      if (decoded == '\x01') {
        result += '?';
        continue;
      }
      if (decoded == '\x02') {
        result += '*';
        continue;
      }
      c = decoded;
    }
    auto escaped = escape_cpe_value(std::string_view(&c, 1));
    if (!escaped) {
      return std::nullopt;
    }
    result += *escaped;
  }
  return result;
}

// Splits a 2.3 formatted string on the colons that are not escaped.
std::vector<std::string_view> split_formatted(std::string_view name) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '\\') {
      ++i;
      continue;
    }
    if (name[i] == ':') {
      parts.push_back(name.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(name.substr(start));
  return parts;
}

} // namespace

std::optional<std::string> escape_cpe_value(std::string_view value) {
  if (value.empty()) {
    return std::string("*");
  }
  std::string result;
  result.reserve(value.size());
  for (char c : value) {
    auto byte = static_cast<unsigned char>(c);
    if (is_ascii_alnum(c) || c == '_' || c == '-' || c == '.') {
      result += c;
    } else if (c == ' ' || c == '\t') {
      // WFN values hold no white space; NVD writes it as '_' in names.
      result += '_';
    } else if (byte > 0x20 && byte < 0x7f) {
      result += '\\';
      result += c;
    } else {
      return std::nullopt;
    }
  }
  return result;
}

std::optional<std::string> make_cpe23(CpePart part, std::string_view vendor,
                                      std::string_view product, std::string_view version) {
  if (trim(vendor).empty() || trim(product).empty()) {
    return std::nullopt;
  }
  auto escaped_vendor = escape_cpe_value(to_lower_ascii(trim(vendor)));
  auto escaped_product = escape_cpe_value(to_lower_ascii(trim(product)));
  auto escaped_version = escape_cpe_value(trim(version));
  if (!escaped_vendor || !escaped_product || !escaped_version) {
    return std::nullopt;
  }
  return "cpe:2.3:" + std::string(part_letter(part)) + ":" + *escaped_vendor + ":" +
         *escaped_product + ":" + *escaped_version + ":*:*:*:*:*:*:*";
}

std::optional<std::string> cpe23_from_name(std::string_view name) {
  name = trim(name);
  if (starts_with_ignore_case(name, "cpe:2.3:")) {
    auto parts = split_formatted(name);
    if (parts.size() != k_cpe23_components) {
      return std::nullopt;
    }
    for (char c : name) {
      auto byte = static_cast<unsigned char>(c);
      if (byte <= 0x20 || byte >= 0x7f) {
        return std::nullopt;
      }
    }
    return std::string(name);
  }
  if (!starts_with_ignore_case(name, "cpe:/")) {
    return std::nullopt;
  }
  auto components = split(name.substr(5), ':');
  if (components.size() > 7 || components.empty()) {
    return std::nullopt;
  }
  // part, vendor, product, version, update, edition, language; missing
  // trailing components are ANY.
  std::array<std::string, 11> attributes;
  attributes.fill("*");
  std::string_view part = components[0];
  if (part != "a" && part != "o" && part != "h") {
    return std::nullopt;
  }
  attributes[0] = std::string(part);
  for (std::size_t i = 1; i < components.size(); ++i) {
    std::string_view component = components[i];
    if (i == 5 && component.starts_with('~')) {
      // A packed edition carries edition, sw_edition, target_sw, target_hw
      // and other.
      auto packed = split(component.substr(1), '~');
      if (packed.size() != 5) {
        return std::nullopt;
      }
      constexpr std::array<std::size_t, 5> k_slots{5, 7, 8, 9, 10};
      for (std::size_t n = 0; n < packed.size(); ++n) {
        auto value = uri_component_to_fs(packed[n]);
        if (!value) {
          return std::nullopt;
        }
        attributes[k_slots[n]] = *value;
      }
      continue;
    }
    auto value = uri_component_to_fs(component);
    if (!value) {
      return std::nullopt;
    }
    // The URI's seven components are the first seven 2.3 attributes.
    attributes[i] = *value;
  }
  for (std::size_t i = 1; i <= 2; ++i) {
    if (attributes[i] != "*" && attributes[i] != "-") {
      attributes[i] = to_lower_ascii(attributes[i]);
    }
  }
  std::string result = "cpe:2.3";
  for (const auto& attribute : attributes) {
    result += ':';
    result += attribute;
  }
  return result;
}

} // namespace kensa::model
