#include "gradle_lockfile.hpp"

#include "archive_name.hpp"
#include "maven_component.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace kensa::scanner::java {

namespace {

// Most lines read from one lockfile; a real one has a line per module.
constexpr std::size_t k_max_lines = 200'000;
// Longest line read; Android builds list dozens of configurations on one.
constexpr std::size_t k_max_line_length = 64u * 1024;

// gradle/dependency-locks/<configuration>.lockfile, Gradle before 7.
bool is_per_configuration(std::string_view path) {
  std::string_view name = file_name_of(path);
  std::string_view folder = path.substr(0, path.size() - name.size());
  return name.ends_with(".lockfile") &&
         (folder == "dependency-locks/" || folder.ends_with("/dependency-locks/"));
}

bool is_test_configuration(std::string_view configuration) {
  // testCompileClasspath, testRuntimeClasspath, ...; Android names its test
  // variants debugUnitTest..., releaseAndroidTest...
  return configuration.starts_with("test") ||
         configuration.find("UnitTest") != std::string_view::npos ||
         configuration.find("AndroidTest") != std::string_view::npos;
}

bool is_runtime_classpath(std::string_view configuration) {
  return configuration == "runtimeClasspath" || configuration.ends_with("RuntimeClasspath");
}

// "group:artifact:version" with three non-empty parts.
bool split_coordinates(std::string_view text, std::string& group, std::string& artifact,
                       std::string& version) {
  auto parts = split(text, ':');
  if (parts.size() != 3) {
    return false;
  }
  for (auto part : parts) {
    if (part.empty() || part.find_first_of(" \t=,") != std::string_view::npos) {
      return false;
    }
  }
  group = std::string(parts[0]);
  artifact = std::string(parts[1]);
  version = std::string(parts[2]);
  return true;
}

struct LockedModule {
  std::string group;
  std::string artifact;
  std::string version;
  std::set<std::string> configurations;
};

model::Component component_for(ScanContext& context, const source::SourceFile& file,
                               const LockedModule& module) {
  model::Component component = make_maven_component(module.group, module.artifact, module.version,
                                                    context.evidence_for(file));
  std::string source(file_name_of(file.path));
  component.add_property(std::string(k_property_name_source), source);
  component.add_property(std::string(k_property_version_source), source);
  std::string configurations;
  for (const auto& configuration : module.configurations) {
    configurations += (configurations.empty() ? "" : ",") + configuration;
  }
  component.add_property(std::string(k_property_gradle_configurations), configurations);

  bool all_test = std::all_of(module.configurations.begin(), module.configurations.end(),
                              [](const std::string& name) { return is_test_configuration(name); });
  bool runtime = std::any_of(module.configurations.begin(), module.configurations.end(),
                             [](const std::string& name) {
                               return is_runtime_classpath(name) && !is_test_configuration(name);
                             });
  if (runtime) {
    component.scope = model::Scope::required;
  } else {
    // Compile-only, annotation processors, build script classpaths, tests:
    // not part of what runs.
    component.scope = model::Scope::excluded;
    component.development = all_test && !module.configurations.empty();
  }
  return component;
}

} // namespace

void read_gradle_lockfile(FileReport& report, const source::SourceFile& file) {
  bool per_configuration = is_per_configuration(file.path);
  std::string configuration_of_file;
  if (per_configuration) {
    std::string_view name = file_name_of(file.path);
    configuration_of_file =
        std::string(name.substr(0, name.size() - std::string_view(".lockfile").size()));
  }

  // Keyed by coordinates so that a module on several lines (which Gradle
  // does not write, but an edit may) is one component.
  std::map<std::string, LockedModule> modules;
  std::size_t first_bad_line = 0;
  std::size_t bad_lines = 0;
  std::size_t line_number = 0;
  std::string_view rest = file.contents;
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (++line_number > k_max_lines) {
      report.warn("more than " + std::to_string(k_max_lines) + " lines: the rest is not read");
      break;
    }
    line = trim(line);
    if (line.empty() || line.front() == '#' || line.starts_with("empty=")) {
      continue;
    }
    LockedModule module;
    bool good = line.size() <= k_max_line_length;
    std::string_view coordinates = line;
    if (good && !per_configuration) {
      std::size_t equals = line.find('=');
      good = equals != std::string_view::npos;
      if (good) {
        coordinates = line.substr(0, equals);
        for (auto configuration : split(line.substr(equals + 1), ',')) {
          if (!trim(configuration).empty()) {
            module.configurations.emplace(trim(configuration));
          }
        }
      }
    } else if (good) {
      module.configurations.insert(configuration_of_file);
    }
    good = good && split_coordinates(coordinates, module.group, module.artifact, module.version);
    if (!good) {
      if (bad_lines++ == 0) {
        first_bad_line = line_number;
      }
      continue;
    }
    std::string key = module.group + ":" + module.artifact + ":" + module.version;
    auto [slot, inserted] = modules.try_emplace(key, module);
    if (!inserted) {
      slot->second.configurations.insert(module.configurations.begin(),
                                         module.configurations.end());
    }
  }
  if (bad_lines > 0) {
    std::string expected = per_configuration ? "\"group:artifact:version\""
                                             : "\"group:artifact:version=configurations\"";
    std::string message = "line " + std::to_string(first_bad_line) + ": not " + expected;
    if (bad_lines > 1) {
      message += " (and " + std::to_string(bad_lines - 1) + " more such lines)";
    }
    report.warn(std::move(message));
  }
  ScanContext& context = report.context();
  for (const auto& [key, module] : modules) {
    context.graph().add(component_for(context, file, module));
  }
}

} // namespace kensa::scanner::java
