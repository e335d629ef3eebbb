#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// ELF package notes: the .note.package section in which a distribution's
// build names the package a binary came from (systemd's "Package Metadata
// for Executable Files" specification; Fedora, Debian's dh-package-notes).
// Executables are found by content.
namespace kensa::scanner::package_notes {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::package_notes
