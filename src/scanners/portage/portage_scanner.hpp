#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// portage: installed Gentoo packages, from the Portage database
// var/db/pkg/<category>/<name>-<version>/.
namespace kensa::scanner::portage {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::portage
