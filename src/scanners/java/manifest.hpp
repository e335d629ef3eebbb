#pragma once

#include <string>
#include <string_view>
#include <vector>

// META-INF/MANIFEST.MF, as the JAR File Specification defines it: lines of
// at most 72 bytes, a line starting with one space continuing the one
// before, a main section up to the first blank line, then per-entry
// sections.
namespace kensa::scanner::java {

// Attributes past this count are ignored (a manifest lists one section per
// class in signed jars; only the main section matters here).
inline constexpr std::size_t k_max_manifest_attributes = 1'000;

struct ManifestAttribute {
  std::string name;
  std::string value;
};

class Manifest {
 public:
  // The main section's attributes, in order.
  std::vector<ManifestAttribute> main;

  // The value of a main attribute, its name compared ignoring case (the
  // specification says names are case-insensitive); empty when absent.
  std::string_view get(std::string_view name) const;
};

Manifest parse_manifest(std::string_view text);

// An OSGi header value's first clause without its parameters:
// "org.example.core;singleton:=true" gives "org.example.core".
std::string_view osgi_first_clause(std::string_view value);

} // namespace kensa::scanner::java
