#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Java: jar, war, ear and the other Java archives (nested too), pom.xml
// projects in source trees, Gradle lockfiles and verification metadata,
// and JDK/JRE installations.
namespace kensa::scanner::java {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::java
