#pragma once

#include <kensa/model/document.hpp>
#include <kensa/source/source.hpp>

// The name and version of a scan's subject, which is what an SBOM reader
// looks at first (CycloneDX metadata.component, the SPDX package the
// document describes).
namespace kensa::scanner {

// Names the subject of `document` from what the scan found: a root file
// system is its distribution (the os-release file at its top: "debian" "12");
// a folder is the project its top-level manifest declares, when the subject
// describes exactly one such component (package.json, pyproject.toml,
// go.mod, pom.xml, npm's hidden lockfile of a node_modules folder scanned
// on its own), and takes the license that manifest declares; otherwise the folder keeps its own
// name, and the file system root, which has none, is "/". Images, archives and files keep theirs.
// The subject's id does not change.
void name_subject(model::Document& document, source::SourceKind kind);

} // namespace kensa::scanner
