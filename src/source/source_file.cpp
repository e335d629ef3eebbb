#include <kensa/source/source.hpp>

namespace kensa::source {

std::string_view container_prefix(const SourceFile& file) {
  std::string_view location = file.location;
  if (location.size() < file.path.size() || !location.ends_with(file.path)) {
    return {};
  }
  return location.substr(0, location.size() - file.path.size());
}

std::string_view source_kind_name(SourceKind kind) {
  switch (kind) {
  case SourceKind::folder:
    return "folder";
  case SourceKind::root_file_system:
    return "root file system";
  case SourceKind::image:
    return "image";
  case SourceKind::archive:
    return "archive";
  case SourceKind::file:
    return "file";
  }
  return "folder";
}

} // namespace kensa::source
