#include <kensa/source/directory_source.hpp>
#include <kensa/source/source.hpp>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace kensa::source {

namespace fs = std::filesystem;

Result<std::unique_ptr<Source>> open_source(const fs::path& path, const SourceOptions& options) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return fail("cannot read " + path.string() + ": " + std::strerror(errno));
  }
  if (::access(path.c_str(), R_OK) != 0) {
    return fail("cannot read " + path.string() + ": " + std::strerror(errno));
  }
  std::error_code error;
  fs::path canonical = fs::canonical(path, error);
  if (error) {
    return fail("cannot read " + path.string() + ": " + error.message());
  }
  if (S_ISDIR(info.st_mode)) {
    return make_directory_source(canonical, options);
  }
  if (S_ISREG(info.st_mode)) {
    return make_single_file_source(canonical, options);
  }
  return fail("cannot scan " + path.string() + ": not a folder or a regular file");
}

} // namespace kensa::source
