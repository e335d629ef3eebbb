#include "control.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner::dpkg {

namespace {

bool is_blank(std::string_view line) {
  return trim(line).empty();
}

// deb822 field names are printable US-ASCII, not starting with '#' or '-',
// without a colon or white space.
bool is_field_name(std::string_view name) {
  if (name.empty() || name.front() == '#' || name.front() == '-') {
    return false;
  }
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f) {
      return false;
    }
  }
  return true;
}

} // namespace

std::string_view Paragraph::get(std::string_view name) const {
  for (const auto& field : fields) {
    if (equals_ignore_case(field.name, name)) {
      return field.value;
    }
  }
  return {};
}

bool Paragraph::has(std::string_view name) const {
  for (const auto& field : fields) {
    if (equals_ignore_case(field.name, name)) {
      return true;
    }
  }
  return false;
}

std::string_view first_line(std::string_view value) {
  return trim(value.substr(0, value.find('\n')));
}

ControlParse parse_control(std::string_view text, const ControlLimits& limits) {
  ControlParse result;
  Paragraph current;
  // Start and end (in `text`) of the value of the field being read, so that
  // continuation lines extend it without copying.
  std::size_t value_start = 0;
  std::size_t value_end = 0;
  bool in_field = false;
  bool stopped = false;

  auto finish_field = [&] {
    if (in_field) {
      current.fields.back().value = trim(text.substr(value_start, value_end - value_start));
      in_field = false;
    }
  };
  auto finish_paragraph = [&] {
    finish_field();
    if (!current.fields.empty()) {
      if (result.paragraphs.size() >= limits.max_paragraphs) {
        result.problems.push_back("more than " + std::to_string(limits.max_paragraphs) +
                                  " paragraphs; the rest was not read");
        stopped = true;
      } else {
        result.paragraphs.push_back(std::move(current));
      }
    }
    current = Paragraph{};
  };

  std::size_t position = 0;
  std::size_t line_number = 0;
  while (position < text.size() && !stopped) {
    std::size_t end = text.find('\n', position);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(position, end - position);
    ++line_number;
    std::size_t line_start = position;
    position = end + 1;

    if (is_blank(line)) {
      finish_paragraph();
      continue;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      if (in_field) {
        value_end = line_start + line.size();
      } else {
        result.problems.push_back("line " + std::to_string(line_number) +
                                  ": continuation line outside a field");
      }
      continue;
    }
    if (line.front() == '#') {
      continue;
    }
    std::size_t colon = line.find(':');
    std::string_view name =
        colon == std::string_view::npos ? std::string_view{} : line.substr(0, colon);
    if (!is_field_name(name)) {
      finish_field();
      result.problems.push_back("line " + std::to_string(line_number) + ": not a field");
      continue;
    }
    finish_field();
    if (current.fields.size() >= limits.max_fields_per_paragraph) {
      result.problems.push_back("line " + std::to_string(line_number) + ": more than " +
                                std::to_string(limits.max_fields_per_paragraph) +
                                " fields in one paragraph");
      continue;
    }
    if (current.fields.empty()) {
      current.line = line_number;
    }
    current.fields.push_back(Field{name, {}});
    value_start = line_start + colon + 1;
    value_end = line_start + line.size();
    in_field = true;
  }
  if (!stopped) {
    finish_paragraph();
  }
  return result;
}

} // namespace kensa::scanner::dpkg
