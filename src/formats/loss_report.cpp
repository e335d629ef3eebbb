#include <kensa/format/loss_report.hpp>

namespace kensa::format {

void LossReport::add(std::string_view field, std::size_t count) {
  if (count == 0) {
    return;
  }
  auto it = m_entries.find(field);
  if (it == m_entries.end()) {
    m_entries.emplace(std::string(field), count);
  } else {
    it->second += count;
  }
}

void LossReport::merge(const LossReport& other) {
  for (const auto& [field, count] : other.m_entries) {
    add(field, count);
  }
}

} // namespace kensa::format
