#include <kensa/source/entry_path.hpp>
#include <kensa/util/path_text.hpp>

namespace kensa::source {

EntryPath sanitize_entry_path(std::string_view name) {
  ResolvedPath resolved = resolve_path("", name);
  EntryPath result;
  result.path = std::move(resolved.path);
  // An absolute name would be extracted outside the current folder by a
  // careless tool: as hostile as "..".
  result.escaped = name.starts_with('/') || resolved.climbed_out;
  return result;
}

} // namespace kensa::source
