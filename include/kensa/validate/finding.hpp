#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// What every layer of `kensa validate` (schema, semantic rules, profiles)
// reports: one finding with a stable rule id, a severity and a location.
namespace kensa::validate {

enum class Severity {
  error,
  warning,
  info,
};

// "error", "warning" or "info".
std::string_view to_string(Severity severity);

struct Finding {
  Severity severity = Severity::error;
  // Stable id, documented in docs/validate/rules.md: "schema", "CDX-REF-DEP",
  // "SPDX-NAMESPACE", "PROFILE-MISSING", ...
  std::string rule;
  // JSON Pointer (RFC 6901) into the document, or the XML element path.
  std::string location;
  // 1-based line when known (XML, parse errors), else 0.
  std::size_t line = 0;
  // One sentence: what is wrong, naming the values involved.
  std::string message;
  // One line: how to fix it. May be empty.
  std::string hint;
};

} // namespace kensa::validate
