#pragma once

#include <kensa/model/document.hpp>

#include <optional>
#include <string>
#include <string_view>

// Components that are files: a Java archive, a wheel or egg, a package
// file (.deb, .rpm, .apk, .gem, .nupkg, ...) read as a component, an
// executable or library a binary scanner found one component in (the
// classifier's, a kernel image or module, a Go program's main module), and
// a scanned file that is the subject. BSI TR-03183-2 asks of each its file
// name, the SHA-512 of the file and whether it is executable, an archive
// and structured; the file inventory (--files, --digests) has the digests.
namespace kensa::scanner {

// What BSI TR-03183-2 asks to know of a file: whether it is executable,
// an archive, and structured (the metadata of what it holds still there).
struct FileNature {
  bool executable = false;
  bool archive = false;
  bool structured = false;
};

struct ComponentFile {
  std::string location;
  FileNature nature;
};

// The file `component` is, or nullopt when it is none: its first evidence
// location that names a Java archive or a package file itself, the
// dist-info METADATA or EGG-INFO/PKG-INFO at the top of a wheel or egg, or
// the executable a binary scanner found it in.
std::optional<ComponentFile> component_file(const model::Component& component);

// Gives each component that is a file, and the subject when the input is
// the archive named `input_archive` (empty otherwise), the
// properties bsi:component:filename, bsi:component:executable, :archive
// and :structured, and the digests the file inventory computed for the
// file. Components of type file (the inventory's own entries) are left
// alone, and so is an executable more than one component was found in.
void describe_component_files(model::Document& document, std::string_view input_archive);

} // namespace kensa::scanner
