#include "table_writer.hpp"

#include <kensa/util/terminal_text.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <vector>

namespace kensa::format::table {

namespace {

// Display width of UTF-8 text, counting code points: good enough for
// package names, which are almost always ASCII.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string found_by(const model::Component& component) {
  std::set<std::string> scanners;
  for (const auto& evidence : component.evidence) {
    scanners.insert(evidence.found_by);
  }
  std::string text;
  for (const auto& scanner : scanners) {
    text += text.empty() ? "" : ",";
    text += scanner;
  }
  return text;
}

std::string scope_text(const model::Component& component) {
  std::string text(component.scope == model::Scope::unknown ? ""
                                                            : model::scope_name(component.scope));
  if (component.development) {
    text += text.empty() ? "dev" : ",dev";
  }
  return text;
}

} // namespace

void write_table(const model::Document& document, std::string_view, std::ostream& out,
                 LossReport&) {
  using Row = std::array<std::string, 5>;
  std::vector<Row> rows;
  rows.push_back({"NAME", "VERSION", "TYPE", "SCOPE", "FOUND BY"});
  for (const auto& component : document.components) {
    std::string name =
        component.group.empty() ? component.name : component.group + "/" + component.name;
    // Names and versions come from the input: a table is read on a
    // terminal, where a control character would act instead of show.
    rows.push_back({escape_for_terminal(name), escape_for_terminal(component.version),
                    std::string(model::component_type_name(component.type)), scope_text(component),
                    escape_for_terminal(found_by(component))});
  }
  if (rows.size() == 1) {
    out << "No components found.\n";
    return;
  }
  std::array<std::size_t, 5> widths{};
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      widths[column] = std::max(widths[column], display_width(row[column]));
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t column = 0; column < row.size(); ++column) {
      line += row[column];
      if (column + 1 < row.size()) {
        line.append(widths[column] - display_width(row[column]) + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out << line << '\n';
  }
}

} // namespace kensa::format::table
