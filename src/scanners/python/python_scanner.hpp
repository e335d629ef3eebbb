#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Python: installed packages (.dist-info, .egg-info, eggs, wheels),
// requirements files, lockfiles (poetry, uv, pdm, Pipfile.lock, pylock.toml)
// and pyproject.toml.
namespace kensa::scanner::python {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::python
