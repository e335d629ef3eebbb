#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

#include <span>

// Maven projects in a source tree: each pom.xml becomes an application
// component with its dependencies, ${property} values resolved from the pom
// and its parents found in the same tree, dependencyManagement versions
// applied, and what stays unresolved reported as such.
namespace kensa::scanner::java {

// `poms`: the source tree's pom.xml files (not those under META-INF/maven
// inside archives), sorted by location.
void read_pom_projects(ScanContext& context, const FileSet& poms);

} // namespace kensa::scanner::java
