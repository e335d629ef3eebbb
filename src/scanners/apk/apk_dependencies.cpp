#include "apk_dependencies.hpp"

#include <charconv>
#include <unordered_map>

namespace kensa::scanner::apk {

namespace {

long priority(const ApkPackage& package) {
  long value = 0;
  const std::string& text = package.provider_priority;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

} // namespace

ApkResolution resolve_dependencies(const std::vector<ApkPackage>& packages) {
  std::unordered_map<std::string, std::size_t> by_name;
  std::unordered_map<std::string, std::size_t> by_provides;
  for (std::size_t i = 0; i < packages.size(); ++i) {
    by_name.try_emplace(packages[i].name, i);
    for (const auto& provided : packages[i].provides) {
      std::string name(dependency_name(provided));
      auto [it, inserted] = by_provides.try_emplace(name, i);
      if (!inserted && priority(packages[i]) > priority(packages[it->second])) {
        it->second = i;
      }
    }
  }

  return distro::resolve_by_name_or_provides(
      packages, by_name, by_provides, [](const std::string& token) -> std::string_view {
        // A conflict ("!name") is no dependency.
        return token.starts_with('!') ? std::string_view() : dependency_name(token);
      });
}

} // namespace kensa::scanner::apk
