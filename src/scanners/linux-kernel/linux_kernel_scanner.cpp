#include "linux_kernel_scanner.hpp"

#include "kernel_image.hpp"
#include "kernel_module.hpp"

#include <kensa/model/cpe.hpp>
#include <kensa/model/purl.hpp>
#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/util/strings.hpp>

#include <map>

namespace kensa::scanner::linux_kernel {

namespace {

// What the scan keeps of each file (condense_named): a kernel's 4,000
// modules are read together, so only their facts are held, not their bytes.
// A tag byte, then: 'K' the kernel's release, build line and upstream
// version, NUL-separated; 'M' the module's .modinfo bytes; 'E' why the file
// could not be read.
constexpr char k_kernel = 'K';
constexpr char k_module = 'M';
constexpr char k_error = 'E';

constexpr std::string_view k_property_release = "kensa:linux-kernel:release";
constexpr std::string_view k_property_build = "kensa:linux-kernel:build";
constexpr std::string_view k_property_vermagic = "kensa:linux-kernel:vermagic";
constexpr std::string_view k_property_license = "kensa:linux-kernel:module-license";

bool is_module(std::string_view path) {
  return path.ends_with(".ko") || path.ends_with(".ko.xz");
}

std::optional<std::string> condense(const source::SourceFile& file) {
  if (is_module(file.path)) {
    // ".ko" also names other files (vim's Korean tutor, tutor.ko): one
    // that is not ELF is no module, and nothing is said of it (an error
    // without a message, as for a vmlinuz that is no x86 kernel).
    if (!file.path.ends_with(".xz") && !file.contents.starts_with("\x7f"
                                                                  "ELF")) {
      return std::string(1, k_error);
    }
    auto modinfo = read_modinfo_section(file.contents, file.path.ends_with(".xz"));
    if (!modinfo) {
      return std::string(1, k_error) + "kernel module: " + modinfo.error();
    }
    return std::string(1, k_module) + *modinfo;
  }
  auto version = read_kernel_version(file.contents);
  if (!version) {
    // A file named vmlinuz that is not an x86 bzImage at all (an arm64
    // Image.gz) is not reported: nothing says what it is. A damaged one is.
    return std::string(1, k_error) +
           (looks_like_bzimage(file.contents) ? version.error() : std::string());
  }
  return std::string(1, k_kernel) + version->release + '\0' + version->build + '\0' +
         version->upstream;
}

std::string module_name(const source::SourceFile& file, const ModuleInfo& info) {
  if (!info.name.empty()) {
    return info.name;
  }
  const std::string_view path = file.path;
  std::string_view name = path.substr(path.rfind('/') + 1);
  return std::string(name.substr(0, name.find(".ko")));
}

// The component of a kernel image; its release is what modules name.
std::string add_kernel(FileReport& report, const source::SourceFile& file, std::string_view summary,
                       std::string& release) {
  auto parts = split(summary, '\0');
  if (parts.size() != 3) {
    return {};
  }
  release = std::string(parts[0]);
  model::Component component;
  component.type = model::ComponentType::operating_system;
  component.name = "linux-kernel";
  component.version = release;
  if (auto purl = model::make_purl("generic", "", "linux-kernel", release)) {
    component.ecosystem = "generic";
    component.purl = purl->to_string();
  }
  // NVD names kernels by their upstream version: the release of a
  // distribution's build (6.1.0-57-amd64) is not one.
  const std::string_view upstream = parts[2];
  if (auto cpe = model::make_cpe23(model::CpePart::operating_system, "linux", "linux_kernel",
                                   upstream.empty() ? std::string_view(release) : upstream)) {
    component.cpes.push_back(*cpe);
  }
  if (!upstream.empty()) {
    component.add_property(std::string(k_property_release), release);
  }
  component.add_property(std::string(k_property_build), std::string(parts[1]));
  component.evidence.push_back(report.context().evidence_for(file));
  return report.context().graph().add(std::move(component));
}

struct ModuleFound {
  std::string id;
  std::string release;
  std::vector<std::string> depends;
};

ModuleFound add_module(FileReport& report, const source::SourceFile& file,
                       std::string_view modinfo) {
  const ModuleInfo info = parse_modinfo(modinfo);
  ModuleFound found;
  found.release = info.vermagic.substr(0, info.vermagic.find(' '));
  found.depends = info.depends;
  model::Component component;
  component.type = model::ComponentType::library;
  component.name = module_name(file, info);
  component.version = info.version;
  component.description = info.description;
  // Modules of two kernels are two components, even when both say the same
  // version (most in-tree modules say none).
  if (auto purl = model::make_purl("generic", "linux-kernel-module", component.name, info.version,
                                   {{"kernel", found.release}})) {
    component.ecosystem = "generic";
    component.purl = purl->to_string();
  } else {
    report.warn("kernel module " + component.name + ": " + purl.error());
  }
  if (!info.vermagic.empty()) {
    component.add_property(std::string(k_property_vermagic), info.vermagic);
  }
  if (!info.license.empty()) {
    // "GPL v2", "Dual BSD/GPL": the kernel's own license words, not SPDX.
    component.add_property(std::string(k_property_license), info.license);
  }
  component.evidence.push_back(report.context().evidence_for(file));
  found.id = report.context().graph().add(std::move(component));
  return found;
}

void read_kernels(ScanContext& context, const FileSet& files) {
  std::map<std::string, std::string> kernels;               // release -> id
  std::vector<std::pair<std::string, ModuleFound>> modules; // name -> module
  files.read_each(context, "**", [&](FileReport& report, const source::SourceFile& file) {
    std::string_view summary = file.contents;
    if (summary.empty()) {
      return;
    }
    const char tag = summary.front();
    summary.remove_prefix(1);
    if (tag == k_error) {
      if (!summary.empty()) {
        report.warn(std::string(summary));
      }
    } else if (tag == k_kernel) {
      std::string release;
      if (auto id = add_kernel(report, file, summary, release); !id.empty()) {
        kernels.emplace(release, id);
      }
    } else if (tag == k_module) {
      ModuleFound module = add_module(report, file, summary);
      std::string name = context.graph().find(module.id)->name;
      modules.emplace_back(std::move(name), std::move(module));
    }
  });
  // Modules need the kernel they were built for (vermagic), and the modules
  // their depends= line names, of the same kernel.
  std::map<std::pair<std::string, std::string>, std::string> by_name; // (release, name) -> id
  for (const auto& [name, module] : modules) {
    by_name.emplace(std::make_pair(module.release, name), module.id);
  }
  auto& graph = context.graph();
  for (const auto& [name, module] : modules) {
    if (auto kernel = kernels.find(module.release); kernel != kernels.end()) {
      graph.relate(kernel->second, module.id, model::RelationshipType::contains);
    }
    for (const auto& needed : module.depends) {
      if (auto it = by_name.find({module.release, needed}); it != by_name.end()) {
        graph.relate(module.id, it->second, model::RelationshipType::depends_on);
      }
    }
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  FileParserScanner::Rules rules{{
      file_set(
          "Linux kernels",
          patterns_of_kind({"**/vmlinuz", "**/vmlinuz-*", "**/bzImage", "**/*.ko", "**/*.ko.xz"},
                           EvidenceKind::installed),
          &read_kernels),
  }};
  rules.condense_named = &condense;
  return std::make_unique<FileParserScanner>(std::move(rules));
}

} // namespace kensa::scanner::linux_kernel
