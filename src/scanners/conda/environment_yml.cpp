#include "environment_yml.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/yaml_text.hpp"
#include "conda_package.hpp"

#include <kensa/util/strings.hpp>

#include <algorithm>
#include <cctype>

namespace kensa::scanner::conda {

namespace {

// Far above real files (a few dozen entries).
constexpr std::size_t k_max_dependencies = 100'000;

constexpr std::string_view k_property_pip_requirement = "kensa:pypi:requirement";

// A conda match spec split as conda reads it: "[channel::]name[ spec]".
struct MatchSpec {
  std::string channel;
  std::string name;
  std::string requirement;
  std::string version;
  std::string build;
};

MatchSpec read_match_spec(std::string_view text) {
  MatchSpec spec;
  text = trim(text.substr(0, text.find('#')));
  if (auto colons = text.find("::"); colons != std::string_view::npos) {
    spec.channel = std::string(text.substr(0, colons));
    text.remove_prefix(colons + 2);
  }
  auto end = text.find_first_of(" =<>!~[");
  spec.name = std::string(trim(text.substr(0, end)));
  std::string_view rest =
      end == std::string_view::npos ? std::string_view() : trim(text.substr(end));
  spec.requirement = std::string(rest);
  // "==1.2.3", "=1.2.3=h1234_0" and "1.2.3 h1234_0" pin one version; "=1.2"
  // is "1.2.*" to conda, and ranges pin nothing.
  std::string_view version;
  std::string_view build;
  if (rest.starts_with("==")) {
    version = rest.substr(2);
  } else if (rest.starts_with('=')) {
    rest.remove_prefix(1);
    if (auto equals = rest.find('='); equals != std::string_view::npos) {
      version = rest.substr(0, equals);
      build = rest.substr(equals + 1);
    }
  } else if (auto space = rest.find(' '); space != std::string_view::npos) {
    version = rest.substr(0, space);
    build = trim(rest.substr(space + 1));
  }
  if (!version.empty() && version.find_first_of("*<>!=~|,") == std::string_view::npos &&
      build.find_first_of("*<>!=~|, ") == std::string_view::npos) {
    spec.version = std::string(version);
    spec.build = std::string(build);
  }
  return spec;
}

// PEP 503: lowercase, runs of "-", "_" and "." as one "-".
std::string normalize_pypi_name(std::string_view name) {
  std::string normal;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      if (!normal.ends_with('-')) {
        normal.push_back('-');
      }
    } else {
      normal.push_back(to_lower_ascii(c));
    }
  }
  return normal;
}

bool is_pypi_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.';
  });
}

void add_pip_requirement(FileReport& report, LockedGraph& locked, std::string_view line) {
  line = trim(line.substr(0, line.find(" #")));
  if (line.empty()) {
    return;
  }
  if (line.starts_with('-') || line.find("://") != std::string_view::npos) {
    // "-r requirements.txt" (read by the python scanner where it is),
    // "-e .", "git+https://...": no package name kensa can trust here.
    report.warn("pip entry \"" + std::string(line.substr(0, 200)) +
                "\" is not a package; not read");
    return;
  }
  std::string_view spec = trim(line.substr(0, line.find(';')));
  auto end = spec.find_first_of(" =<>!~[(");
  std::string_view name = trim(spec.substr(0, end));
  if (!is_pypi_name(name)) {
    report.warn("pip entry \"" + std::string(line.substr(0, 200)) +
                "\" names no package; not read");
    return;
  }
  std::string_view requirement =
      end == std::string_view::npos ? std::string_view() : trim(spec.substr(end));
  std::string version;
  if (requirement.starts_with("==") && !requirement.starts_with("===")) {
    std::string_view pinned = trim(requirement.substr(2));
    if (pinned.find_first_of("*,<>!=~ ") == std::string_view::npos) {
      version = std::string(pinned);
    }
  }
  std::string normal = normalize_pypi_name(name);
  model::Component component = make_locked_component(report, "pypi", "pypi", "", normal, version);
  component.name = std::string(name);
  if (!requirement.empty()) {
    component.add_property(std::string(k_property_pip_requirement), std::string(requirement));
  }
  std::string key = "pypi:" + normal;
  if (locked.add(key, std::move(component))) {
    locked.direct(key);
  }
}

} // namespace

void parse_environment_yml(FileReport& report, const source::SourceFile& file) {
  auto loaded = load_yaml_map(file.contents, report, "an environment file");
  if (!loaded) {
    return;
  }
  const YamlNode document = loaded->root();
  auto dependencies =
      yaml_section(document, "dependencies", YamlKind::sequence, "\"dependencies\"", report);
  if (!dependencies.defined()) {
    return;
  }
  LockedGraph locked(report, file);
  std::size_t count = 0;
  for (const YamlEntry item : dependencies.entries()) {
    const YamlNode& entry = item.value;
    if (++count > k_max_dependencies) {
      report.omit("more than " + std::to_string(k_max_dependencies) +
                  " dependencies; the rest is not read");
      break;
    }
    if (entry.is_map()) {
      auto pip = child(entry, "pip");
      if (!pip.is_sequence()) {
        report.warn("a dependency is a map but not a pip: list; not read");
        continue;
      }
      for (const YamlEntry pip_item : pip.entries()) {
        const YamlNode& requirement = pip_item.value;
        if (++count > k_max_dependencies) {
          break;
        }
        if (!requirement.is_scalar()) {
          report.warn("a pip: entry is not text; not read");
          continue;
        }
        add_pip_requirement(report, locked, scalar(requirement));
      }
      continue;
    }
    if (!entry.is_scalar()) {
      report.warn("a dependency is neither text nor a pip: list; not read");
      continue;
    }
    std::string text = scalar(entry);
    MatchSpec spec = read_match_spec(text);
    if (spec.name.empty()) {
      report.warn("dependency \"" + text.substr(0, 200) + "\" names no package; not read");
      continue;
    }
    CondaPackage package{spec.name, spec.version, spec.build, spec.channel, {}, {}};
    model::Component component = make_conda_component(report, package);
    if (!spec.requirement.empty()) {
      component.add_property(std::string(k_property_requirement), spec.requirement);
    }
    if (locked.add(spec.name, std::move(component))) {
      locked.direct(spec.name);
    }
  }
  locked.finish(scalar(child(document, "name")));
}

} // namespace kensa::scanner::conda
