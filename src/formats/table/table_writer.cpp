#include "table_writer.hpp"

#include <kensa/util/terminal_text.hpp>

#include <algorithm>
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

// The byte offset just past the first `columns` code points of `text`.
std::size_t offset_of_column(std::string_view text, std::size_t columns) {
  std::size_t at = 0;
  while (at < text.size() && columns > 0) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
      ++at;
    }
    --columns;
  }
  return at;
}

constexpr std::string_view k_ellipsis = "\u2026";

// `text` cut to `width` columns, "…" marking the cut: at the end, or at the
// start for locations, whose end (the file) says most.
std::string fit(const std::string& text, std::size_t width, bool keep_end) {
  std::size_t have = display_width(text);
  if (have <= width) {
    return text;
  }
  if (width == 0) {
    return {};
  }
  if (keep_end) {
    return std::string(k_ellipsis) + text.substr(offset_of_column(text, have - (width - 1)));
  }
  return text.substr(0, offset_of_column(text, width - 1)) + std::string(k_ellipsis);
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

std::string location_text(const model::Component& component) {
  if (component.evidence.empty()) {
    return {};
  }
  std::string text = component.evidence.front().location;
  if (component.evidence.size() > 1) {
    text += " +" + std::to_string(component.evidence.size() - 1);
  }
  return text;
}

struct Column {
  std::string_view header;
  // Narrowest it is cut to.
  std::size_t min_width;
  // Cut at the start rather than the end.
  bool keep_end;
};

constexpr Column k_name{"NAME", 10, false};
constexpr Column k_version{"VERSION", 7, false};
constexpr Column k_type{"TYPE", 4, false};
constexpr Column k_scope{"SCOPE", 5, false};
constexpr Column k_found_by{"FOUND BY", 6, false};
constexpr Column k_purl{"PURL", 10, false};
constexpr Column k_location{"LOCATION", 10, true};

// `width` 0: no limit.
void write_rows(const model::Document& document, bool wide, std::size_t width, std::ostream& out) {
  std::vector<Column> columns{k_name, k_version, k_type, k_scope, k_found_by};
  if (wide) {
    columns.push_back(k_purl);
    columns.push_back(k_location);
  }
  using Row = std::vector<std::string>;
  std::vector<Row> rows;
  Row header;
  for (const auto& column : columns) {
    header.emplace_back(column.header);
  }
  rows.push_back(std::move(header));
  for (const auto& component : document.components) {
    std::string name =
        component.group.empty() ? component.name : component.group + "/" + component.name;
    // Names and versions come from the input: a table is read on a
    // terminal, where a control character would act instead of show.
    Row row{escape_for_terminal(name), escape_for_terminal(component.version),
            std::string(model::component_type_name(component.type)), scope_text(component),
            escape_for_terminal(found_by(component))};
    if (wide) {
      row.push_back(escape_for_terminal(component.purl));
      row.push_back(escape_for_terminal(location_text(component)));
    }
    rows.push_back(std::move(row));
  }
  if (rows.size() == 1) {
    out << "No components found.\n";
    return;
  }
  std::vector<std::size_t> widths(columns.size(), 0);
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      widths[column] = std::max(widths[column], display_width(row[column]));
    }
  }
  if (width > 0) {
    // Two blanks between columns; the widest column that can still give
    // is narrowed, one column at a time, until the rows fit.
    auto total = [&] {
      std::size_t sum = 2 * (widths.size() - 1);
      for (std::size_t w : widths) {
        sum += w;
      }
      return sum;
    };
    for (std::size_t excess = total() > width ? total() - width : 0; excess > 0; --excess) {
      std::size_t widest = widths.size();
      for (std::size_t column = 0; column < widths.size(); ++column) {
        if (widths[column] > columns[column].min_width &&
            (widest == widths.size() || widths[column] > widths[widest])) {
          widest = column;
        }
      }
      if (widest == widths.size()) {
        break; // Every column is as narrow as it goes.
      }
      --widths[widest];
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t column = 0; column < row.size(); ++column) {
      std::string cell = fit(row[column], widths[column], columns[column].keep_end);
      std::size_t cell_width = display_width(cell);
      line += cell;
      if (column + 1 < row.size()) {
        line.append(widths[column] - cell_width + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    if (width > 0) {
      // A terminal narrower than the narrowest columns: the end goes.
      line = fit(line, width, false);
    }
    out << line << '\n';
  }
}

} // namespace

void write_table(const model::Document& document, std::string_view, std::ostream& out,
                 LossReport&) {
  write_rows(document, false, 0, out);
}

void write_wide_table(const model::Document& document, std::string_view, std::ostream& out,
                      LossReport&) {
  write_rows(document, true, 0, out);
}

void write_table_within(const model::Document& document, std::size_t width, std::ostream& out) {
  write_rows(document, false, width, out);
}

void write_wide_table_within(const model::Document& document, std::size_t width,
                             std::ostream& out) {
  write_rows(document, true, width, out);
}

} // namespace kensa::format::table
