#include "gem_file.hpp"

#include "../common/parsers/yaml_text.hpp"
#include "gem_component.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/util/decompress.hpp>
#include <kensa/util/result.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::ruby {

namespace {

constexpr std::string_view k_member = "metadata.gz";
// Real specifications are a few kilobytes (a gem listing thousands of
// files, some hundreds); the cap stops a gzip bomb.
constexpr std::size_t k_max_metadata = 16u << 20;
constexpr std::size_t k_max_gem_dependencies = 10'000;

// The text of each item of sequence `node`; none when it is not one.
std::vector<std::string> scalars(const YamlNode& node) {
  std::vector<std::string> items;
  if (node.is_sequence()) {
    for (const YamlEntry item : node.entries()) {
      if (std::string text = scalar(item.value); !text.empty()) {
        items.push_back(std::move(text));
      }
    }
  }
  return items;
}

// A Gem::Requirement ("requirements: [[">=", {version: "1.0"}], ...]") as
// Ruby writes it: ">= 1.0, < 2"; empty for the ">= 0" that allows any.
std::string requirement_text(const YamlNode& requirement) {
  std::string text;
  auto pairs = child(requirement, "requirements");
  if (!pairs.is_sequence()) {
    return text;
  }
  for (const YamlEntry item : pairs.entries()) {
    const YamlNode& pair = item.value;
    if (!pair.is_sequence() || pair.size() != 2) {
      continue;
    }
    std::vector<YamlNode> parts;
    for (const YamlEntry part : pair.entries()) {
      parts.push_back(part.value);
    }
    std::string op = scalar(parts[0]);
    std::string version = scalar(child(parts[1], "version"));
    if (op.empty() || version.empty() || (op == ">=" && version == "0")) {
      continue;
    }
    text += (text.empty() ? "" : ", ") + op + " " + version;
  }
  return text;
}

} // namespace

bool is_gem_metadata(const ScanContext& context, const source::SourceFile& file) {
  (void)context;
  std::string_view location = file.location;
  if (file.path != k_member || !location.ends_with(k_member)) {
    return false;
  }
  location.remove_suffix(k_member.size());
  return location.ends_with(".gem!/");
}

void parse_gem_metadata(FileReport& report, const source::SourceFile& file) {
  std::string_view bytes = file.contents;
  std::string text;
  if (bytes.starts_with("\x1f\x8b")) {
    auto plain = decompress(bytes, Compression::gzip, k_max_metadata);
    if (!plain) {
      report.omit(std::string(k_member) + " " + plain.error());
      return;
    }
    text = std::move(*plain);
  } else {
    text = std::string(bytes); // Already decompressed by the walk.
  }
  auto loaded = load_yaml_map(text, report, "a gem specification");
  if (!loaded) {
    return;
  }
  const YamlNode document = loaded->root();
  Gem gem;
  gem.name = scalar(child(document, "name"));
  auto version = child(document, "version");
  gem.version = version.is_map() ? scalar(child(version, "version")) : scalar(version);
  if (gem.name.empty() || gem.version.empty()) {
    report.warn("no name or version; not a gem specification");
    return;
  }
  gem.platform = scalar(child(document, "platform"));
  if (gem.platform == "ruby") {
    gem.platform.clear();
  }
  gem.licenses = scalars(child(document, "licenses"));
  if (gem.licenses.empty()) {
    if (std::string license = scalar(child(document, "license")); !license.empty()) {
      gem.licenses.push_back(std::move(license));
    }
  }
  gem.authors = scalars(child(document, "authors"));
  gem.homepage = scalar(child(document, "homepage"));
  gem.summary = scalar(child(document, "summary"));
  auto dependencies = child(document, "dependencies");
  if (dependencies.is_sequence()) {
    for (const YamlEntry entry : dependencies.entries()) {
      const YamlNode& dependency = entry.value;
      if (gem.dependencies.size() == k_max_gem_dependencies) {
        report.warn("more than " + std::to_string(k_max_gem_dependencies) +
                    " dependencies; the rest is not read");
        break;
      }
      std::string name = scalar(child(dependency, "name"));
      if (name.empty()) {
        report.warn("a dependency without a name; not read");
        continue;
      }
      // RubyGems 1.3 wrote the requirement as version_requirements.
      std::string requirement = requirement_text(child(dependency, "requirement"));
      if (requirement.empty()) {
        requirement = requirement_text(child(dependency, "version_requirements"));
      }
      gem.dependencies.push_back(
          GemDependency{std::move(name), std::move(requirement),
                        scalar(child(dependency, "type")) == ":development"});
    }
  }

  ScanContext& context = report.context();
  auto& graph = context.graph();
  std::string_view location = file.location;
  location.remove_suffix(k_member.size() + 2);
  model::Evidence evidence{std::string(location), file.layer, std::string(k_found_by_gem_file)};
  std::string gem_id = graph.add(make_gem_component(gem, evidence, report));
  add_declared_dependencies(graph, gem_id, gem, evidence, report);
}

} // namespace kensa::scanner::ruby
