#include "package_note.hpp"

#include "../common/binary/byte_reader.hpp"
#include "../common/binary/condensed.hpp"
#include "../common/distro/os_package.hpp"
#include "../common/parsers/json_file.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>

#include <nlohmann/json.hpp>

namespace kensa::scanner::package_notes {

namespace {

constexpr std::string_view k_section = ".note.package";
constexpr std::string_view k_owner = "FDO";
constexpr std::uint32_t k_note_type = 0xcafe1a7e;
// Notes are laid out on 4-byte boundaries in the section (ELF gABI).
constexpr std::uint64_t k_alignment = 4;

std::uint64_t aligned(std::uint64_t size) {
  return (size + k_alignment - 1) / k_alignment * k_alignment;
}

// A field of the note as text; empty when absent or not a string.
std::string_view field(json::Value note, std::string_view key) {
  const json::Value value = note[key];
  return value.is_string() ? value.string() : std::string_view();
}

// "cpe:/o:fedoraproject:fedora:38" -> "fedora": what the os field says when
// a note has only the CPE (Fedora writes osCpe, not os).
std::string os_from_cpe(std::string_view cpe) {
  auto parts = split(cpe, ':');
  if (parts.size() >= 4 && (parts[0] == "cpe") && !parts[3].empty()) {
    return std::string(parts[3]);
  }
  return {};
}

} // namespace

Result<std::optional<std::string>> read_package_note(const binary::Executable& image) {
  if (image.format != binary::ExecutableFormat::elf) {
    return std::optional<std::string>();
  }
  const binary::Section* section = image.find_section(k_section);
  if (section == nullptr) {
    return std::optional<std::string>();
  }
  auto bytes = binary::section_bytes(image, *section, k_max_note_section);
  if (!bytes) {
    return fail(bytes.error());
  }
  binary::ByteReader reader(*bytes, image.big_endian);
  std::uint64_t at = 0;
  while (reader.fits(at, 12)) {
    const std::uint64_t name_size = *reader.u32(at);
    const std::uint64_t descriptor_size = *reader.u32(at + 4);
    const std::uint32_t type = *reader.u32(at + 8);
    const std::uint64_t name_at = at + 12;
    const std::uint64_t descriptor_at = name_at + aligned(name_size);
    auto name = reader.slice(name_at, name_size);
    auto descriptor = reader.slice(descriptor_at, descriptor_size);
    if (!name || !descriptor) {
      return fail("section " + std::string(k_section) + ": a note runs past the section's end");
    }
    // The owner's name is NUL-terminated within its size.
    std::string_view owner = name->substr(0, name->find('\0'));
    if (owner == k_owner && type == k_note_type) {
      return std::optional<std::string>(std::string(descriptor->substr(0, descriptor->find('\0'))));
    }
    at = descriptor_at + aligned(descriptor_size);
  }
  return std::optional<std::string>();
}

std::string condense_package_note(std::string_view contents) {
  return binary::condense_executable(contents, [](const binary::Executable& image,
                                                  nlohmann::json& found, nlohmann::json& warnings) {
    auto note = read_package_note(image);
    if (!note) {
      warnings.push_back(std::string(binary::format_name(image.format)) + " " + image.machine +
                         ": damaged package note: " + note.error());
    } else if (*note) {
      found.push_back(nlohmann::json{{"machine", image.machine}, {"note", std::move(**note)}});
    }
  });
}

void add_package_note(FileReport& report, const source::SourceFile& file) {
  const auto condensed = binary::read_condensed(report, file);
  if (!condensed) {
    return;
  }
  for (const auto image : condensed->root()["images"]) {
    if (!image["note"].is_string()) {
      continue;
    }
    FileReport note_report(report, "package note: ");
    json::ParseLimits limits;
    limits.max_depth = 4;
    const auto document =
        read_json_object(note_report, image["note"].string(), "a package note", limits);
    if (!document) {
      continue;
    }
    const json::Value note = document->root();
    const std::string type = to_lower_ascii(field(note, "type"));
    const std::string name(field(note, "name"));
    const std::string version(field(note, "version"));
    if (type.empty() || name.empty() || version.empty()) {
      note_report.warn("has no type, name or version; not used");
      continue;
    }
    std::string os = to_lower_ascii(field(note, "os"));
    if (os.empty()) {
      os = to_lower_ascii(os_from_cpe(field(note, "osCpe")));
    }
    const std::string_view architecture = field(note, "architecture");
    model::Component component = distro::package_component(type, name, version);
    std::vector<std::pair<std::string, std::string>> qualifiers;
    if (!architecture.empty()) {
      qualifiers.emplace_back("arch", std::string(architecture));
    }
    if (const std::string_view os_version = field(note, "osVersion");
        !os.empty() && !os_version.empty()) {
      qualifiers.emplace_back("distro", os + "-" + std::string(os_version));
    }
    if (auto purl = model::make_purl(type, os, name, version, std::move(qualifiers))) {
      component.purl = purl->to_string();
    }
    if (std::string cpe = os.empty() ? "" : distro::package_cpe(os, name, version); !cpe.empty()) {
      component.cpes.push_back(std::move(cpe));
    }
    distro::add_property_if_set(component, k_property_os, field(note, "os"));
    distro::add_property_if_set(component, k_property_os_version, field(note, "osVersion"));
    distro::add_property_if_set(component, k_property_os_cpe, field(note, "osCpe"));
    distro::add_property_if_set(component, k_property_debuginfod, field(note, "debugInfoUrl"));
    ScanContext& context = report.context();
    component.evidence.push_back(context.evidence_for(file));
    const std::string id = context.graph().add(std::move(component));
    context.own_file(id, file.location);
  }
}

} // namespace kensa::scanner::package_notes
