#pragma once

#include <optional>
#include <string>
#include <string_view>

// '/'-separated path helpers for locations and paths inside containers.
namespace kensa::scanner::python {

// "a/b/c" -> "c"; "c" -> "c".
std::string_view file_name_of(std::string_view path);

// "a/b/c" -> "a/b"; "c" -> "".
std::string_view parent_of(std::string_view path);

// `relative` joined onto `base`, with "." and ".." resolved; nullopt when
// `relative` is absolute or climbs above the start of `base`.
std::optional<std::string> join_path(std::string_view base, std::string_view relative);

} // namespace kensa::scanner::python
