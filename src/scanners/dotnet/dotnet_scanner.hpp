#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// .NET: the packages NuGet locked (packages.lock.json) and those a built
// application loads (*.deps.json).
namespace kensa::scanner::dotnet {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::dotnet
