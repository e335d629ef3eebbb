#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace kensa::format {

// What a reader or writer could not carry over, counted per field, so that a
// conversion lists its losses instead of dropping data silently. A field is a
// short phrase naming the data and, where it helps, why: "component scope
// (SPDX has no such field)".
class LossReport {
 public:
  // Counts `count` more occurrences of `field`; a zero count is ignored.
  void add(std::string_view field, std::size_t count = 1);

  // Adds every entry of `other`.
  void merge(const LossReport& other);

  bool empty() const { return m_entries.empty(); }

  // Field to count, sorted by field.
  const std::map<std::string, std::size_t, std::less<>>& entries() const { return m_entries; }

 private:
  std::map<std::string, std::size_t, std::less<>> m_entries;
};

} // namespace kensa::format
