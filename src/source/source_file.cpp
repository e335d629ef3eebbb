#include <kensa/source/source.hpp>

namespace kensa::source {

std::string_view container_prefix(const SourceFile& file) {
  std::string_view location = file.location;
  if (location.size() < file.path.size() || !location.ends_with(file.path)) {
    return {};
  }
  return location.substr(0, location.size() - file.path.size());
}

} // namespace kensa::source
