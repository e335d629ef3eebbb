#pragma once

#include <kensa/scanner/scanner.hpp>

// Gradle dependency verification (gradle/verification-metadata.xml): every
// component it lists, with the checksums of its main artifact.
namespace kensa::scanner::java {

void read_gradle_verification(ScanContext& context, const source::SourceFile& file);

} // namespace kensa::scanner::java
