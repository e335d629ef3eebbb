#include "file_systems.hpp"

#include <sys/vfs.h>

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

namespace kensa::source {

namespace {

// The made-up file systems, by the name the mount table gives them.
constexpr std::array<std::string_view, 21> k_pseudo_types{
    "proc",    "sysfs",      "devtmpfs",    "devpts", "cgroup",    "cgroup2",    "debugfs",
    "tracefs", "securityfs", "pstore",      "bpf",    "efivarfs",  "configfs",   "fusectl",
    "mqueue",  "hugetlbfs",  "binfmt_misc", "autofs", "selinuxfs", "rpc_pipefs", "nsfs"};

// statfs() numbers (linux/magic.h) of the same, where the kernel gives one
// of their own.
constexpr std::array<std::pair<unsigned long, std::string_view>, 18> k_pseudo_magics{{
    {0x9fa0, "proc"},
    {0x62656572, "sysfs"},
    {0x1cd1, "devpts"},
    {0x27e0eb, "cgroup"},
    {0x63677270, "cgroup2"},
    {0x64626720, "debugfs"},
    {0x74726163, "tracefs"},
    {0x73636673, "securityfs"},
    {0x6165676C, "pstore"},
    {0xcafe4a11, "bpf"},
    {0xde5e81e4, "efivarfs"},
    {0x62656570, "configfs"},
    {0x65735543, "fusectl"},
    {0x19800202, "mqueue"},
    {0x958458f6, "hugetlbfs"},
    {0x42494e4d, "binfmt_misc"},
    {0xf97cff8c, "selinuxfs"},
    {0x6e736673, "nsfs"},
}};

// mountinfo escapes blanks and backslashes in paths as \ooo.
std::string unescape_mount_path(std::string_view text) {
  std::string path;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 3 < text.size()) {
      int value = 0;
      bool octal = true;
      for (std::size_t k = 1; k <= 3; ++k) {
        char c = text[i + k];
        octal = octal && c >= '0' && c <= '7';
        value = value * 8 + (c - '0');
      }
      if (octal) {
        path += static_cast<char>(value);
        i += 3;
        continue;
      }
    }
    path += text[i];
  }
  return path;
}

} // namespace

bool is_pseudo_file_system_type(std::string_view type) {
  for (std::string_view pseudo : k_pseudo_types) {
    if (type == pseudo) {
      return true;
    }
  }
  return false;
}

std::optional<std::string_view> pseudo_file_system_of_magic(long magic) {
  for (const auto& [number, name] : k_pseudo_magics) {
    if (static_cast<unsigned long>(magic) == number) {
      return name;
    }
  }
  return std::nullopt;
}

FileSystemTypes::FileSystemTypes() {
  // "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw": the
  // fifth field is the mount point, the first after " - " the type.
  std::ifstream table("/proc/self/mountinfo");
  std::string line;
  while (std::getline(table, line)) {
    std::istringstream fields(line);
    std::string field;
    std::string mount_point;
    for (int i = 0; i < 5 && fields >> field; ++i) {
      mount_point = field;
    }
    auto separator = line.find(" - ");
    if (separator == std::string::npos) {
      continue;
    }
    std::istringstream rest(line.substr(separator + 3));
    std::string type;
    if (rest >> type) {
      // A later line for the same mount point is the mount on top.
      m_types[unescape_mount_path(mount_point)] = type;
    }
  }
}

std::optional<std::string> FileSystemTypes::pseudo_type(const std::filesystem::path& folder) const {
  if (auto found = m_types.find(folder.string()); found != m_types.end()) {
    if (is_pseudo_file_system_type(found->second)) {
      return found->second;
    }
    return std::nullopt;
  }
  struct statfs info {};
  if (::statfs(folder.c_str(), &info) != 0) {
    return std::nullopt;
  }
  if (auto name = pseudo_file_system_of_magic(static_cast<long>(info.f_type))) {
    return std::string(*name);
  }
  return std::nullopt;
}

} // namespace kensa::source
