#pragma once

#include "classify_bytes.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <optional>
#include <string>

// The component of a classified binary.
namespace kensa::scanner::binary_classifier {

// Property naming the classifier row a component was found by.
inline constexpr std::string_view k_property_class = "kensa:binary:class";

// What the scan keeps of `file` (an executable or shared library named like
// a row of the table) as it arrives, instead of its bytes: a line
// "<row id>\t<version>" for each row found in it. Empty when the file is
// not an executable or holds none of its rows' patterns. Never throws
// for any bytes.
std::optional<std::string> condense_classified(const source::SourceFile& file);

// Adds a component for each row condense_classified found in `file`.
void add_classified(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::binary_classifier
