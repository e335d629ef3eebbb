#include "assemblies.hpp"

#include "../common/binary/condensed.hpp"
#include "../common/binary/pe_version.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/util/path_text.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::dotnet {

namespace {

constexpr std::string_view k_property_prefix = "kensa:dotnet:";

// The version strings kept as properties, under their own names.
constexpr std::string_view k_kept_strings[] = {"ProductName", "ProductVersion", "FileVersion",
                                               "CompanyName", "OriginalFilename"};

std::string property_name(std::string_view key) {
  // "ProductVersion" -> "kensa:dotnet:product-version".
  std::string name(k_property_prefix);
  for (std::size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (c >= 'A' && c <= 'Z') {
      if (i != 0) {
        name += '-';
      }
      name += to_lower_ascii(c);
    } else {
      name += c;
    }
  }
  return name;
}

// The informational version "6.0.0+4822e3c..." carries the commit after
// '+': the version is what comes before.
std::string version_of(std::string_view product_version) {
  return std::string(trim(product_version.substr(0, product_version.find('+'))));
}

void add_assembly_facts(model::Component& component, json::Value image,
                        const source::SourceFile& file, ScanContext& context) {
  component.evidence.push_back(context.evidence_for(file));
  std::string_view sha256 = image["sha256"].string();
  if (sha256.size() == model::hash_hex_length(model::HashAlgorithm::sha256)) {
    component.hashes.push_back(model::Hash{model::HashAlgorithm::sha256, std::string(sha256)});
  }
  json::Value strings = image["strings"];
  for (std::string_view key : k_kept_strings) {
    std::string_view value = strings[key].string();
    if (!value.empty()) {
      component.add_property(property_name(key), std::string(value));
    }
  }
  component.add_property(std::string(k_property_prefix) + "managed",
                         image["managed"].boolean() ? "true" : "false");
}

// An assembly no deps.json lists: named after its file (OriginalFilename,
// else its own name, without .dll or .exe: the assembly name .NET loads it
// by), versioned by ProductVersion, else FileVersion.
model::Component standalone_assembly(json::Value image, const source::SourceFile& file) {
  json::Value strings = image["strings"];
  std::string name(strings["OriginalFilename"].string());
  if (name.empty()) {
    name = std::string(file_name_of(file.path));
  }
  std::string lower = to_lower_ascii(name);
  bool executable = lower.ends_with(".exe");
  if (lower.ends_with(".dll") || executable) {
    name.resize(name.size() - 4);
  }
  model::Component component;
  component.type = executable ? model::ComponentType::application : model::ComponentType::library;
  component.name = name;
  component.version = version_of(strings["ProductVersion"].string());
  if (component.version.empty()) {
    component.version = std::string(trim(strings["FileVersion"].string()));
  }
  component.supplier.name = std::string(trim(strings["CompanyName"].string()));
  component.supplier.is_organization = !component.supplier.name.empty();
  return component;
}

void read_assembly(FileReport& report, const source::SourceFile& file,
                   const AssemblyIndex& assemblies) {
  auto condensed = binary::read_condensed(report, file);
  if (!condensed) {
    return;
  }
  ScanContext& context = report.context();
  for (const auto image : condensed->root()["images"]) {
    auto listed = assemblies.find(file.location);
    if (listed != assemblies.end()) {
      // The library's component, evidence of the deps.json first (a
      // component without a purl is identified by it), with this file's.
      model::Component component = listed->second;
      add_assembly_facts(component, image, file, context);
      context.graph().add(std::move(component));
    } else if (image["managed"].boolean()) {
      model::Component component = standalone_assembly(image, file);
      add_assembly_facts(component, image, file, context);
      context.graph().add(std::move(component));
    }
  }
}

} // namespace

bool looks_like_pe(std::string_view head) {
  return head.starts_with("MZ");
}

std::string condense_assembly(std::string_view contents) {
  return binary::condense_executable(
      contents,
      [contents](const binary::Executable& image, nlohmann::json& found, nlohmann::json& warnings) {
        if (image.format != binary::ExecutableFormat::pe) {
          return;
        }
        auto info = binary::read_pe_version(image);
        if (!info) {
          warnings.push_back("PE " + image.machine + ": " + info.error());
          return;
        }
        if (!info->managed && info->strings.empty()) {
          return;
        }
        nlohmann::json strings = nlohmann::json::object();
        for (const auto& [key, value] : info->strings) {
          strings[key] = value;
        }
        found.push_back(nlohmann::json{
            {"managed", info->managed},
            {"strings", strings},
            {"sha256", model::compute_hash(model::HashAlgorithm::sha256, contents).hex}});
      });
}

void read_dotnet_applications(ScanContext& context, const FileSet& files) {
  AssemblyIndex assemblies;
  files.read_each(context, "**/*.deps.json",
                  [&](FileReport& report, const source::SourceFile& file) {
                    parse_deps_json(report, file, assemblies);
                  });
  files.read_each(context, "**", [&](FileReport& report, const source::SourceFile& file) {
    if (!file.path.ends_with(".deps.json")) {
      read_assembly(report, file, assemblies);
    }
  });
}

} // namespace kensa::scanner::dotnet
