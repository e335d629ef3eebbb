#pragma once

#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

#include <string_view>

// A JDK or JRE installation, from the `release` file at its root
// (JAVA_VERSION="17.0.9", IMPLEMENTOR="Eclipse Adoptium", ...).
namespace kensa::scanner::java {

// Whether `contents` is such a file: other files are named "release" too.
bool looks_like_jdk_release(std::string_view contents);

// One platform component for the installation: name by implementor
// ("openjdk", "zulu", "graalvm"), version JAVA_VERSION, the implementor as
// supplier, a CPE the way vulnerability databases name the JDK, and the
// other keys as properties. No purl: no purl type names a JDK build.
void read_jdk_release(FileReport& report, const source::SourceFile& file);

} // namespace kensa::scanner::java
