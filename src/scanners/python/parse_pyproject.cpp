// pyproject.toml: the project's own name, version and metadata, and its
// direct dependencies, from the standard [project] table (PEP 621, with
// PEP 639 licenses), [dependency-groups] (PEP 735), and the tool tables that
// predate them: [tool.poetry] and its groups, [tool.uv] dev-dependencies and
// [tool.pdm] dev-dependencies.
#include "lockfiles.hpp"
#include "toml_document.hpp"

#include <kensa/model/license.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::python {

namespace {

using model::RelationshipType;

// Groups may include each other ({include-group = "x"}); a chain longer
// than this is a loop or an attack.
constexpr int k_max_group_depth = 16;

void add_pep508(Project& project, const std::string& text, RelationshipType type,
                const std::string& group, const std::string& where, FileReport& warnings) {
  auto requirement = parse_requirement(text);
  if (!requirement) {
    warnings.warn(where + ": \"" + text + "\": " + requirement.error());
    return;
  }
  project.dependencies.push_back(DeclaredDependency{std::move(*requirement), type, group});
}

void add_pep508_array(Project& project, const toml::array& array, RelationshipType type,
                      const std::string& group, const std::string& where, FileReport& warnings) {
  for (const auto& node : array) {
    if (const auto* text = node.as_string()) {
      add_pep508(project, text->get(), type, group, where, warnings);
    } else if (!node.is_table()) {
      warnings.warn(where + ": a dependency is not a string");
    }
  }
}

// [dependency-groups]: each group a list of requirements and
// {include-group = "other"} tables.
void add_dependency_group(Project& project, const toml::table& groups, const std::string& name,
                          int depth, FileReport& warnings) {
  std::string where = "[dependency-groups] " + name;
  if (depth > k_max_group_depth) {
    warnings.warn(where + ": groups include each other too deeply (a loop?)");
    return;
  }
  const toml::array* array = toml_array(groups, name, "[dependency-groups]", warnings);
  if (array == nullptr) {
    return;
  }
  for (const auto& node : *array) {
    if (const auto* text = node.as_string()) {
      add_pep508(project, text->get(), RelationshipType::dev_depends_on, name, where, warnings);
    } else if (const auto* table = node.as_table()) {
      std::string included = toml_text(*table, "include-group", where, warnings);
      if (!included.empty()) {
        add_dependency_group(project, groups, included, depth + 1, warnings);
      }
    }
  }
}

// Poetry's constraint syntax ("^1.2", "~1.2", "1.2.*", ">=1,<2", "1.2.3")
// is not PEP 440; it is kept as written, and a bare version is an exact pin.
std::string poetry_specifier(std::string_view constraint) {
  constraint = trim(constraint);
  if (!constraint.empty() && constraint.front() >= '0' && constraint.front() <= '9' &&
      constraint.find_first_of("*,<>=!~^ |") == std::string_view::npos) {
    return "==" + std::string(constraint);
  }
  return std::string(constraint);
}

void add_poetry_dependencies(Project& project, const toml::table& table, RelationshipType type,
                             const std::string& group, const std::string& where,
                             FileReport& warnings) {
  for (const auto& [key, value] : table) {
    std::string name(key.str());
    if (name == "python") {
      continue; // The Python version the project supports, not a package.
    }
    DeclaredDependency dependency;
    dependency.requirement.name = name;
    dependency.type = type;
    dependency.group = group;
    if (!is_valid_name(name)) {
      warnings.warn(where + ": \"" + name + "\" is not a valid package name");
      continue;
    }
    auto read_table = [&](const toml::table& spec) {
      dependency.requirement.specifier =
          poetry_specifier(toml_text(spec, "version", where, warnings));
      dependency.requirement.marker = toml_text(spec, "markers", where, warnings);
      for (const char* source : {"git", "url", "path"}) {
        std::string location = toml_text(spec, source, where, warnings);
        if (!location.empty()) {
          dependency.requirement.url =
              std::string_view(source) == "git" && !location.starts_with("git+") ? "git+" + location
                                                                                 : location;
        }
      }
      if (spec["optional"].value<bool>().value_or(false) && type == RelationshipType::depends_on) {
        dependency.type = RelationshipType::optional_depends_on;
      }
    };
    if (const auto* text = value.as_string()) {
      dependency.requirement.specifier = poetry_specifier(text->get());
    } else if (const auto* spec = value.as_table()) {
      read_table(*spec);
    } else if (const auto* array = value.as_array()) {
      // Several constraints, one per Python or platform range: the first
      // one's version is as good as any.
      if (!array->empty() && array->front().is_table()) {
        read_table(*array->front().as_table());
      }
    } else {
      warnings.warn(where + ": \"" + name + "\" is neither a string nor a table");
      continue;
    }
    project.dependencies.push_back(std::move(dependency));
  }
}

model::License license_of(const toml::node& node, const std::string& where, FileReport& warnings) {
  if (const auto* text = node.as_string()) {
    return model::license_from_text(text->get());
  }
  if (const auto* table = node.as_table()) {
    std::string text = toml_text(*table, "text", where, warnings);
    if (!text.empty()) {
      std::string_view first = trim(text);
      first = first.substr(0, first.find('\n'));
      return model::license_from_text(first);
    }
  }
  return {};
}

void read_project_table(const toml::table& table, Project& project, FileReport& warnings) {
  const std::string where = "[project]";
  PackageFacts& facts = project.facts;
  facts.name = toml_text(table, "name", where, warnings);
  facts.version = toml_text(table, "version", where, warnings);
  facts.description = toml_text(table, "description", where, warnings);
  std::vector<std::string> classifiers = toml_texts(table, "classifiers", where, warnings);
  std::vector<std::string_view> classifier_views(classifiers.begin(), classifiers.end());
  if (const toml::node* license = table.get("license")) {
    if (const auto* text = license->as_string()) {
      facts.licenses = licenses_from(text->get(), "", {});
    } else {
      model::License found = license_of(*license, where, warnings);
      facts.licenses = licenses_from("", found.expression.empty() ? found.name : found.expression,
                                     classifier_views);
    }
  } else {
    facts.licenses = licenses_from("", "", classifier_views);
  }
  for (const char* key : {"authors", "maintainers"}) {
    const toml::array* people = toml_array(table, key, where, warnings);
    if (people == nullptr) {
      continue;
    }
    for (const auto& node : *people) {
      if (const auto* person = node.as_table()) {
        model::Party party{toml_text(*person, "name", where, warnings),
                           toml_text(*person, "email", where, warnings), "", false};
        if (party.empty()) {
          continue;
        }
        if (std::string_view(key) == "authors") {
          facts.authors.push_back(std::move(party));
        } else if (facts.supplier.empty()) {
          facts.supplier = std::move(party);
        }
      }
    }
  }
  if (const toml::table* urls = toml_table(table, "urls", where, warnings)) {
    for (const auto& [label, value] : *urls) {
      if (const auto* url = value.as_string()) {
        facts.add_reference(reference_type_for_label(label.str()), url->get());
      }
    }
  }
  if (const toml::array* dependencies = toml_array(table, "dependencies", where, warnings)) {
    add_pep508_array(project, *dependencies, RelationshipType::depends_on, "", where, warnings);
  }
  if (const toml::table* extras = toml_table(table, "optional-dependencies", where, warnings)) {
    for (const auto& [extra, value] : *extras) {
      if (const auto* array = value.as_array()) {
        add_pep508_array(project, *array, RelationshipType::optional_depends_on,
                         std::string(extra.str()), where, warnings);
      }
    }
  }
}

void read_poetry_table(const toml::table& poetry, Project& project, FileReport& warnings) {
  const std::string where = "[tool.poetry]";
  PackageFacts& facts = project.facts;
  if (facts.name.empty()) {
    facts.name = toml_text(poetry, "name", where, warnings);
  }
  if (facts.version.empty()) {
    facts.version = toml_text(poetry, "version", where, warnings);
  }
  if (facts.description.empty()) {
    facts.description = toml_text(poetry, "description", where, warnings);
  }
  if (facts.licenses.empty()) {
    facts.licenses = licenses_from("", toml_text(poetry, "license", where, warnings), {});
  }
  if (facts.authors.empty()) {
    for (const auto& author : toml_texts(poetry, "authors", where, warnings)) {
      for (auto& party : parse_people("", author)) {
        facts.authors.push_back(std::move(party));
      }
    }
  }
  facts.add_reference("website", toml_text(poetry, "homepage", where, warnings));
  facts.add_reference("vcs", toml_text(poetry, "repository", where, warnings));
  facts.add_reference("documentation", toml_text(poetry, "documentation", where, warnings));

  if (const toml::table* table = toml_table(poetry, "dependencies", where, warnings)) {
    add_poetry_dependencies(project, *table, RelationshipType::depends_on, "",
                            "[tool.poetry.dependencies]", warnings);
  }
  if (const toml::table* table = toml_table(poetry, "dev-dependencies", where, warnings)) {
    add_poetry_dependencies(project, *table, RelationshipType::dev_depends_on, "dev",
                            "[tool.poetry.dev-dependencies]", warnings);
  }
  if (const toml::table* groups = toml_table(poetry, "group", where, warnings)) {
    for (const auto& [name, value] : *groups) {
      const auto* group = value.as_table();
      std::string group_where = "[tool.poetry.group." + std::string(name.str()) + "]";
      const toml::table* table =
          group != nullptr ? toml_table(*group, "dependencies", group_where, warnings) : nullptr;
      if (table == nullptr) {
        continue;
      }
      // Every group but "main" is for developing the project (tests, docs,
      // linters): poetry installs it on request only.
      auto type =
          name.str() == "main" ? RelationshipType::depends_on : RelationshipType::dev_depends_on;
      add_poetry_dependencies(project, *table, type, std::string(name.str()),
                              group_where + ".dependencies", warnings);
    }
  }
}

void read_tool_dev_dependencies(const toml::table& tool, Project& project, FileReport& warnings) {
  if (const toml::table* uv = toml_table(tool, "uv", "[tool]", warnings)) {
    if (const toml::array* dev = toml_array(*uv, "dev-dependencies", "[tool.uv]", warnings)) {
      add_pep508_array(project, *dev, RelationshipType::dev_depends_on, "dev",
                       "[tool.uv] dev-dependencies", warnings);
    }
  }
  if (const toml::table* pdm = toml_table(tool, "pdm", "[tool]", warnings)) {
    if (const toml::table* dev = toml_table(*pdm, "dev-dependencies", "[tool.pdm]", warnings)) {
      for (const auto& [group, value] : *dev) {
        if (const auto* array = value.as_array()) {
          add_pep508_array(project, *array, RelationshipType::dev_depends_on,
                           std::string(group.str()), "[tool.pdm.dev-dependencies]", warnings);
        }
      }
    }
  }
}

} // namespace

