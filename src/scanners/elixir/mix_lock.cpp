#include "mix_lock.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/beam_terms.hpp"

namespace kensa::scanner::elixir {

namespace {

std::string text_of(const Term* term) {
  return term != nullptr && (term->kind == Term::Kind::string || term->kind == Term::Kind::atom)
             ? term->text
             : std::string();
}

// {:hex, :name, "1.0.0", "<inner>", [:mix], [deps], "hexpm", "<outer>"};
// older lockfiles stop after the repository, or after the build tools.
void add_hex(FileReport& report, LockedGraph& packages, const std::string& key, const Term& entry) {
  std::string package = text_of(entry.at(1));
  std::string version = text_of(entry.at(2));
  std::string inner = text_of(entry.at(3));
  std::string repository = text_of(entry.at(6));
  std::string outer = text_of(entry.at(7));
  if (package.empty() || version.empty()) {
    report.warn("dependency " + key + ": a hex entry without a package name and version; skipped");
    return;
  }
  // Packages of a hex.pm organisation come from "hexpm:<organisation>":
  // the purl's namespace, as the purl specification says.
  std::string purl_namespace;
  if (repository.starts_with("hexpm:")) {
    purl_namespace = repository.substr(6);
  }
  std::vector<std::pair<std::string, std::string>> qualifiers;
  bool known_repository = repository.empty() || repository == "hexpm" || !purl_namespace.empty();
  model::Component component = make_locked_component(report, "hex", "hex", purl_namespace, package,
                                                     version, std::move(qualifiers));
  if (!known_repository) {
    component.add_property(std::string(k_property_repository), repository);
  }
  if (!outer.empty()) {
    add_hex_hash(report, component, model::HashAlgorithm::sha256, outer);
  }
  if (!inner.empty()) {
    component.add_property(std::string(k_property_inner_checksum), inner);
  }
  if (const Term* tools = entry.at(4); tools != nullptr && tools->kind == Term::Kind::list) {
    std::string names;
    for (const Term& tool : tools->items) {
      if (tool.kind == Term::Kind::atom) {
        names += (names.empty() ? "" : ",") + tool.text;
      }
    }
    if (!names.empty()) {
      component.add_property(std::string(k_property_build_tools), names);
    }
  }
  if (!packages.add(key, std::move(component))) {
    return;
  }
  const Term* dependencies = entry.at(5);
  if (dependencies == nullptr) {
    return;
  }
  if (dependencies->kind != Term::Kind::list) {
    report.warn("dependency " + key + ": its dependencies are not a list");
    return;
  }
  for (const Term& dependency : dependencies->items) {
    // {:name, "~> 1.0", [hex: :name, repo: "hexpm", optional: false]}
    std::string name = text_of(dependency.at(0));
    if (dependency.kind != Term::Kind::tuple || name.empty()) {
      report.warn("dependency " + key + ": a dependency is not {name, requirement, options}");
      continue;
    }
    const Term* options = dependency.at(2);
    const Term* optional = options != nullptr ? options->find("optional") : nullptr;
    bool is_optional = optional != nullptr && optional->is_atom("true");
    packages.depend(key, name,
                    is_optional ? model::RelationshipType::optional_depends_on
                                : model::RelationshipType::depends_on);
  }
}

// {:git, "https://host/repo.git", "<revision>", [branch: "main"]}
void add_git(FileReport& report, LockedGraph& packages, const std::string& key, const Term& entry) {
  std::string url = text_of(entry.at(1));
  std::string revision = text_of(entry.at(2));
  if (url.empty()) {
    report.warn("dependency " + key + ": a git entry without a URL; skipped");
    return;
  }
  std::vector<std::pair<std::string, std::string>> qualifiers;
  qualifiers.emplace_back("vcs_url", "git+" + url + (revision.empty() ? "" : "@" + revision));
  // The lockfile records the commit, not the package's version.
  model::Component component =
      make_locked_component(report, "hex", "hex", "", key, revision, std::move(qualifiers));
  component.external_references.push_back(model::ExternalReference{"vcs", url});
  if (!revision.empty()) {
    component.add_property(std::string(k_property_git_revision), revision);
  }
  packages.add(key, std::move(component));
}

} // namespace

void parse_mix_lock(FileReport& report, const source::SourceFile& file) {
  auto terms = parse_terms(file.contents, TermSyntax::elixir);
  if (!terms) {
    report.omit("not a mix.lock: " + terms.error());
    return;
  }
  if (terms->empty()) {
    return;
  }
  const Term& root = terms->front();
  if (terms->size() != 1 || root.kind != Term::Kind::map) {
    report.omit("not a mix.lock: it is not one map");
    return;
  }
  LockedGraph packages(report, file);
  for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
    std::string key = text_of(&root.items[i]);
    const Term& entry = root.items[i + 1];
    if (key.empty() || entry.kind != Term::Kind::tuple || entry.items.empty() ||
        entry.items[0].kind != Term::Kind::atom) {
      report.warn("entry " + std::to_string(i / 2 + 1) + " is not a name with a tuple; skipped");
      continue;
    }
    const std::string& kind = entry.items[0].text;
    if (kind == "hex") {
      add_hex(report, packages, key, entry);
    } else if (kind == "git") {
      add_git(report, packages, key, entry);
    } else {
      report.warn("dependency " + key + ": source :" + kind + " is not one kensa knows; skipped");
    }
  }
  // Optional dependencies a project did not choose are not locked, and a
  // package may name dependencies only other targets build.
  packages.finish({}, true);
}

} // namespace kensa::scanner::elixir
