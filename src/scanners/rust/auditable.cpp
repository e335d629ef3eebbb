#include "auditable.hpp"

#include "../common/binary/condensed.hpp"
#include "../common/binary/executable.hpp"
#include "../common/parsers/json_file.hpp"
#include "rust_component.hpp"
#include "rust_std.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/util/decompress.hpp>

#include <nlohmann/json.hpp>

#include <exception>

namespace kensa::scanner::rust {

namespace {

constexpr std::string_view k_section = ".dep-v0";
// cargo-auditable's own reader refuses more than 8 MiB of input; the
// decompressed list is bounded too, against a zlib bomb.
constexpr std::uint64_t k_max_compressed = 8 << 20;
constexpr std::size_t k_max_decompressed = 32 << 20;
constexpr std::size_t k_max_packages = 200'000;
constexpr std::size_t k_max_json_depth = 16;

// Adds the crates of one image's dependency list; returns the ids of its
// roots.
std::vector<std::string> add_crates(FileReport& report, const source::SourceFile& file,
                                    std::string_view text) {
  std::vector<std::string> roots;
  FileReport data_report(report, "cargo-auditable data: ");
  json::ParseLimits limits;
  limits.max_depth = k_max_json_depth;
  const auto document = read_json_file(data_report, text, limits);
  if (!document) {
    return roots;
  }
  const json::Value packages = document->root()["packages"];
  if (!packages.is_array()) {
    report.omit("cargo-auditable data is not a JSON object with a packages list");
    return roots;
  }
  if (packages.size() > k_max_packages) {
    report.omit("cargo-auditable data lists more than " + std::to_string(k_max_packages) +
                " packages; not read");
    return roots;
  }
  ScanContext& context = report.context();
  model::Evidence evidence = context.evidence_for(file);
  auto& graph = context.graph();
  std::vector<std::string> ids(packages.size());
  for (std::size_t i = 0; i < packages.size(); ++i) {
    const json::Value package = packages[i];
    if (!package["name"].is_string()) {
      report.warn("cargo-auditable package " + std::to_string(i) + " has no name; skipped");
      continue;
    }
    const std::string source(package["source"].string());
    const std::string kind(package["kind"].string());
    const bool root = package["root"].boolean();
    model::Component component =
        make_crate_component(package["name"].string(), package["version"].string(),
                             CrateSource{source == "local" ? "" : source}, "", evidence, report);
    if (kind == "build") {
      // Build scripts and proc macros run while compiling; their code is not
      // in the binary.
      component.scope = model::Scope::excluded;
      component.add_property(std::string(k_property_kind), kind);
    }
    if (source == "local" && !root) {
      component.add_property(std::string(k_property_local), "true");
    }
    if (root) {
      component.type = model::ComponentType::application;
      component.scope = model::Scope::unknown;
    }
    ids[i] = graph.add(std::move(component));
    if (root) {
      graph.relate(context.subject_id(), ids[i], model::RelationshipType::describes);
      roots.push_back(ids[i]);
    }
  }
  for (std::size_t i = 0; i < packages.size(); ++i) {
    if (ids[i].empty()) {
      continue;
    }
    const json::Value dependencies = packages[i]["dependencies"];
    if (!dependencies.is_array()) {
      continue;
    }
    for (const auto index : dependencies) {
      if (!index.is_number_unsigned() || index.unsigned_integer() >= ids.size() ||
          ids[index.unsigned_integer()].empty()) {
        report.warn("cargo-auditable package " + std::to_string(i) +
                    " depends on a package that is not in the list");
        continue;
      }
      graph.relate(ids[i], ids[index.unsigned_integer()], model::RelationshipType::depends_on);
    }
  }
  return roots;
}

void add_image(FileReport& report, const source::SourceFile& file, json::Value image) {
  std::vector<std::string> roots;
  if (image["dependencies"].is_string()) {
    roots = add_crates(report, file, image["dependencies"].string());
  }
  if (!image["rustc"].is_string()) {
    return;
  }
  ScanContext& context = report.context();
  std::string id = context.graph().add(
      make_rust_std_component(image["rustc"].string(), context.evidence_for(file)));
  for (const auto& root : roots) {
    context.graph().relate(root, id, model::RelationshipType::depends_on);
  }
}

} // namespace

std::string condense_auditable_binary(std::string_view contents) {
  return binary::condense_executable(contents, [](const binary::Executable& image,
                                                  nlohmann::json& found, nlohmann::json& warnings) {
    nlohmann::json facts{{"machine", image.machine}};
    if (std::string rustc = rustc_version_string(image); !rustc.empty()) {
      facts["rustc"] = std::move(rustc);
    }
    if (const binary::Section* section = image.find_section(k_section)) {
      std::string where = std::string(binary::format_name(image.format)) + " " + image.machine;
      auto bytes = binary::section_bytes(image, *section, k_max_compressed);
      if (!bytes) {
        warnings.push_back(where + ": cargo-auditable " + bytes.error());
      } else if (auto text = decompress(*bytes, Compression::zlib, k_max_decompressed)) {
        facts["dependencies"] = std::move(*text);
      } else {
        warnings.push_back(where + ": cargo-auditable section " + std::string(k_section) + " " +
                           text.error());
      }
    }
    if (facts.size() > 1) {
      found.push_back(std::move(facts));
    }
  });
}

void add_auditable_crates(FileReport& report, const source::SourceFile& file) {
  const auto condensed = binary::read_condensed(report, file);
  if (!condensed) {
    return;
  }
  for (const auto image : condensed->root()["images"]) {
    if (image.is_object()) {
      add_image(report, file, image);
    }
  }
}

} // namespace kensa::scanner::rust
