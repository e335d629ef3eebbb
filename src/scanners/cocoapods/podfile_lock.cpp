#include "podfile_lock.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/yaml_text.hpp"

#include <map>

namespace kensa::scanner::cocoapods {

namespace {

// Far above real files (the largest apps lock a few hundred pods).
constexpr std::size_t k_max_pods = 100'000;

// The public spec repository, under the names CocoaPods has written for it.
bool is_trunk(std::string_view repo) {
  return repo == "trunk" || repo == "https://github.com/cocoapods/specs.git" ||
         repo == "https://github.com/CocoaPods/Specs.git" || repo == "https://cdn.cocoapods.org/";
}

// EXTERNAL SOURCES and CHECKOUT OPTIONS: pod -> {":git": url, ":tag": v...}.
using SourceOptions = std::map<std::string, std::map<std::string, std::string>>;

SourceOptions read_source_options(FileReport& report, const YamlNode& section,
                                  std::string_view name) {
  SourceOptions options;
  if (!section.defined() || section.is_null()) {
    return options;
  }
  if (!section.is_map()) {
    report.warn(std::string(name) + " is not a map");
    return options;
  }
  for (const YamlEntry entry : section.entries()) {
    std::string pod = scalar(entry.key);
    if (!entry.value.is_map()) {
      report.warn(std::string(name) + ": " + pod + " is not a map");
      continue;
    }
    auto& into = options[pod];
    for (const YamlEntry option : entry.value.entries()) {
      into[scalar(option.key)] = scalar(option.value);
    }
  }
  return options;
}

std::string option(const SourceOptions& options, const std::string& pod, const char* key) {
  auto found = options.find(pod);
  if (found == options.end()) {
    return {};
  }
  auto value = found->second.find(key);
  return value == found->second.end() ? std::string() : value->second;
}

class PodfileLock {
 public:
  PodfileLock(FileReport& report, const source::SourceFile& file)
      : m_report(report), m_packages(report, file) {}

  void read(const YamlNode& document) {
    read_checksums(child(document, "SPEC CHECKSUMS"));
    read_spec_repos(child(document, "SPEC REPOS"));
    m_external =
        read_source_options(m_report, child(document, "EXTERNAL SOURCES"), "EXTERNAL SOURCES");
    m_checkout =
        read_source_options(m_report, child(document, "CHECKOUT OPTIONS"), "CHECKOUT OPTIONS");
    YamlNode pods = yaml_section(document, "PODS", YamlKind::sequence, "PODS", m_report);
    if (!pods.defined()) {
      return;
    }
    for_each_capped(pods, k_max_pods, "pods", m_report,
                    [&](const YamlEntry& item, std::size_t index) {
                      read_pod(item.value, index);
                      return true;
                    });
    YamlNode direct = child(document, "DEPENDENCIES");
    if (direct.is_sequence()) {
      for (const YamlEntry item : direct.entries()) {
        PodEntry entry = split_pod_entry(scalar(item.value));
        if (!entry.name.empty()) {
          m_packages.direct(entry.name);
        }
      }
    } else if (direct.defined() && !direct.is_null()) {
      m_report.warn("DEPENDENCIES is not a list");
    }
    // A pod's dependency list names pods of every platform the podspec
    // supports, also those this project does not build for (FlutterMacOS in
    // an iOS app): a name missing from PODS is no error.
    m_packages.finish({}, true);
  }

 private:
  void read_checksums(const YamlNode& section) {
    if (!section.is_map()) {
      if (section.defined() && !section.is_null()) {
        m_report.warn("SPEC CHECKSUMS is not a map");
      }
      return;
    }
    for (const YamlEntry entry : section.entries()) {
      m_checksums[scalar(entry.key)] = scalar(entry.value);
    }
  }

  void read_spec_repos(const YamlNode& section) {
    if (!section.is_map()) {
      return;
    }
    for (const YamlEntry repo : section.entries()) {
      if (!repo.value.is_sequence()) {
        continue;
      }
      for (const YamlEntry pod : repo.value.entries()) {
        m_spec_repo[scalar(pod.value)] = scalar(repo.key);
      }
    }
  }

