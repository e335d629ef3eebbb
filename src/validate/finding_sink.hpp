#pragma once

#include <kensa/validate/finding.hpp>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

// Collects findings up to a cap, so a document with a million bad values
// costs bounded memory; the rest are only counted.
namespace kensa::validate {

class FindingSink {
 public:
  explicit FindingSink(std::size_t max_findings) : m_max(max_findings) {}

  void add(Severity severity, std::string rule, std::string location, std::string message,
           std::string hint = {}) {
    add(Finding{severity, std::move(rule), std::move(location), 0, std::move(message),
                std::move(hint)});
  }

  void add(Finding finding) {
    if (m_findings.size() >= m_max) {
      ++m_dropped;
      return;
    }
    m_findings.push_back(std::move(finding));
  }

  // Adds what `other` collected (and counted) after this sink's own, as if
  // it had been added here in the first place.
  void append(FindingSink&& other) {
    for (auto& finding : other.m_findings) {
      add(std::move(finding));
    }
    m_dropped += other.m_dropped;
    other.m_findings.clear();
    other.m_dropped = 0;
  }

  std::size_t capacity() const { return m_max; }
  std::vector<Finding>& findings() { return m_findings; }
  std::size_t dropped() const { return m_dropped; }

 private:
  std::size_t m_max;
  std::vector<Finding> m_findings;
  std::size_t m_dropped = 0;
};

} // namespace kensa::validate
