#include "distro_index.hpp"

#include <array>

namespace kensa::scanner::distro {

namespace {

constexpr std::array<std::string_view, 5> k_paths{
    "etc/os-release",     "usr/lib/os-release", "etc/alpine-release",
    "etc/redhat-release", "etc/debian_version",
};

Result<OsRelease> parse_release_file(std::size_t kind, std::string_view text) {
  switch (kind) {
  case 0:
  case 1:
    return parse_os_release(text);
  case 2:
    return parse_alpine_release(text);
  case 3:
    return parse_redhat_release(text);
  default:
    return parse_debian_version(text);
  }
}

} // namespace

std::span<const std::string> release_file_patterns() {
  static const std::vector<std::string> patterns = [] {
    std::vector<std::string> result;
    for (std::string_view path : k_paths) {
      result.push_back("**/" + std::string(path));
    }
    return result;
  }();
  return patterns;
}

std::span<const std::string_view> release_file_paths() {
  return k_paths;
}

std::optional<std::string> root_of(std::string_view location, std::string_view suffix) {
  if (!location.ends_with(suffix)) {
    return std::nullopt;
  }
  std::string_view root = location.substr(0, location.size() - suffix.size());
  if (!root.empty() && root.back() != '/') {
    return std::nullopt;
  }
  return std::string(root);
}

DistroIndex::DistroIndex(const FileSet& files) {
  // For each root, the rank (index in k_paths) of the best file that parsed.
  std::map<std::string, std::size_t> best_rank;
  for (const auto& file : files) {
    for (std::size_t kind = 0; kind < k_paths.size(); ++kind) {
      auto root = root_of(file.location, k_paths[kind]);
      if (!root) {
        continue;
      }
      auto release = parse_release_file(kind, file.contents);
      if (!release) {
        m_problems.push_back({file.location, release.error()});
        break;
      }
      auto [rank, inserted] = best_rank.try_emplace(*root, kind);
      if (inserted) {
        m_by_root.emplace(*root, m_entries.size());
        m_entries.push_back(Entry{*root, file.location, std::move(*release)});
      } else if (kind < rank->second) {
        rank->second = kind;
        m_entries[m_by_root.find(*root)->second] = Entry{*root, file.location, std::move(*release)};
      }
      break;
    }
  }
}

const OsRelease* DistroIndex::find(std::string_view root) const {
  auto it = m_by_root.find(root);
  return it == m_by_root.end() ? nullptr : &m_entries[it->second].release;
}

std::string DistroIndex::location(std::string_view root) const {
  auto it = m_by_root.find(root);
  return it == m_by_root.end() ? std::string() : m_entries[it->second].location;
}

} // namespace kensa::scanner::distro
