// Yarn 1's lockfile: blocks separated by blank lines. A block starts with
// its comma-separated requests at column 0 and a colon; its fields are
// indented two spaces ("version \"1.2.3\""), and "dependencies:" and
// "optionalDependencies:" open a map indented four.
#include "../common/javascript/npm_component.hpp"
#include "yarn_lock.hpp"

#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::yarn {

namespace {

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// Reads one token, quoted ("..." with backslash escapes) or bare (up to a
// space), from the front of `rest`. False on an unterminated quote.
bool next_token(std::string_view& rest, std::string& token) {
  token.clear();
  rest = trim_spaces(rest);
  if (rest.starts_with('"')) {
    std::size_t i = 1;
    for (; i < rest.size() && rest[i] != '"'; ++i) {
      if (rest[i] == '\\' && i + 1 < rest.size()) {
        ++i;
      }
      token += rest[i];
    }
    if (i >= rest.size()) {
      return false;
    }
    rest.remove_prefix(i + 1);
    return true;
  }
  std::size_t end = rest.find(' ');
  token = std::string(rest.substr(0, end));
  rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
  return true;
}

// "a@1, \"b@^2\":" -> {"a@1", "b@^2"}.
bool parse_header(std::string_view line, std::vector<std::string>& descriptors) {
  if (!line.ends_with(':')) {
    return false;
  }
  line.remove_suffix(1);
  while (!line.empty()) {
    line = trim_spaces(line);
    std::string token;
    if (line.starts_with('"')) {
      if (!next_token(line, token)) {
        return false;
      }
    } else {
      std::size_t comma = line.find(',');
      token = std::string(trim_spaces(line.substr(0, comma)));
      line = comma == std::string_view::npos ? std::string_view{} : line.substr(comma);
    }
    if (token.empty()) {
      return false;
    }
    descriptors.push_back(std::move(token));
    line = trim_spaces(line);
    if (line.starts_with(',')) {
      line.remove_prefix(1);
    } else if (!line.empty()) {
      return false;
    }
  }
  return !descriptors.empty();
}

void finish_entry(YarnEntry& entry) {
  // The real name: the alias target for "x@npm:real@range", else the name
  // every request shares.
  auto [name, range] = split_descriptor(entry.descriptors.front());
  if (auto alias = javascript::parse_alias_spec(range)) {
    entry.name = alias->name;
  } else {
    entry.name = std::string(name);
  }
}

} // namespace

std::pair<std::string_view, std::string_view> split_descriptor(std::string_view descriptor) {
  std::size_t at = descriptor.find('@', 1);
  if (at == std::string_view::npos) {
    return {descriptor, {}};
  }
  return {descriptor.substr(0, at), descriptor.substr(at + 1)};
}

std::vector<YarnEntry> parse_yarn_v1(std::string_view text, FileReport& report) {
  std::vector<YarnEntry> entries;
  YarnEntry* current = nullptr;
  javascript::DependencyList* section = nullptr;
  std::size_t line_number = 0;
  bool skipping = false;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++line_number;
    std::string_view content = trim_spaces(line);
    if (content.empty() || content.starts_with('#')) {
      continue;
    }
    std::size_t indent = line.find_first_not_of(' ');
    if (indent == 0) {
      section = nullptr;
      current = nullptr;
      skipping = false;
      if (entries.size() >= k_max_entries) {
        report.omit_at(line_number, "more than " + std::to_string(k_max_entries) +
                                        " entries; the rest of the file is not read");
        break;
      }
      std::vector<std::string> descriptors;
      if (!parse_header(content, descriptors)) {
        report.warn_at(line_number, "not an entry header (\"name@range:\"); the entry is skipped");
        skipping = true;
        continue;
      }
      entries.emplace_back();
      current = &entries.back();
      current->descriptors = std::move(descriptors);
      current->line = line_number;
      finish_entry(*current);
      continue;
    }
    if (skipping) {
      continue;
    }
    if (current == nullptr) {
      report.warn_at(line_number, "indented line outside an entry");
      skipping = true;
      continue;
    }
    std::string key;
    std::string value;
    std::string_view rest = content;
    if (!next_token(rest, key) || !next_token(rest, value)) {
      report.warn_at(line_number, "unterminated quoted string");
      continue;
    }
    if (indent == 2) {
      section = nullptr;
      if (value.empty() && key.ends_with(':')) {
        key.pop_back();
        if (key == "dependencies") {
          section = &current->dependencies;
        } else if (key == "optionalDependencies") {
          section = &current->optional_dependencies;
        } else {
          section = nullptr; // Other maps (e.g. "bin") say nothing we report.
        }
        continue;
      }
      if (key == "version") {
        current->version = value;
      } else if (key == "resolved") {
        current->resolved = value;
      } else if (key == "integrity") {
        current->integrity = value;
      }
      continue;
    }
    if (indent == 4) {
      if (section != nullptr) {
        if (key.ends_with(':')) {
          key.pop_back();
        }
        section->emplace_back(std::move(key), std::move(value));
      }
      continue;
    }
    report.warn_at(line_number, "unexpected indentation of " + std::to_string(indent) + " spaces");
  }
  return entries;
}

} // namespace kensa::scanner::yarn
