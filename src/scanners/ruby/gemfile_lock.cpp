#include "gemfile_lock.hpp"

#include "gem_component.hpp"

#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

#include <map>
#include <optional>
#include <set>

namespace kensa::scanner::ruby {

namespace {

// Far above real lockfiles (big Rails applications lock a few hundred gems).
constexpr std::size_t k_max_gems = 200'000;
constexpr std::size_t k_max_edges = 2'000'000;

struct LockedGem {
  Gem gem;
  // The names under the spec, each a gem it depends on.
  std::vector<std::string> dependencies;
  std::size_t line = 0;
  std::string id;
};

// "name (version[-platform])" or "name (requirement)" or "name", the
// Bundler way: the version is what comes before the first '-'.
struct NameAndVersion {
  std::string name;
  std::string version;
  std::string platform;
  bool pinned = false; // DEPENDENCIES "name!": from a GIT or PATH source.
};

std::optional<NameAndVersion> parse_name_and_version(std::string_view text) {
  NameAndVersion parsed;
  text = trim(text);
  if (text.ends_with('!')) {
    parsed.pinned = true;
    text.remove_suffix(1);
  }
  std::size_t open = text.find(" (");
  parsed.name = std::string(text.substr(0, open));
  if (parsed.name.empty() || parsed.name.find(' ') != std::string::npos) {
    return std::nullopt;
  }
  if (open == std::string_view::npos) {
    return parsed;
  }
  std::string_view inside = text.substr(open + 2);
  if (!inside.ends_with(')')) {
    return std::nullopt;
  }
  inside.remove_suffix(1);
  std::size_t dash = inside.find('-');
  parsed.version = std::string(inside.substr(0, dash));
  if (dash != std::string_view::npos) {
    parsed.platform = std::string(inside.substr(dash + 1));
  }
  return parsed;
}

std::size_t indent_of(std::string_view line) {
  std::size_t spaces = 0;
  while (spaces < line.size() && line[spaces] == ' ') {
    ++spaces;
  }
  return spaces;
}

class LockfileReader {
 public:
  explicit LockfileReader(FileReport& report) : m_report(report) {}

  void read(std::string_view text) {
    std::size_t number = 0;
    while (!text.empty() && !m_stopped) {
      std::size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      ++number;
      if (line.ends_with('\r')) {
        line.remove_suffix(1);
      }
      if (trim(line).empty()) {
        continue;
      }
      this->line(line, number);
    }
  }

  std::vector<LockedGem>& gems() { return m_gems; }
  const std::vector<std::string>& direct() const { return m_direct; }
  const std::string& bundled_with() const { return m_bundled_with; }

 private:
  void line(std::string_view line, std::size_t number) {
    std::size_t indent = indent_of(line);
    std::string_view text = line.substr(indent);
    if (indent == 0) {
      m_section = std::string(text);
      m_in_specs = false;
      m_remote.clear();
      m_revision.clear();
      if (m_section == "GIT") {
        m_source = GemSource::git;
      } else if (m_section == "PATH") {
        m_source = GemSource::path;
      } else {
        m_source = GemSource::rubygems;
      }
      return;
    }
    if (m_section == "GIT" || m_section == "PATH" || m_section == "GEM" ||
        m_section == "PLUGIN SOURCE") {
      source_line(indent, text, number);
    } else if (m_section == "DEPENDENCIES" && indent == 2) {
      if (auto dependency = parse_name_and_version(text)) {
        m_direct.push_back(dependency->name);
      } else {
        m_report.warn_at(number, "not a dependency: \"" + std::string(text) + "\"");
      }
    } else if (m_section == "BUNDLED WITH") {
      m_bundled_with = std::string(trim(text));
    } else if (m_section == "CHECKSUMS" && indent == 2) {
      checksum_line(text, number);
    }
  }

  void source_line(std::size_t indent, std::string_view text, std::size_t number) {
    if (indent == 2) {
      m_in_specs = text == "specs:";
      std::size_t colon = text.find(": ");
      if (colon == std::string_view::npos) {
        return;
      }
      std::string_view key = text.substr(0, colon);
      std::string value(trim(text.substr(colon + 2)));
      if (key == "remote") {
        m_remote = value;
      } else if (key == "revision") {
        m_revision = value;
      }
      return;
    }
    if (!m_in_specs || m_section == "PLUGIN SOURCE") {
      return;
    }
    auto parsed = parse_name_and_version(text);
    if (!parsed) {
      m_report.warn_at(number, "not \"name (version)\": \"" + std::string(text) + "\"");
      return;
    }
    if (indent == 4) {
      if (m_gems.size() >= k_max_gems) {
        m_report.omit_at(number, "more than " + std::to_string(k_max_gems) +
                                     " gems; the rest of the file is not read");
        m_stopped = true;
        return;
      }
      LockedGem locked;
      locked.gem.name = std::move(parsed->name);
      locked.gem.version = std::move(parsed->version);
      locked.gem.platform = parsed->platform == "ruby" ? "" : std::move(parsed->platform);
      locked.gem.source = m_source;
      locked.gem.remote = m_remote;
      locked.gem.revision = m_revision;
      locked.line = number;
      m_gems.push_back(std::move(locked));
    } else if (indent == 6 && !m_gems.empty()) {
      if (++m_edges > k_max_edges) {
        if (m_edges == k_max_edges + 1) {
          m_report.warn_at(number, "more than " + std::to_string(k_max_edges) +
                                       " dependencies; the rest are left out");
        }
        return;
      }
      m_gems.back().dependencies.push_back(std::move(parsed->name));
    }
  }

