#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

#include <span>
#include <string>
#include <string_view>

// Java archives (jar, war, ear, ... and the jars nested in them): one
// component per archive from its Maven metadata, its manifest or, last, its
// file name; one more per extra pom.properties of a shaded jar, contained in
// the archive's own; each archive contained in the archive that holds it.
namespace kensa::scanner::java {

// The summary kept of an archive file instead of its bytes: its SHA-1 (the
// digest Maven Central indexes), prefixed so that scan() can tell a summary
// from contents.
std::string archive_summary(std::string_view archive_bytes);

// Whether `path` (inside its container) is one of the archive-root metadata
// files read here: META-INF/MANIFEST.MF, META-INF/maven/<g>/<a>/pom.*, an
// OSGi localization file or a license file.
bool is_archive_metadata(std::string_view path);

// Globs (in an archive) of the OSGi localization files a bundle's manifest
// may take its names from ("%pluginName"), and whether `path` is one.
std::span<const std::string> localization_globs();
bool is_localization_file(std::string_view path);

// Globs (in an archive) of its license files, META-INF/LICENSE*,
// NOTICE*, COPYING* in any case, and whether `path` is one.
std::span<const std::string> license_file_globs();
bool is_license_file(std::string_view path);

// `files`: the archives themselves (contents replaced by archive_summary)
// and their metadata files, sorted by location.
void read_java_archives(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::java
