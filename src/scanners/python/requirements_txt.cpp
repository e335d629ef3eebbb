#include "requirements_txt.hpp"

#include "python_component.hpp"
#include "requirement.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/glob.hpp>
#include <kensa/util/lines.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <spdlog/spdlog.h>

#include <map>
#include <memory>
#include <set>

namespace kensa::scanner::python {

namespace {

// pip options that take a value and say nothing about which packages are
// wanted.
const std::set<std::string_view> k_options_with_value = {"-i",
                                                         "--index-url",
                                                         "--extra-index-url",
                                                         "-f",
                                                         "--find-links",
                                                         "--trusted-host",
                                                         "--no-binary",
                                                         "--only-binary",
                                                         "--use-feature",
                                                         "--progress-bar",
                                                         "--config-settings",
                                                         "--global-option",
                                                         "--install-option"};
const std::set<std::string_view> k_flag_options = {"--no-index", "--pre", "--prefer-binary",
                                                   "--require-hashes", "--no-deps"};

struct Line {
  std::size_t number = 0;
  std::string text;
};

// Joins continuation lines (a trailing backslash) and drops comments (a '#'
// at the start or after white space, as pip reads them).
std::vector<Line> logical_lines(std::string_view text, FileReport& warnings) {
  std::vector<Line> lines;
  Line current;
  std::size_t number = 0;
  bool continuing = false;
  for (std::string_view raw : kensa::lines(text)) {
    ++number;
    if (raw.ends_with('\r')) {
      raw.remove_suffix(1);
    }
    if (!continuing) {
      current = Line{number, ""};
    }
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '#' && (i == 0 || raw[i - 1] == ' ' || raw[i - 1] == '\t')) {
        raw = raw.substr(0, i);
        break;
      }
    }
    continuing = raw.ends_with('\\');
    if (continuing) {
      raw.remove_suffix(1);
    }
    current.text += raw;
    if (!continuing) {
      if (!trim(current.text).empty()) {
        if (lines.size() >= k_max_requirement_lines) {
          warnings.omit("more than " + std::to_string(k_max_requirement_lines) +
                        " lines; the rest are not read");
          break;
        }
        lines.push_back(std::move(current));
      }
      current = Line{};
    }
  }
  if (continuing && !trim(current.text).empty()) {
    lines.push_back(std::move(current));
  }
  return lines;
}

// Splits a line into words at white space; "--hash=sha256:x" stays one word.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) {
      ++pos;
    }
    std::size_t start = pos;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != '\t') {
      ++pos;
    }
    if (pos > start) {
      words.push_back(text.substr(start, pos - start));
    }
  }
  return words;
}

// An option word: "--hash=x" -> {"--hash", "x"}; "-rfile" -> {"-r", "file"}.
std::pair<std::string_view, std::string_view> split_option(std::string_view word) {
  if (word.starts_with("--")) {
    std::size_t equals = word.find('=');
    if (equals != std::string_view::npos) {
      return {word.substr(0, equals), word.substr(equals + 1)};
    }
    return {word, {}};
  }
  if (word.size() > 2) {
    return {word.substr(0, 2), word.substr(2)};
  }
  return {word, {}};
}

bool is_url_or_path(std::string_view text) {
  return text.find("://") != std::string_view::npos || text.starts_with("git+") ||
         text.starts_with("hg+") || text.starts_with("svn+") || text.starts_with("bzr+") ||
         text.starts_with("./") || text.starts_with("../") || text.starts_with('/') ||
         text.starts_with("file:") || text == "." || text.ends_with(".whl") ||
         text.ends_with(".tar.gz") || text.ends_with(".zip");
}

bool is_vcs(std::string_view url) {
  return url.starts_with("git+") || url.starts_with("hg+") || url.starts_with("svn+") ||
         url.starts_with("bzr+") || url.starts_with("git://");
}

