#pragma once

#include <map>
#include <string>
#include <string_view>

// Java .properties text (pom.properties): comments, the three key/value
// separators, continuation lines and escapes, as java.util.Properties reads
// them.
namespace kensa::scanner::java {

// Keys past this count are ignored: pom.properties holds three.
inline constexpr std::size_t k_max_property_count = 10'000;

// Later duplicates of a key win, as in java.util.Properties.
std::map<std::string, std::string> parse_properties(std::string_view text);

} // namespace kensa::scanner::java
