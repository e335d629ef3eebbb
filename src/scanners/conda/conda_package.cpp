#include "conda_package.hpp"

#include "../common/lockfile/locked_graph.hpp"

#include <array>

namespace kensa::scanner::conda {

namespace {

// The hosts of Anaconda's channels, where a channel is known by its name.
constexpr std::array<std::string_view, 3> k_named_channel_hosts{
    "conda.anaconda.org", "repo.anaconda.com", "repo.continuum.io"};

} // namespace

std::string channel_name(std::string_view channel, std::string_view subdir) {
  while (channel.ends_with('/')) {
    channel.remove_suffix(1);
  }
  if (!subdir.empty() && channel.ends_with("/" + std::string(subdir))) {
    channel.remove_suffix(subdir.size() + 1);
  }
  auto scheme = channel.find("://");
  if (scheme == std::string_view::npos) {
    // "conda-forge", or "pkgs/main" as conda writes Anaconda's defaults.
    auto slash = channel.rfind('/');
    return std::string(slash == std::string_view::npos ? channel : channel.substr(slash + 1));
  }
  std::string_view rest = channel.substr(scheme + 3);
  std::string_view host = rest.substr(0, rest.find('/'));
  for (std::string_view known : k_named_channel_hosts) {
    if (host == known) {
      auto slash = rest.rfind('/');
      return slash == std::string_view::npos ? std::string() : std::string(rest.substr(slash + 1));
    }
  }
  return std::string(channel);
}

std::string_view package_type(std::string_view file_name) {
  if (file_name.ends_with(".tar.bz2")) {
    return "tar.bz2";
  }
  if (file_name.ends_with(".conda")) {
    return "conda";
  }
  return {};
}

model::Component make_conda_component(FileReport& report, const CondaPackage& package) {
  std::vector<std::pair<std::string, std::string>> qualifiers;
  std::string channel = channel_name(package.channel, package.subdir);
  if (!package.build.empty()) {
    qualifiers.emplace_back("build", package.build);
  }
  if (!channel.empty()) {
    qualifiers.emplace_back("channel", channel);
  }
  if (!package.subdir.empty()) {
    qualifiers.emplace_back("subdir", package.subdir);
  }
  if (auto type = package_type(package.file_name); !type.empty()) {
    qualifiers.emplace_back("type", std::string(type));
  }
  model::Component component = make_locked_component(report, "conda", "conda", "", package.name,
                                                     package.version, std::move(qualifiers));
  if (!package.build.empty()) {
    component.add_property(std::string(k_property_build), package.build);
  }
  if (!package.channel.empty()) {
    component.add_property(std::string(k_property_channel), package.channel);
  }
  return component;
}

} // namespace kensa::scanner::conda
