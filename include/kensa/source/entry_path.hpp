#pragma once

#include <string>
#include <string_view>

namespace kensa::source {

// An archive member's name made safe to use as a path relative to the
// archive's root.
struct EntryPath {
  // '/'-separated, no leading '/', no "." or ".." segments, no empty
  // segments; empty when the name is the root itself.
  std::string path;
  // True when the name was absolute ("/etc/passwd") or ".." segments tried to
  // climb above the root ("../../etc/passwd"): the name was hostile or broken
  // and deserves a warning.
  bool escaped = false;
};

// Normalizes `name` lexically: leading '/' and "./" go, "." segments go, ".."
// removes the segment before it and is dropped at the root. Nothing is ever
// resolved against a real file system.
EntryPath sanitize_entry_path(std::string_view name);

} // namespace kensa::source
