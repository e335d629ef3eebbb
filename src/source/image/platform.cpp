#include <kensa/source/platform.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::source {

std::string Platform::text() const {
  std::string result = os + "/" + architecture;
  if (!variant.empty()) {
    result += "/" + variant;
  }
  return result;
}

bool Platform::accepts(const Platform& candidate) const {
  return os == candidate.os && architecture == candidate.architecture &&
         (variant.empty() || variant == candidate.variant);
}

Result<Platform> parse_platform(std::string_view text) {
  auto parts = split(text, '/');
  if (parts.size() < 2 || parts.size() > 3) {
    return fail("platform must be os/arch[/variant], such as linux/amd64, not '" +
                std::string(text) + "'");
  }
  for (auto part : parts) {
    if (part.empty()) {
      return fail("platform must be os/arch[/variant], such as linux/amd64, not '" +
                  std::string(text) + "'");
    }
  }
  Platform platform{std::string(parts[0]), std::string(parts[1]), {}};
  if (parts.size() == 3) {
    platform.variant = std::string(parts[2]);
  }
  return platform;
}

} // namespace kensa::source
