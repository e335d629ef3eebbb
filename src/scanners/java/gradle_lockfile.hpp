#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

// Gradle dependency locking: gradle.lockfile (one line per module,
// "group:artifact:version=configuration,...") and the older per-configuration
// lockfiles (gradle/dependency-locks/<configuration>.lockfile, one
// "group:artifact:version" per line).
namespace kensa::scanner::java {

void read_gradle_lockfile(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::java
