#pragma once

#include "project.hpp"

#include <kensa/scanner/file_report.hpp>
#include <kensa/source/source.hpp>

#include <optional>
#include <string_view>
#include <vector>

// The readers of project files: one per lockfile format, and pyproject.toml.
// Each returns what the file says, or nullopt (after a warning) when the file
// cannot be read at all. None of them throws for bad input.
namespace kensa::scanner::python {

using LockReader = std::optional<std::vector<LockedPackage>> (*)(const source::SourceFile& file,
                                                                 FileReport& warnings);

// poetry.lock, lock-version 1.x (category, [metadata.files]) and 2.x (files
// per package, groups and markers per group in 2.1).
std::optional<std::vector<LockedPackage>> read_poetry_lock(const source::SourceFile& file,
                                                           FileReport& warnings);
// uv.lock (version 1): packages with sources, dependencies, optional and
// development dependencies, sdist and wheel hashes.
std::optional<std::vector<LockedPackage>> read_uv_lock(const source::SourceFile& file,
                                                       FileReport& warnings);
// pdm.lock (lock_version 4.x, and the [metadata.files] table of older ones).
std::optional<std::vector<LockedPackage>> read_pdm_lock(const source::SourceFile& file,
                                                        FileReport& warnings);
// pylock.toml and pylock.<name>.toml (PEP 751).
std::optional<std::vector<LockedPackage>> read_pylock(const source::SourceFile& file,
                                                      FileReport& warnings);
// Pipfile.lock (JSON; "default" and "develop").
std::optional<std::vector<LockedPackage>> read_pipfile_lock(const source::SourceFile& file,
                                                            FileReport& warnings);

// The reader for a file name, nullptr when it is not a lockfile.
LockReader lock_reader_for(std::string_view file_name);

// pyproject.toml: the project ([project], or [tool.poetry]) and its direct
// dependencies. nullopt when the file declares no project (a pyproject.toml
// that only configures tools).
std::optional<Project> read_pyproject(const source::SourceFile& file, FileReport& warnings);

// Adds the hashes of a lockfile's "files" or "wheels" entries ("sha256:<hex>"
// in `key`) to `facts`; malformed ones are warnings naming `where`.
void add_prefixed_hash(PackageFacts& facts, std::string_view text, std::string_view where,
                       FileReport& warnings);

} // namespace kensa::scanner::python
