#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Elixir: mix.lock.
namespace kensa::scanner::elixir {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::elixir
