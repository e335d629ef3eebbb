#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

// Gradle dependency verification (gradle/verification-metadata.xml): every
// component it lists, with the checksums of its main artifact.
namespace kensa::scanner::java {

void read_gradle_verification(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::java
