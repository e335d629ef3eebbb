#pragma once

#include <algorithm>
#include <span>

// IDNA2008 code point data (RFC 5892) for the idn-hostname format:
// generated into idna_tables.cpp by tests/validate/tools/generate-idna-tables.py.
namespace kensa::validate::schema::idna {

// An inclusive range of code points; tables are sorted and disjoint.
struct CodePointRange {
  char32_t first;
  char32_t last;
};

// Code points a label may hold anywhere (IDNA derived property PVALID).
std::span<const CodePointRange> pvalid();
// Allowed only in context: the joiners (CONTEXTJ) and the characters with
// the rules of RFC 5892 appendix A (CONTEXTO).
std::span<const CodePointRange> contextj();
std::span<const CodePointRange> contexto();
// General category M*: a label must not start with one.
std::span<const CodePointRange> combining_marks();
// Canonical combining class 9 (virama), which a zero-width joiner follows.
std::span<const CodePointRange> viramas();
// Scripts the CONTEXTO rules look for.
std::span<const CodePointRange> script_greek();
std::span<const CodePointRange> script_han();
std::span<const CodePointRange> script_hebrew();
std::span<const CodePointRange> script_hiragana();
std::span<const CodePointRange> script_katakana();

inline bool contains(std::span<const CodePointRange> table, char32_t code_point) {
  const auto it = std::upper_bound(
      table.begin(), table.end(), code_point,
      [](char32_t value, const CodePointRange& range) { return value < range.first; });
  return it != table.begin() && code_point <= std::prev(it)->last;
}

} // namespace kensa::validate::schema::idna