  void read_pod(const YamlNode& item, std::size_t index) {
    std::string text;
    YamlNode dependencies;
    if (item.is_scalar()) {
      text = scalar(item);
    } else if (item.is_map() && item.size() == 1) {
      const YamlEntry only = *item.entries().begin();
      text = scalar(only.key);
      dependencies = only.value;
    }
    PodEntry entry = split_pod_entry(text);
    if (entry.name.empty() || entry.detail.empty()) {
      m_report.warn("PODS entry " + std::to_string(index) + " is not 'Name (version)'; skipped");
      return;
    }
    if (!m_packages.add(entry.name, make_pod(entry.name, entry.detail))) {
      return;
    }
    if (!dependencies.defined() || dependencies.is_null()) {
      return;
    }
    if (!dependencies.is_sequence()) {
      m_report.warn("pod " + entry.name + ": its dependencies are not a list");
      return;
    }
    for (const YamlEntry dependency : dependencies.entries()) {
      PodEntry target = split_pod_entry(scalar(dependency.value));
      if (target.name.empty()) {
        m_report.warn("pod " + entry.name + ": a dependency is not 'Name [(constraint)]'");
        continue;
      }
      m_packages.depend(entry.name, target.name);
    }
  }

  model::Component make_pod(const std::string& name, const std::string& version) {
    std::size_t slash = name.find('/');
    std::string pod = name.substr(0, slash);
    std::string subspec = slash == std::string::npos ? std::string() : name.substr(slash + 1);
    std::string path = option(m_external, pod, ":path");
    std::string git = option(m_checkout, pod, ":git");
    if (git.empty()) {
      git = option(m_external, pod, ":git");
    }
    std::string revision = option(m_checkout, pod, ":commit");
    if (revision.empty()) {
      revision = option(m_checkout, pod, ":tag");
    }
    if (revision.empty()) {
      revision = option(m_external, pod, ":commit");
    }
    if (revision.empty()) {
      revision = option(m_external, pod, ":tag");
    }
    std::vector<std::pair<std::string, std::string>> qualifiers;
    if (!git.empty()) {
      qualifiers.emplace_back("vcs_url", "git+" + git + (revision.empty() ? "" : "@" + revision));
    }
    // A pod from a path is the project's own code (or a copy of a pod
    // that may differ from it): no purl, as for path packages elsewhere.
    bool local = !path.empty();
    // The purl specification forbids '+' in a cocoapods name, which real
    // pods have ("NSURL+IDN"): such a pod has no purl, and that is no
    // fault of the file.
    bool purl_name = pod.find('+') == std::string::npos;
    model::Component component =
        make_locked_component(m_report, "cocoapods", local || !purl_name ? "" : "cocoapods", "",
                              pod, version, std::move(qualifiers), subspec);
    component.name = name;
    if (local) {
      component.add_property(std::string(k_property_local), "true");
      component.add_property(std::string(k_property_source), "path " + path);
    } else if (!git.empty()) {
      component.add_property(std::string(k_property_source), "git " + git);
      component.external_references.push_back(model::ExternalReference{"vcs", git});
    } else if (auto podspec = option(m_external, pod, ":podspec"); !podspec.empty()) {
      component.add_property(std::string(k_property_source), "podspec " + podspec);
    }
    if (auto repo = m_spec_repo.find(pod); repo != m_spec_repo.end() && !is_trunk(repo->second)) {
      component.add_property(std::string(k_property_spec_repo), repo->second);
    }
    if (auto checksum = m_checksums.find(pod); checksum != m_checksums.end()) {
      add_hex_hash(m_report, component, model::HashAlgorithm::sha1, checksum->second);
    }
    return component;
  }

  FileReport& m_report;
  LockedGraph m_packages;
  std::map<std::string, std::string, std::less<>> m_checksums;
  std::map<std::string, std::string, std::less<>> m_spec_repo;
  SourceOptions m_external;
  SourceOptions m_checkout;
};

} // namespace

PodEntry split_pod_entry(std::string_view text) {
  PodEntry entry;
  std::size_t open = text.find(" (");
  if (open == std::string_view::npos) {
    entry.name = std::string(text);
  } else {
    entry.name = std::string(text.substr(0, open));
    std::string_view rest = text.substr(open + 2);
    if (!rest.ends_with(')')) {
      return {};
    }
    rest.remove_suffix(1);
    entry.detail = std::string(rest);
  }
  if (entry.name.find_first_of(" \t") != std::string::npos) {
    return {};
  }
  return entry;
}

void parse_podfile_lock(FileReport& report, const source::SourceFile& file) {
  auto document = load_yaml_map(file.contents, report, "a Podfile.lock");
  if (!document) {
    return;
  }
  PodfileLock(report, file).read(document->root());
}

} // namespace kensa::scanner::cocoapods
