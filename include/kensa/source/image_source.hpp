#pragma once

#include <kensa/source/source.hpp>

#include <filesystem>
#include <memory>

namespace kensa::source {

// Whether `folder` holds an image layout: an OCI layout (oci-layout and
// index.json) or an unpacked docker-save tarball (a manifest.json array).
bool is_image_folder(const std::filesystem::path& folder);

// A container image in an OCI layout or docker-save folder. Fails when the
// layout is broken or has no image for the requested platform.
Result<std::unique_ptr<Source>> open_image_folder(const std::filesystem::path& folder,
                                                  const SourceOptions& options);

// A container image in a tarball (docker save, OCI archive). Returns a null
// pointer when the tarball does not hold an image layout (it is then an
// ordinary archive); fails like open_image_folder when it does but cannot be
// used.
Result<std::unique_ptr<Source>> open_image_tarball(const std::filesystem::path& tarball,
                                                   const SourceOptions& options);

} // namespace kensa::source
