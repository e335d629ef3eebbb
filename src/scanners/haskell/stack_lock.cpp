#include "stack_lock.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/yaml_text.hpp"
#include "hackage_package.hpp"

namespace kensa::scanner::haskell {

namespace {

// Far above real files (extra-deps are rarely more than a few dozen).
constexpr std::size_t k_max_packages = 100'000;

// `completed.hackage`: `name-version`, then optionally `@sha256:HASH,SIZE`
// (the .cabal file revision Stack pinned) or `@rev:N`.
bool add_hackage_package(FileReport& report, LockedGraph& locked, const std::string& text,
                         std::size_t index) {
  std::string_view id = text;
  std::string_view pin;
  if (auto at = id.find('@'); at != std::string_view::npos) {
    pin = id.substr(at + 1);
    id = id.substr(0, at);
  }
  auto package = split_package_id(id);
  if (!package) {
    report.warn("package " + std::to_string(index) + ": \"" + text +
                "\" is not name-version[@pin]; skipped");
    return true;
  }
  model::Component component =
      make_locked_component(report, "hackage", "hackage", "", package->name, package->version);
  if (pin.starts_with("sha256:")) {
    pin.remove_prefix(7);
    auto comma = pin.find(',');
    add_hex_hash(report, component, model::HashAlgorithm::sha256, pin.substr(0, comma));
    if (comma != std::string_view::npos) {
      component.add_property(std::string(k_property_cabal_file_size),
                             std::string(pin.substr(comma + 1)));
    }
  } else if (!pin.empty() && !pin.starts_with("rev:")) {
    report.warn("package " + package->name + ": pin \"" + std::string(pin) +
                "\" is neither sha256:HASH,SIZE nor rev:N; ignored");
  }
  return locked.add(package->name, std::move(component));
}

// A git or archive package: `name` and `version` beside `git` (with
// `commit`) or `url`. Not a Hackage package: no purl.
bool add_source_package(FileReport& report, LockedGraph& locked, const YamlNode& completed,
                        std::size_t index) {
  std::string name = scalar(child(completed, "name"));
  std::string version = scalar(child(completed, "version"));
  std::string git = scalar(child(completed, "git"));
  std::string url = scalar(child(completed, "url"));
  if (name.empty() || (git.empty() && url.empty())) {
    report.warn("package " + std::to_string(index) +
                ": neither hackage nor a named git or url package; skipped");
    return true;
  }
  model::Component component = make_locked_component(report, "hackage", "", "", name, version);
  if (!git.empty()) {
    component.external_references.push_back(model::ExternalReference{"vcs", git});
    std::string commit = scalar(child(completed, "commit"));
    if (!commit.empty()) {
      component.add_property(std::string(k_property_git_commit), commit);
    }
  } else {
    component.external_references.push_back(model::ExternalReference{"distribution", url});
    std::string sha256 = scalar(child(completed, "sha256"));
    if (!sha256.empty()) {
      add_hex_hash(report, component, model::HashAlgorithm::sha256, sha256);
    }
  }
  return locked.add(name, std::move(component));
}

} // namespace

void parse_stack_lock(FileReport& report, const source::SourceFile& file) {
  auto document = load_yaml_map(file.contents, report, "a stack.yaml.lock");
  if (!document) {
    return;
  }
  YamlNode packages =
      yaml_section(document->root(), "packages", YamlKind::sequence, "\"packages\"", report);
  if (!packages.defined()) {
    return;
  }
  LockedGraph locked(report, file);
  for_each_capped(
      packages, k_max_packages, "packages", report, [&](const YamlEntry& entry, std::size_t count) {
        YamlNode completed = child(entry.value, "completed");
        if (!completed.is_map()) {
          report.warn("package " + std::to_string(count) + " has no \"completed\" map; skipped");
          return true;
        }
        std::string hackage = scalar(child(completed, "hackage"));
        return hackage.empty() ? add_source_package(report, locked, completed, count)
                               : add_hackage_package(report, locked, hackage, count);
      });
  locked.finish();
}

} // namespace kensa::scanner::haskell
