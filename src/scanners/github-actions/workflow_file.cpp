#include "workflow_file.hpp"

#include "../common/parsers/yaml_text.hpp"
#include "action_reference.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::github_actions {

namespace {

// Far above real workflows (a few dozen jobs of a few dozen steps).
constexpr std::size_t k_max_uses = 100'000;

inline constexpr std::string_view k_property_ref_comment = "kensa:github-actions:ref-comment";
inline constexpr std::string_view k_property_kind = "kensa:github-actions:kind";
inline constexpr std::string_view k_property_tag = "kensa:github-actions:docker-tag";

// One `uses:` value and the line it is on (1-based).
struct Use {
  std::string text;
  std::size_t line = 0;
};

// Where each line of a file starts, so that the line of a `uses` can be
// read again: the YAML tree drops comments, and the comment after a pinned SHA
// ("# v4.1.1") says which release it is.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : m_text(text) {
    m_starts.push_back(0);
    for (std::size_t at = text.find('\n'); at != std::string_view::npos;
         at = text.find('\n', at + 1)) {
      m_starts.push_back(at + 1);
    }
  }

  // The text after " #" on line `line` (1-based), trimmed; empty when
  // there is none.
  std::string comment_on(std::size_t line) const {
    if (line == 0 || line > m_starts.size()) {
      return {};
    }
    std::size_t start = m_starts[line - 1];
    std::size_t end = line < m_starts.size() ? m_starts[line] : m_text.size();
    std::string_view content = m_text.substr(start, end - start);
    std::size_t hash = content.find(" #");
    if (hash == std::string_view::npos) {
      return {};
    }
    return std::string(trim(content.substr(hash + 2)));
  }

 private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;
};

class UseCollector {
 public:
  explicit UseCollector(FileReport& report) : m_report(report) {}

  void add(const YamlNode& node) {
    if (!node.defined() || node.is_null()) {
      return;
    }
    std::size_t line = node.line();
    if (!node.is_scalar()) {
      m_report.warn_at(line, "uses is not a string; skipped");
      return;
    }
    if (m_uses.size() >= k_max_uses) {
      if (!m_capped) {
        m_report.warn_at(line, "more than " + std::to_string(k_max_uses) +
                                   " uses; the rest are left out");
        m_capped = true;
      }
      return;
    }
    m_uses.push_back(Use{scalar(node), line});
  }

  void add_steps(const YamlNode& steps) {
    if (!steps.is_sequence()) {
      return;
    }
    for (const YamlEntry step : steps.entries()) {
      if (step.value.is_map()) {
        add(child(step.value, "uses"));
      }
    }
  }

  std::vector<Use>& uses() { return m_uses; }

 private:
  FileReport& m_report;
  std::vector<Use> m_uses;
  bool m_capped = false;
};

model::Component repository_component(const ActionReference& reference, const Use& use,
                                      const LineIndex& lines, FileReport& report) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "github";
  component.group = reference.owner;
  component.name =
      reference.path.empty() ? reference.repository : reference.repository + "/" + reference.path;
  component.version = reference.ref;
  if (auto purl = model::make_purl("github", reference.owner, reference.repository, reference.ref,
                                   {}, reference.path)) {
    component.purl = purl->to_string();
  } else {
    report.warn_at(use.line, "uses " + use.text + ": " + purl.error());
  }
  bool workflow = reference.path.find(".github/workflows/") != std::string::npos;
  component.add_property(std::string(k_property_kind), workflow ? "reusable-workflow" : "action");
  if (is_commit_sha(reference.ref)) {
    if (std::string comment = lines.comment_on(use.line); !comment.empty()) {
      component.add_property(std::string(k_property_ref_comment), comment);
    }
  }
  component.external_references.push_back(model::ExternalReference{
      "vcs", "https://github.com/" + reference.owner + "/" + reference.repository});
  return component;
}

model::Component docker_component(const ActionReference& reference, const Use& use,
                                  FileReport& report) {
  model::Component component;
  component.type = model::ComponentType::container;
  component.ecosystem = "docker";
  component.group = reference.image_namespace;
  component.name = reference.image_name;
  component.version = reference.digest.empty() ? reference.tag : reference.digest;
  std::vector<std::pair<std::string, std::string>> qualifiers;
  if (!reference.registry.empty()) {
    qualifiers.emplace_back("repository_url", reference.registry);
  }
  if (auto purl = model::make_purl("docker", reference.image_namespace, reference.image_name,
                                   component.version, qualifiers)) {
    component.purl = purl->to_string();
  } else {
    report.warn_at(use.line, "uses " + use.text + ": " + purl.error());
  }
  if (!reference.digest.empty() && !reference.tag.empty()) {
    component.add_property(std::string(k_property_tag), reference.tag);
  }
  component.add_property(std::string(k_property_kind), "docker");
  return component;
}

} // namespace

void parse_workflow_file(FileReport& report, const source::SourceFile& file) {
  auto loaded = load_yaml(file.contents, report);
  if (!loaded) {
    return;
  }
  const YamlNode document = loaded->root();
  if (!document.is_map()) {
    if (!document.is_null()) {
      report.warn("the top level is not a mapping; not a workflow or an action");
    }
    return;
  }
  UseCollector collector(report);
  std::string_view name = file_name_of(file.path);
  if (name == "action.yml" || name == "action.yaml") {
    YamlNode runs = child(document, "runs");
    std::string using_what = scalar(child(runs, "using"));
    if (using_what == "composite") {
      collector.add_steps(child(runs, "steps"));
    } else if (using_what == "docker") {
      // A Docker action runs the image it names as a docker:// reference,
      // which is what a step's docker:// uses names; an image built from a
      // Dockerfile of the action's own repository is that repository's code.
      YamlNode image = child(runs, "image");
      if (image.is_scalar() && scalar(image).starts_with("docker://")) {
        collector.add(image);
      }
    } else {
      return; // A JavaScript action: no uses.
    }
  } else {
    YamlNode jobs = child(document, "jobs");
    if (jobs.is_map()) {
      for (const YamlEntry job : jobs.entries()) {
        if (job.value.is_map()) {
          collector.add(child(job.value, "uses"));
          collector.add_steps(child(job.value, "steps"));
        }
      }
    }
  }
  ScanContext& context = report.context();
  model::Evidence evidence = context.evidence_for(file);
  const LineIndex lines(file.contents);
  for (const auto& use : collector.uses()) {
    std::string problem;
    auto reference = parse_action_reference(use.text, problem);
    if (!reference) {
      report.warn_at(use.line, "uses \"" + use.text + "\": " + problem + "; skipped");
      continue;
    }
    if (reference->kind == ReferenceKind::local) {
      continue; // The repository's own code, which the SBOM is about.
    }
    model::Component component = reference->kind == ReferenceKind::docker
                                     ? docker_component(*reference, use, report)
                                     : repository_component(*reference, use, lines, report);
    component.scope = model::Scope::excluded;
    component.evidence.push_back(evidence);
    context.graph().add(std::move(component));
  }
}

} // namespace kensa::scanner::github_actions