// The project name a URL or path names: "#egg=name" (pip's convention for
// VCS and folder requirements), else a wheel or sdist file name.
std::string name_from_url(std::string_view url) {
  if (std::size_t egg = url.find("#egg="); egg != std::string_view::npos) {
    std::string_view name = url.substr(egg + 5);
    name = name.substr(0, name.find('&'));
    // "#egg=name[extra]" and "#egg=name-1.0" are both seen in the wild.
    std::size_t end = 0;
    while (end < name.size() && name[end] != '[' && name[end] != '=' && name[end] != '<' &&
           name[end] != '>') {
      ++end;
    }
    return std::string(name.substr(0, end));
  }
  std::string_view file = file_name_of(url.substr(0, url.find_first_of("#?")));
  if (file.ends_with(".whl")) {
    // PEP 427: {name}-{version}-..., the name with '_' for '-'.
    return std::string(file.substr(0, file.find('-')));
  }
  for (std::string_view suffix : {".tar.gz", ".zip", ".tar.bz2", ".tgz"}) {
    if (file.ends_with(suffix)) {
      file.remove_suffix(suffix.size());
      std::size_t dash = file.rfind('-');
      return dash == std::string_view::npos ? std::string() : std::string(file.substr(0, dash));
    }
  }
  return {};
}

struct Entry {
  std::size_t line = 0;
  Requirement requirement;
  std::vector<model::Hash> hashes;
  bool editable = false;
  // For URL and path lines written without "name @".
  std::string bare_url;
};

struct ParsedFile {
  const source::SourceFile* file = nullptr;
  std::vector<Entry> entries;
  // Locations named by -r and -c, with the line that named them.
  std::vector<std::pair<std::string, std::size_t>> includes;
  std::vector<std::pair<std::string, std::size_t>> constraints;
};

class RequirementsParser {
 public:
  RequirementsParser(const source::SourceFile& file, FileReport& warnings)
      : m_file(file), m_warnings(warnings) {}

  ParsedFile parse() {
    ParsedFile parsed;
    parsed.file = &m_file;
    for (const Line& line : logical_lines(m_file.contents, m_warnings)) {
      read_line(line, parsed);
    }
    return parsed;
  }

 private:
  void warn(std::size_t line, const std::string& message) {
    m_warnings.warn("line " + std::to_string(line) + ": " + message);
  }

  std::string resolve(std::string_view target) {
    auto joined = resolve_inside(folder_of(m_file.location), target);
    return joined ? *joined : std::string();
  }

  void read_line(const Line& line, ParsedFile& parsed) {
    auto words = words_of(line.text);
    if (words.empty()) {
      return;
    }
    if (words[0].starts_with('-') && words[0] != "-e" && words[0] != "--editable" &&
        !words[0].starts_with("--editable=") && !words[0].starts_with("-e")) {
      read_option_line(line, words, parsed);
      return;
    }
    Entry entry;
    entry.line = line.number;
    std::size_t first = 0;
    std::string_view spec;
    if (words[0] == "-e" || words[0] == "--editable") {
      entry.editable = true;
      if (words.size() < 2) {
        warn(line.number,
             words[0] == "-e" ? "-e without a path or URL" : "--editable without a path or URL");
        return;
      }
      spec = words[1];
      first = 2;
    } else if (words[0].starts_with("--editable=") || words[0].starts_with("-e")) {
      entry.editable = true;
      spec = split_option(words[0]).second;
      first = 1;
    }
    // The requirement is everything up to the first per-requirement option;
    // it may contain spaces ("requests >= 2.0 ; python_version < '3.8'").
    std::size_t options_at = words.size();
    for (std::size_t i = first; i < words.size(); ++i) {
      if (words[i].starts_with("--")) {
        options_at = i;
        break;
      }
    }
    std::string requirement_text(spec);
    for (std::size_t i = first; i < options_at; ++i) {
      if (!requirement_text.empty()) {
        requirement_text += ' ';
      }
      requirement_text += words[i];
    }
    for (std::size_t i = options_at; i < words.size(); ++i) {
      auto [option, value] = split_option(words[i]);
      if (option == "--hash") {
        if (value.empty() && i + 1 < words.size()) {
          value = words[++i];
        }
        std::string problem;
        if (auto hash = parse_prefixed_hex_hash(value, ':', problem)) {
          entry.hashes.push_back(std::move(*hash));
        } else {
          warn(line.number, problem);
        }
      } else if (option == "--config-settings" || option == "--global-option" ||
                 option == "--install-option") {
        if (value.empty()) {
          ++i;
        }
      } else {
        warn(line.number, "unknown option \"" + std::string(option) + "\" after a requirement");
      }
    }
    read_requirement(line.number, requirement_text, std::move(entry), parsed);
  }

