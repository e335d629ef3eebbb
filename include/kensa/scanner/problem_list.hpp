#pragma once

#include <kensa/model/diagnostic_budget.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kensa::scanner {

// The problems a parser found in one file, for its caller to report
// (FileReport::warn_all). Only the first k_max_diagnostics_per_location
// are kept, since no more would be shown: a file with 30,000,000 bad lines
// costs a count, not 30,000,000 strings.
class ProblemList {
 public:
  void push_back(std::string problem) {
    if (m_kept.size() < model::k_max_diagnostics_per_location) {
      m_kept.push_back(std::move(problem));
      return;
    }
    if (m_left_out == 0) {
      m_left_out_kind = model::diagnostic_kind(problem);
    } else if (m_left_out_alike && !model::is_of_kind(problem, m_left_out_kind)) {
      m_left_out_alike = false;
      m_left_out_kind.clear();
    }
    ++m_left_out;
  }

  // Whether no problem was found (kept or not).
  bool empty() const { return m_kept.empty(); }
  // Problems found, kept or not.
  std::uint64_t count() const { return m_kept.size() + m_left_out; }
  // The kept problems, in the order found.
  std::vector<std::string>::const_iterator begin() const { return m_kept.begin(); }
  std::vector<std::string>::const_iterator end() const { return m_kept.end(); }
  const std::string& front() const { return m_kept.front(); }
  const std::vector<std::string>& kept() const { return m_kept; }

  // Problems found after the first k_max_diagnostics_per_location.
  std::uint64_t left_out() const { return m_left_out; }
  // What they all say (model::diagnostic_kind), empty when they differ.
  const std::string& left_out_kind() const { return m_left_out_kind; }

 private:
  std::vector<std::string> m_kept;
  std::uint64_t m_left_out = 0;
  std::string m_left_out_kind;
  bool m_left_out_alike = true;
};

} // namespace kensa::scanner
