#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

// The kinds of file system a folder walk meets on a live machine. The kernel
// makes some up (proc, sysfs, devtmpfs, cgroup, debugfs, ...): they hold the
// running system's state and devices, never installed software, and reading
// them gives errors by the hundred or never ends, so the walk leaves them out.
namespace kensa::source {

// Whether a file system type, as /proc/self/mountinfo names it ("proc",
// "sysfs", "devtmpfs", "cgroup2", ...), is one the kernel makes up.
bool is_pseudo_file_system_type(std::string_view type);

// The type name of a statfs() f_type that identifies a made-up file system
// ("proc" for PROC_SUPER_MAGIC, ...); nullopt for the others, tmpfs included
// (devtmpfs reports tmpfs's number: the mount table tells them apart).
std::optional<std::string_view> pseudo_file_system_of_magic(long magic);

// Tells made-up file systems apart, for folders that are mount points.
class FileSystemTypes {
 public:
  // Reads the mount table of this process (/proc/self/mountinfo) when there
  // is one; without it, only statfs() numbers are used.
  FileSystemTypes();

  // The type of the made-up file system mounted at `folder` (an absolute
  // path), or nullopt when it holds a real one (or cannot be told).
  std::optional<std::string> pseudo_type(const std::filesystem::path& folder) const;

 private:
  // Mount point -> type, from the mount table.
  std::map<std::string, std::string, std::less<>> m_types;
};

} // namespace kensa::source
