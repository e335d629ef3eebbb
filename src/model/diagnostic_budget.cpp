#include <kensa/model/diagnostic_budget.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>

namespace kensa::model {

std::string diagnostic_kind(std::string_view message) {
  std::string kind;
  kind.reserve(message.size());
  for (std::size_t i = 0; i < message.size(); ++i) {
    char c = message[i];
    if (is_ascii_digit(c)) {
      while (i + 1 < message.size() && is_ascii_digit(message[i + 1])) {
        ++i;
      }
      kind += '#';
    } else if (c == '\'' || c == '"') {
      std::size_t close = message.find(c, i + 1);
      if (close == std::string_view::npos) {
        kind += message.substr(i);
        break;
      }
      kind += c;
      kind += c;
      i = close;
    } else {
      kind += c;
    }
  }
  return kind;
}

bool is_of_kind(std::string_view message, std::string_view kind) {
  // diagnostic_kind() walked in step with `kind`.
  std::size_t k = 0;
  for (std::size_t i = 0; i < message.size(); ++i) {
    char c = message[i];
    if (is_ascii_digit(c)) {
      while (i + 1 < message.size() && is_ascii_digit(message[i + 1])) {
        ++i;
      }
      if (k >= kind.size() || kind[k] != '#') {
        return false;
      }
      ++k;
    } else if (c == '\'' || c == '"') {
      std::size_t close = message.find(c, i + 1);
      if (close == std::string_view::npos) {
        return kind.substr(k) == message.substr(i);
      }
      if (k + 1 >= kind.size() || kind[k] != c || kind[k + 1] != c) {
        return false;
      }
      k += 2;
      i = close;
    } else {
      if (k >= kind.size() || kind[k] != c) {
        return false;
      }
      ++k;
    }
  }
  return k == kind.size();
}

void cut_long_message(std::string& message) {
  if (message.size() <= k_max_diagnostic_message) {
    return;
  }
  std::size_t end = k_max_diagnostic_message;
  while (end > 0 && (static_cast<unsigned char>(message[end]) & 0xC0) == 0x80) {
    --end;
  }
  std::size_t cut = message.size() - end;
  message.resize(end);
  message += "... (" + with_thousands(cut) + " more bytes)";
}

std::string with_thousands(std::uint64_t count) {
  std::string digits = std::to_string(count);
  std::string text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      text += ',';
    }
    text += digits[i];
  }
  return text;
}

DiagnosticBudget::PerLocation* DiagnosticBudget::find_or_add(std::string_view location) {
  auto it = m_locations.find(location);
  if (it != m_locations.end()) {
    return &it->second;
  }
  // Past the overall cap a new location would grow the map without bound.
  if (m_kept >= k_max_diagnostics) {
    return nullptr;
  }
  return &m_locations.emplace(std::string(location), PerLocation{}).first->second;
}

void DiagnosticBudget::note_left_out(PerLocation& place, std::string_view kind,
                                     std::uint64_t count) {
  if (kind.empty()) {
    place.several_kinds = true;
    place.left_out_kind.clear();
  } else if (place.left_out == 0) {
    place.left_out_kind = std::string(kind);
  } else if (!place.several_kinds && place.left_out_kind != kind) {
    place.several_kinds = true;
    place.left_out_kind.clear();
  }
  place.left_out += count;
}

void DiagnosticBudget::count_kind(std::string_view kind, std::uint64_t count,
                                  const std::string* message) {
  auto it = m_kind_counts.find(kind);
  if (it == m_kind_counts.end()) {
    if (kind.empty() || m_kind_counts.size() >= k_max_tallied_kinds) {
      m_other_kinds += count;
      return;
    }
    it =
        m_kind_counts.emplace(std::string(kind), KindCount{0, message ? *message : "", true}).first;
  }
  KindCount& counted = it->second;
  counted.count += count;
  if (counted.same_message && (message == nullptr || *message != counted.message)) {
    counted.same_message = false;
    counted.message.clear();
  }
}

bool DiagnosticBudget::admit(const Diagnostic& diagnostic) {
  std::string kind = diagnostic_kind(diagnostic.message);
  if (diagnostic.severity == Severity::warning) {
    count_kind(kind, 1, &diagnostic.message);
  }
  PerLocation* place = find_or_add(diagnostic.location);
  if (place == nullptr) {
    ++m_left_out_elsewhere;
    return false;
  }
  if (m_kept >= k_max_diagnostics || place->kept >= k_max_diagnostics_per_location) {
    note_left_out(*place, kind, 1);
    return false;
  }
  auto [it, added] = place->kinds.try_emplace(std::move(kind), 0);
  if (it->second >= k_max_diagnostics_per_kind) {
    note_left_out(*place, it->first, 1);
    return false;
  }
  ++it->second;
  ++place->kept;
  ++m_kept;
  return true;
}

void DiagnosticBudget::count_left_out(std::string_view location, std::uint64_t count,
                                      std::string_view kind) {
  if (count == 0) {
    return;
  }
  count_kind(kind, count, nullptr);
  if (PerLocation* place = find_or_add(location)) {
    note_left_out(*place, kind, count);
  } else {
    m_left_out_elsewhere += count;
  }
}

std::vector<Diagnostic> DiagnosticBudget::summaries() const {
  std::vector<Diagnostic> lines;
  for (const auto& [location, place] : m_locations) {
    if (place.left_out == 0) {
      continue;
    }
    lines.push_back(Diagnostic{
        Severity::warning, location,
        "and " + with_thousands(place.left_out) +
            (place.several_kinds ? " more warnings about this file" : " more like this")});
  }
  if (m_left_out_elsewhere > 0) {
    lines.push_back(Diagnostic{Severity::warning, "",
                               "and " + with_thousands(m_left_out_elsewhere) +
                                   " more warnings about other files"});
  }
  return lines;
}

WarningTally DiagnosticBudget::tally() const {
  WarningTally tally;
  for (const auto& [kind, counted] : m_kind_counts) {
    tally.kinds.push_back(
        WarningTally::Kind{kind, counted.count, counted.same_message ? counted.message : ""});
    tally.total += counted.count;
  }
  if (m_other_kinds > 0) {
    tally.kinds.push_back(WarningTally::Kind{"", m_other_kinds, ""});
    tally.total += m_other_kinds;
  }
  std::stable_sort(
      tally.kinds.begin(), tally.kinds.end(),
      [](const WarningTally::Kind& a, const WarningTally::Kind& b) { return a.count > b.count; });
  return tally;
}

std::string readable_kind(std::string_view kind) {
  std::string text;
  text.reserve(kind.size());
  for (std::size_t i = 0; i < kind.size(); ++i) {
    char c = kind[i];
    if (c == '#') {
      text += 'N';
    } else if ((c == '\'' || c == '"') && i + 1 < kind.size() && kind[i + 1] == c) {
      text += c;
      text += "\u2026";
      text += c;
      ++i;
    } else {
      text += c;
    }
  }
  return text;
}

} // namespace kensa::model
