#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

// Real Java archives for the tests: the jars Debian's Java library packages
// install (scripts/setup.sh installs them), and archives built from them here
// with zip the way shading, Spring Boot and web applications pack them.
namespace kensa::testing::java {

// The Debian packages whose jars the tests use.
const std::vector<std::string>& debian_java_packages();

// The regular .jar files (not the versioned symbolic links) those packages
// installed under /usr/share/java, sorted; empty when a package is missing,
// with `reason` saying which.
std::vector<std::filesystem::path> debian_jars(std::string& reason);

// "group:artifact:version" of every META-INF/maven/*/*/pom.properties in
// `jar`, read with unzip rather than with kensa.
std::set<std::string> pom_properties_coordinates(const std::filesystem::path& jar);

// Runs `command` with /bin/sh in `folder`; REQUIREs that it succeeds.
void shell_in(const std::filesystem::path& folder, const std::string& command);

// Hex SHA-1 of a file, from sha1sum.
std::string sha1sum(const std::filesystem::path& file);

} // namespace kensa::testing::java
