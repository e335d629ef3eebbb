#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// GitHub Actions: the actions, reusable workflows and container images that
// workflows and composite actions use.
namespace kensa::scanner::github_actions {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::github_actions