  void read_requirement(std::size_t line, std::string_view text, Entry entry, ParsedFile& parsed) {
    text = trim(text);
    std::string_view before_marker = text.substr(0, text.find(" ;"));
    if (is_url_or_path(trim(before_marker)) && text.find(" @ ") == std::string_view::npos &&
        !text.starts_with('@')) {
      entry.bare_url = std::string(trim(before_marker));
      entry.requirement.name = name_from_url(entry.bare_url);
      if (std::size_t semicolon = text.find(" ;"); semicolon != std::string_view::npos) {
        entry.requirement.marker = std::string(trim(text.substr(semicolon + 2)));
      }
      if (!entry.requirement.name.empty() && !is_valid_name(entry.requirement.name)) {
        warn(line, "\"" + entry.requirement.name + "\" from " + entry.bare_url +
                       " is not a valid package name");
        entry.requirement.name.clear();
      }
      parsed.entries.push_back(std::move(entry));
      return;
    }
    auto requirement = parse_requirement(text);
    if (!requirement) {
      warn(line, "\"" + std::string(text) + "\": " + requirement.error());
      return;
    }
    entry.requirement = std::move(*requirement);
    parsed.entries.push_back(std::move(entry));
  }

  void read_option_line(const Line& line, const std::vector<std::string_view>& words,
                        ParsedFile& parsed) {
    auto [option, value] = split_option(words[0]);
    std::size_t next = 1;
    if (value.empty() && words.size() > 1) {
      value = words[1];
      next = 2;
    }
    if (option == "-r" || option == "--requirement" || option == "-c" || option == "--constraint") {
      if (value.empty()) {
        warn(line.number, std::string(option) + " without a file");
        return;
      }
      if (value.find("://") != std::string_view::npos) {
        // A file: URL names a place on this machine, outside what was
        // given to scan; anything else would be a download.
        const bool local = starts_with_ignore_case(value, "file:");
        warn(line.number, std::string(option) + " " + std::string(value) +
                              (local ? ": a file URL is not followed (only paths inside the "
                                       "scanned input are read)"
                                     : ": a file on the network is not read"));
        return;
      }
      std::string target = resolve(value);
      if (target.empty()) {
        warn(line.number, std::string(option) + " " + std::string(value) +
                              ": the path leaves the scanned input");
        return;
      }
      bool constraint = option == "-c" || option == "--constraint";
      (constraint ? parsed.constraints : parsed.includes).emplace_back(target, line.number);
      return;
    }
    if (k_options_with_value.count(option) > 0 || k_flag_options.count(option) > 0) {
      (void)next;
      return;
    }
    warn(line.number, "unknown option \"" + std::string(option) + "\"");
  }

  const source::SourceFile& m_file;
  FileReport& m_warnings;
};

// The pinned versions of a constraints file, by normalized name.
std::map<std::string, std::string> pins_of(const ParsedFile& file) {
  std::map<std::string, std::string> pins;
  for (const auto& entry : file.entries) {
    if (auto version = pinned_version(entry.requirement.specifier)) {
      pins.emplace(normalize_name(entry.requirement.name), *version);
    }
  }
  return pins;
}

