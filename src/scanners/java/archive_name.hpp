#pragma once

#include <kensa/util/path_text.hpp>

#include <span>
#include <string>
#include <string_view>

// What a Java archive's file name says: whether it is one, its packaging,
// and the artifact name and version Maven and Gradle put in it
// ("commons-lang3-3.12.0.jar").
namespace kensa::scanner::java {

// jar, war, ear, par, sar, nar, jpi, hpi, kar, lpkg.
std::span<const std::string_view> java_archive_extensions();

// The packaging of `file_name` ("jar" for "x.jar"); empty when the name has
// none of java_archive_extensions().
std::string_view java_archive_type(std::string_view file_name);

struct NameAndVersion {
  std::string name;
  // Empty when the name carries none.
  std::string version;
};

// Splits "<artifact>-<version>.<ext>": the version starts at the first '-'
// segment beginning with a digit after which every segment is a digit run or
// a usual version qualifier (SNAPSHOT, RELEASE, Final, jre, rc1, ...), so
// "log4j-1.2-api-2.17.1.jar" is log4j-1.2-api at 2.17.1 and "slf4j-api.jar"
// has no version.
NameAndVersion name_and_version_from_file_name(std::string_view file_name);

} // namespace kensa::scanner::java
