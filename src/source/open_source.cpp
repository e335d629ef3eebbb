#include "file_io.hpp"

#include <kensa/source/archive_format.hpp>
#include <kensa/source/directory_source.hpp>
#include <kensa/source/file_source.hpp>
#include <kensa/source/image_source.hpp>
#include <kensa/source/platform.hpp>
#include <kensa/source/source.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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
  if (!options.platform.empty()) {
    // A malformed --platform is a usage error whatever the input is.
    if (auto platform = parse_platform(options.platform); !platform) {
      return fail(platform.error());
    }
  }
  if (S_ISDIR(info.st_mode)) {
    if (is_image_folder(canonical)) {
      return open_image_folder(canonical, options);
    }
    return make_directory_source(canonical, options);
  }
  if (S_ISREG(info.st_mode)) {
    auto head = read_file_head(canonical, k_sniff_probe_size);
    if (!head) {
      return fail("cannot read " + path.string() + ": " + head.error());
    }
    ArchiveFormat format = detect_archive_format(*head);
    if (format == ArchiveFormat::tar || is_compression(format)) {
      auto image = open_image_tarball(canonical, options);
      if (!image) {
        return fail(image.error());
      }
      if (*image) {
        return std::move(image).value();
      }
    }
    return make_single_file_source(canonical, options);
  }
  return fail("cannot scan " + path.string() + ": not a folder or a regular file");
}

} // namespace kensa::source
