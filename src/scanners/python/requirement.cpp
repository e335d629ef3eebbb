#include "requirement.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner::python {

namespace {

bool is_name_char(char c) {
  return is_ascii_alnum(c) || c == '-' || c == '_' || c == '.';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void skip_spaces(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && is_space(text[pos])) {
    ++pos;
  }
}

std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!is_space(c)) {
      out += c;
    }
  }
  return out;
}

} // namespace

std::string normalize_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool in_separator = false;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      in_separator = true;
      continue;
    }
    if (in_separator && !out.empty()) {
      out += '-';
    }
    in_separator = false;
    out += to_lower_ascii(c);
  }
  return out;
}

bool is_valid_name(std::string_view name) {
  if (name.empty() || !is_ascii_alnum(name.front()) || !is_ascii_alnum(name.back())) {
    return false;
  }
  for (char c : name) {
    if (!is_name_char(c)) {
      return false;
    }
  }
  return true;
}

Result<Requirement> parse_requirement(std::string_view text) {
  Requirement requirement;
  std::size_t pos = 0;
  skip_spaces(text, pos);
  std::size_t start = pos;
  while (pos < text.size() && is_name_char(text[pos])) {
    ++pos;
  }
  requirement.name = std::string(text.substr(start, pos - start));
  if (requirement.name.empty()) {
    return fail("no package name");
  }
  if (!is_valid_name(requirement.name)) {
    return fail("\"" + requirement.name + "\" is not a valid package name");
  }
  skip_spaces(text, pos);

  if (pos < text.size() && text[pos] == '[') {
    std::size_t close = text.find(']', pos);
    if (close == std::string_view::npos) {
      return fail("unclosed '[' in the extras");
    }
    for (std::string_view extra : split(text.substr(pos + 1, close - pos - 1), ',')) {
      extra = trim(extra);
      if (extra.empty()) {
        continue;
      }
      if (!is_valid_name(extra)) {
        return fail("\"" + std::string(extra) + "\" is not a valid extra name");
      }
      requirement.extras.emplace_back(extra);
    }
    pos = close + 1;
    skip_spaces(text, pos);
  }

  std::string_view rest = text.substr(pos);
  if (rest.starts_with('@')) {
    // A URL may hold ';' (in a query), so the marker starts only at a ';'
    // after white space, as PEP 508 requires.
    rest.remove_prefix(1);
    rest = trim(rest);
    std::size_t end = 0;
    while (end < rest.size() && !is_space(rest[end])) {
      ++end;
    }
    requirement.url = std::string(rest.substr(0, end));
    if (requirement.url.empty()) {
      return fail("no URL after '@'");
    }
    rest = trim(rest.substr(end));
    if (!rest.empty()) {
      if (!rest.starts_with(';')) {
        return fail("unexpected text after the URL: \"" + std::string(rest) + "\"");
      }
      requirement.marker = std::string(trim(rest.substr(1)));
    }
    return requirement;
  }

  std::size_t semicolon = rest.find(';');
  std::string_view version = trim(rest.substr(0, semicolon));
  if (semicolon != std::string_view::npos) {
    requirement.marker = std::string(trim(rest.substr(semicolon + 1)));
    if (requirement.marker.empty()) {
      return fail("empty marker after ';'");
    }
  }
  // Older metadata puts the specifiers in parentheses: "Jinja2 (>=3.0)".
  if (version.starts_with('(')) {
    if (!version.ends_with(')')) {
      return fail("unclosed '(' around the version");
    }
    version = trim(version.substr(1, version.size() - 2));
  }
  for (char c : version) {
    if (!(is_ascii_alnum(c) || is_space(c) || c == '<' || c == '>' || c == '=' || c == '!' ||
          c == '~' || c == '.' || c == '*' || c == ',' || c == '+' || c == '-' || c == '_')) {
      return fail("unexpected character '" + std::string(1, c) + "' in the version specifier");
    }
  }
  if (!version.empty() &&
      !(version.front() == '<' || version.front() == '>' || version.front() == '=' ||
        version.front() == '!' || version.front() == '~')) {
    return fail("the version specifier \"" + std::string(version) +
                "\" does not start with an operator");
  }
  requirement.specifier = without_spaces(version);
  return requirement;
}

std::optional<std::string> pinned_version(std::string_view specifier) {
  if (specifier.find(',') != std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view version;
  if (specifier.starts_with("===")) {
    version = specifier.substr(3);
  } else if (specifier.starts_with("==")) {
    version = specifier.substr(2);
    if (version.find('*') != std::string_view::npos) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  version = trim(version);
  if (version.empty()) {
    return std::nullopt;
  }
  return std::string(version);
}

bool marker_mentions_extra(std::string_view marker) {
  std::size_t pos = 0;
  while (pos < marker.size()) {
    char c = marker[pos];
    if (c == '"' || c == '\'') {
      std::size_t close = marker.find(c, pos + 1);
      if (close == std::string_view::npos) {
        return false;
      }
      pos = close + 1;
      continue;
    }
    if (is_ascii_alnum(c) || c == '_') {
      std::size_t start = pos;
      while (pos < marker.size() && (is_ascii_alnum(marker[pos]) || marker[pos] == '_')) {
        ++pos;
      }
      if (marker.substr(start, pos - start) == "extra") {
        return true;
      }
      continue;
    }
    ++pos;
  }
  return false;
}

} // namespace kensa::scanner::python
