#pragma once

#include "../common/binary/executable.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>
#include <kensa/util/result.hpp>

#include <optional>
#include <string>
#include <string_view>

// The package note of an ELF image: in section .note.package, a note of
// owner "FDO" and type 0xcafe1a7e whose descriptor is a NUL-terminated JSON
// object: {"type":"rpm","name":"systemd","version":"253.4-1.fc38",
// "architecture":"x86_64","osCpe":"cpe:/o:fedoraproject:fedora:38"}
// (https://systemd.io/ELF_PACKAGE_METADATA/).
namespace kensa::scanner::package_notes {

// Property names this scanner sets.
inline constexpr std::string_view k_property_os = "kensa:package-note:os";
inline constexpr std::string_view k_property_os_version = "kensa:package-note:os-version";
inline constexpr std::string_view k_property_os_cpe = "kensa:package-note:os-cpe";
inline constexpr std::string_view k_property_debuginfod = "kensa:package-note:debuginfod";

// Largest .note.package section read: a note is a few hundred bytes.
inline constexpr std::uint64_t k_max_note_section = 64 << 10;

// The JSON text of the image's package note; nullopt when it has none (no
// such section, or no note of that owner and type in it), a Failure when
// the section is damaged (a note running past its end, too large).
Result<std::optional<std::string>> read_package_note(const binary::Executable& image);

// The package note of each image of `contents`, wrapped in the small JSON
// document the scan keeps of an executable; empty when none has one. Never
// throws.
std::string condense_package_note(std::string_view contents);

// Adds the package a condensed executable's note names: a component of the
// note's type ("rpm", "deb", "alpm", ...) with its name, version and
// architecture, purl pkg:<type>/<os>/<name>@<version>?arch=<architecture>
// when the type and os make one. A note that is not a JSON object, or has
// no name or version, is a warning naming the file.
void add_package_note(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::package_notes