  // "name (version[-platform]) sha256=<hex>[,...]"
  void checksum_line(std::string_view text, std::size_t number) {
    std::size_t close = text.find(") ");
    if (close == std::string_view::npos) {
      return; // A gem without a checksum.
    }
    auto parsed = parse_name_and_version(text.substr(0, close + 1));
    if (!parsed) {
      m_report.warn_at(number, "not a checksum line: \"" + std::string(text) + "\"");
      return;
    }
    for (auto item : split(text.substr(close + 2), ',')) {
      item = trim(item);
      if (item.starts_with("sha256=")) {
        std::string key = parsed->name + " " + parsed->version + " " + parsed->platform;
        m_checksums[key] = std::string(item.substr(7));
      }
    }
  }

 public:
  std::string checksum_of(const Gem& gem) const {
    auto found = m_checksums.find(gem.name + " " + gem.version + " " + gem.platform);
    return found == m_checksums.end() ? std::string() : found->second;
  }

 private:
  FileReport& m_report;
  std::vector<LockedGem> m_gems;
  std::vector<std::string> m_direct;
  std::map<std::string, std::string> m_checksums;
  std::string m_bundled_with;
  std::string m_section;
  std::string m_remote;
  std::string m_revision;
  GemSource m_source = GemSource::rubygems;
  bool m_in_specs = false;
  bool m_stopped = false;
  std::size_t m_edges = 0;
};

// The folder the lockfile is in, by name: what the project is called when
// it has no gemspec.
std::string project_name(const ScanContext& context, const source::SourceFile& file) {
  std::string_view folder = folder_of(file.location);
  if (folder.empty() || folder.ends_with('/')) {
    return context.root_name().empty() ? std::string("Gemfile.lock") : context.root_name();
  }
  return std::string(file_name_of(folder));
}

} // namespace

void read_gemfile_lock(FileReport& report, const source::SourceFile& file,
                       std::span<const ProjectGemspec> gemspecs) {
  LockfileReader reader(report);
  reader.read(file.contents);
  ScanContext& context = report.context();
  auto& graph = context.graph();
  model::Evidence evidence = context.evidence_for(file);
  auto& gems = reader.gems();

  // The project's own gem: the one gem of the lockfile's folder. A folder
  // with several (a monorepo such as Rails) is a project of its own.
  std::multimap<std::string, std::size_t> by_name;
  std::vector<std::size_t> own_gems;
  for (std::size_t i = 0; i < gems.size(); ++i) {
    by_name.emplace(gems[i].gem.name, i);
    if (gems[i].gem.source == GemSource::path && gems[i].gem.remote == ".") {
      own_gems.push_back(i);
    }
  }
  std::optional<std::size_t> own_gem;
  if (own_gems.size() == 1) {
    own_gem = own_gems.front();
  }
  for (std::size_t i = 0; i < gems.size(); ++i) {
    Gem& gem = gems[i].gem;
    gem.sha256 = reader.checksum_of(gem);
    const ProjectGemspec* described = nullptr;
    if (gem.source == GemSource::path && gem.remote == ".") {
      for (const auto& gemspec : gemspecs) {
        if (gemspec.gem.name == gem.name) {
          described = &gemspec;
          gem.licenses = gemspec.gem.licenses;
          gem.authors = gemspec.gem.authors;
          gem.homepage = gemspec.gem.homepage;
          gem.summary = gemspec.gem.summary;
        }
      }
    }
    model::Component component = make_gem_component(gem, evidence, report);
    if (described != nullptr) {
      component.evidence.push_back(described->evidence);
    }
    if (own_gem && i == *own_gem) {
      component.type = model::ComponentType::application;
      component.scope = model::Scope::unknown;
      if (!reader.bundled_with().empty()) {
        component.add_property(std::string(k_property_bundled_with), reader.bundled_with());
      }
    }
    gems[i].id = graph.add(std::move(component));
  }
  std::string root_id;
  if (own_gem) {
    root_id = gems[*own_gem].id;
  } else {
    model::Component project;
    project.type = model::ComponentType::application;
    project.name = project_name(context, file);
    if (!reader.bundled_with().empty()) {
      project.add_property(std::string(k_property_bundled_with), reader.bundled_with());
    }
    project.evidence.push_back(evidence);
    root_id = graph.add(std::move(project));
  }
  if (!context.subject_id().empty()) {
    graph.relate(context.subject_id(), root_id, model::RelationshipType::describes);
  }

  // Each name is an edge to every locked gem of that name, so a file
  // naming one gem locked many times over could ask for billions: the
  // edges made are capped too.
  std::size_t related = 0;
  auto relate_to_name = [&](const std::string& from, const std::string& name) {
    // A gem for other platforms only (tzinfo-data) or Bundler itself is
    // not locked: there is nothing to relate to.
    auto [begin, end] = by_name.equal_range(name);
    for (auto it = begin; it != end; ++it) {
      if (gems[it->second].id == from) {
        continue;
      }
      if (++related > k_max_edges) {
        if (related == k_max_edges + 1) {
          report.warn("more than " + std::to_string(k_max_edges) +
                      " dependency edges; the rest are left out");
        }
        return;
      }
      graph.relate(from, gems[it->second].id, model::RelationshipType::depends_on);
    }
  };
  for (const auto& locked : gems) {
    for (const auto& name : locked.dependencies) {
      relate_to_name(locked.id, name);
    }
  }
  for (const auto& name : reader.direct()) {
    relate_to_name(root_id, name);
  }
}

} // namespace kensa::scanner::ruby