std::optional<Project> read_pyproject(const source::SourceFile& file, FileReport& warnings) {
  auto document = parse_toml(file.contents, warnings);
  if (!document) {
    return std::nullopt;
  }
  Project project;
  project.file = &file;
  bool declared = false;
  if (const toml::table* table = toml_table(*document, "project", "the file", warnings)) {
    read_project_table(*table, project, warnings);
    declared = true;
  }
  if (const toml::table* groups =
          toml_table(*document, "dependency-groups", "the file", warnings)) {
    for (const auto& [name, value] : *groups) {
      (void)value;
      add_dependency_group(project, *groups, std::string(name.str()), 0, warnings);
    }
  }
  if (const toml::table* tool = toml_table(*document, "tool", "the file", warnings)) {
    if (const toml::table* poetry = toml_table(*tool, "poetry", "[tool]", warnings)) {
      read_poetry_table(*poetry, project, warnings);
      declared = true;
    }
    read_tool_dev_dependencies(*tool, project, warnings);
  }
  if (!declared && project.dependencies.empty()) {
    return std::nullopt; // Only tool settings (black, ruff, ...): no project.
  }
  if (project.facts.name.empty()) {
    // Poetry's package-mode = false and bare dependency groups need no
    // name; the folder names the project, as pip would call it.
    std::string_view folder = file_name_of(folder_of(file.location));
    project.facts.name = folder.empty() ? std::string("project") : std::string(folder);
  }
  return project;
}

} // namespace kensa::scanner::python
