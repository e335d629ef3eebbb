#pragma once

#include <kensa/model/document.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Helpers shared by the Go, Rust and executable-reader tests: running the
// toolchains that build real binaries, and reading scan results.
namespace kensa::testing::native {

// Runs `command` with /bin/sh; its standard output and error go to `log`.
// True when it exits 0.
bool run_shell(const std::string& command, const std::filesystem::path& log);

// The absolute path of `program` on PATH (or in `extra` folders), or nullopt.
std::optional<std::filesystem::path> find_program(const std::string& program,
                                                  const std::vector<std::string>& extra = {});

// Single-quotes `text` for /bin/sh.
std::string shell_quote(const std::string& text);

// Scans `path` with the one scanner `scanner`, as `kensa scan` does.
model::Document scan_with(const std::filesystem::path& path, const std::string& scanner);

// The components of `document` whose group + "/" + name (or name alone) is
// `path`.
std::vector<const model::Component*> components_named(const model::Document& document,
                                                      std::string_view path);
// The one component named `path`; fails the test unless there is exactly one.
const model::Component& only(const model::Document& document, std::string_view path);
const model::Component* component_with_purl(const model::Document& document, std::string_view purl);
// The value of property `name`, or nullopt.
std::optional<std::string> property(const model::Component& component, std::string_view name);
// "<from display> -> <to display>" for each edge of `type`.
std::set<std::string> edges(const model::Document& document, model::RelationshipType type);
// "location: message" of each warning.
std::vector<std::string> warnings(const model::Document& document);

// The whole contents of a file.
std::string read_bytes(const std::filesystem::path& path);
void write_bytes(const std::filesystem::path& path, std::string_view bytes);

} // namespace kensa::testing::native