void add_entry(ScanContext& context, const ParsedFile& parsed, const Entry& entry,
               const std::map<std::string, std::pair<std::string, std::string>>& constraints,
               FileReport& warnings) {
  const Requirement& requirement = entry.requirement;
  if (requirement.name.empty()) {
    // A folder or URL that names no project ("-e .", "./tools/x") is no
    // package name: a path is not a component. A folder is usually the
    // project itself or one beside it, which its own metadata describes; a
    // URL names a package the file does not, which is said.
    std::string_view where = entry.bare_url;
    bool local = where == "." || where.starts_with("./") || where.starts_with("../") ||
                 where.starts_with('/') || where.starts_with("file:");
    if (local) {
      spdlog::debug("{}: line {}: {} is a folder, not a package name; not reported",
                    parsed.file->location, entry.line, where);
    } else {
      warnings.warn("line " + std::to_string(entry.line) + ": " + std::string(where) +
                    " names no package (no \"name @\" or #egg=); not reported");
    }
    return;
  }
  PackageFacts facts;
  facts.name = requirement.name;
  facts.hashes = entry.hashes;
  std::string url = entry.bare_url.empty() ? requirement.url : entry.bare_url;
  if (!url.empty()) {
    // A URL or VCS reference: what it resolves to is not in the file, so
    // no version.
    facts.add_property(k_property_source, url);
    facts.add_reference(is_vcs(url) ? "vcs" : "distribution", url);
  } else if (auto version = pinned_version(requirement.specifier)) {
    facts.version = *version;
  } else {
    if (!requirement.specifier.empty()) {
      facts.add_property(k_property_specifier, requirement.specifier);
    }
    auto pin = constraints.find(normalize_name(requirement.name));
    if (pin != constraints.end()) {
      facts.version = pin->second.first;
      facts.add_property(k_property_constraint, pin->second.second);
    }
  }
  if (!requirement.marker.empty()) {
    facts.add_property(k_property_marker, requirement.marker);
  }
  if (!requirement.extras.empty()) {
    std::string extras;
    for (const auto& extra : requirement.extras) {
      extras += extras.empty() ? "" : ",";
      extras += extra;
    }
    facts.add_property(k_property_extras, extras);
  }
  if (entry.editable) {
    facts.add_property(k_property_editable, "true");
  }
  FileReport line_report(warnings, "line " + std::to_string(entry.line) + ": ");
  model::Component component =
      make_component(facts, context.evidence_for(*parsed.file), line_report);
  context.graph().add(std::move(component));
}

} // namespace

bool is_requirements_file(std::string_view path) {
  std::string_view name = file_name_of(path);
  if (!name.ends_with(".txt")) {
    return false;
  }
  return glob_match("requirements*.txt", name) || glob_match("constraints*.txt", name) ||
         file_name_of(folder_of(path)) == "requirements";
}

void read_requirements(ScanContext& context, const FileSet& files) {
  std::map<std::string, ParsedFile> parsed;
  std::map<std::string, std::unique_ptr<FileReport>> warnings;
  for (const auto& file : files) {
    if (!is_requirements_file(file.path)) {
      continue;
    }
    auto& file_warnings = warnings[file.location];
    file_warnings = std::make_unique<FileReport>(context, file.location);
    parsed[file.location] = RequirementsParser(file, *file_warnings).parse();
  }

  // Which files are named by -r (so they are requirements) and which only by
  // -c (so they only constrain).
  std::set<std::string> required;
  std::set<std::string> constraining;
  for (auto& [location, file] : parsed) {
    for (const auto& [target, line] : file.includes) {
      if (parsed.count(target) == 0) {
        warnings[location]->warn("line " + std::to_string(line) + ": -r " + target +
                                 " is not in the scanned input (or not a requirements file)");
      }
      required.insert(target);
    }
    for (const auto& [target, line] : file.constraints) {
      if (parsed.count(target) == 0) {
        warnings[location]->warn("line " + std::to_string(line) + ": -c " + target +
                                 " is not in the scanned input (or not a requirements file)");
      }
      constraining.insert(target);
    }
  }

  for (const auto& [location, file] : parsed) {
    if (constraining.count(location) > 0 && required.count(location) == 0) {
      continue;
    }
    // name -> (version, constraints file)
    std::map<std::string, std::pair<std::string, std::string>> constraints;
    for (const auto& [target, line] : file.constraints) {
      auto it = parsed.find(target);
      if (it == parsed.end()) {
        continue;
      }
      for (auto& [name, version] : pins_of(it->second)) {
        constraints.emplace(name, std::make_pair(version, target));
      }
    }
    for (const auto& entry : file.entries) {
      add_entry(context, file, entry, constraints, *warnings[location]);
    }
  }
}

} // namespace kensa::scanner::python
