#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// Erlang/OTP: rebar.lock, and the application resource files (.app) of
// installed applications and releases.
namespace kensa::scanner::erlang {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::erlang
