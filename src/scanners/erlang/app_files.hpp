#pragma once

#include <kensa/scanner/file_parser_scanner.hpp>

#include <string>
#include <string_view>

// Application resource files (`<app>.app`), which every installed OTP or
// Elixir application has in its ebin folder.
namespace kensa::scanner::erlang {

inline constexpr std::string_view k_property_otp = "kensa:erlang:otp";

// Whether `name` is an application Erlang/OTP or Elixir ships (kernel,
// stdlib, ssl, elixir, logger, ...): no hex.pm package.
bool is_bundled_application(std::string_view name);

// Adds a component per `{application, Name, [{vsn, "..."}, ...]}.` file:
// version, description, licenses when given; purl pkg:hex/<name>@<vsn>
// except for applications Erlang/OTP and Elixir ship; and a depends_on
// edge for each of its `applications` installed beside it (in the same
// lib folder). A file that is not an application resource is a warning
// naming it.
void read_app_files(ScanContext& context, const FileSet& files);

} // namespace kensa::scanner::erlang
