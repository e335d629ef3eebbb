#pragma once

#include <kensa/scanner/problem_list.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// deb822 control data: paragraphs of "Name: value" fields, continuation lines
// starting with a space or tab, paragraphs separated by blank lines. dpkg's
// status file, status.d files and machine-readable copyright files all use it.
// Values are views into the parsed text, which must outlive them.
namespace kensa::scanner::dpkg {

struct Field {
  std::string_view name;
  // Everything after the colon, continuation lines included (with their
  // leading space and the newlines between them), trimmed at both ends.
  std::string_view value;
};

struct Paragraph {
  // 1-based line of the paragraph's first field.
  std::size_t line = 0;
  std::vector<Field> fields;

  // The value of the field called `name` (case-insensitive, as deb822 says),
  // or empty.
  std::string_view get(std::string_view name) const;
  bool has(std::string_view name) const;
};

// The first line of a field value ("GPL-2+" of a License field followed by
// the license text).
std::string_view first_line(std::string_view value);

// Caps for text from untrusted files.
struct ControlLimits {
  std::size_t max_paragraphs = 1'000'000;
  std::size_t max_fields_per_paragraph = 1000;
};

struct ControlParse {
  std::vector<Paragraph> paragraphs;
  // Lines that are neither a field, a continuation nor blank, and limits hit:
  // "line 12: not a field".
  ProblemList problems;
};

// Parses `text` into paragraphs. Never fails: bad lines are skipped and
// reported in `problems`, and what can be read is returned. A "#" line
// outside a field is a comment (deb822 allows them in some files).
ControlParse parse_control(std::string_view text, const ControlLimits& limits = {});

} // namespace kensa::scanner::dpkg
