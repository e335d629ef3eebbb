#pragma once

#include "../archive_reader.hpp"

#include <kensa/util/result.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

namespace kensa::source {

// Where an image's files (index, manifests, configs, layer blobs) are: an
// OCI layout or docker-save folder, or a tarball of one. Paths are relative
// to the layout's root ("index.json", "blobs/sha256/<hex>").
class ImageStore {
 public:
  virtual ~ImageStore() = default;

  // Whether the layout holds a regular file at `path`.
  virtual bool has(const std::string& path) const = 0;
  // The contents of a small file (manifests, configs); fails when it is
  // missing or larger than `cap`.
  virtual Result<std::string> read(const std::string& path, std::uint64_t cap) = 0;
  // Opens the blob at `path` as an archive (a layer tar, compressed or not),
  // streaming, and hands the reader to `use`.
  virtual Status with_blob(const std::string& path,
                           const std::function<void(ArchiveReader&)>& use) = 0;
};

// A layout unpacked in a folder. Paths that would leave it are refused.
std::unique_ptr<ImageStore> make_folder_store(std::filesystem::path root);

// A layout inside a tarball (docker save, OCI archive), indexed with one pass
// over its headers. Small members are kept in memory during that pass so
// manifests need no second read; a layer is read by skipping to it (a seek in
// an uncompressed tarball). Fails when the tarball cannot be read.
Result<std::unique_ptr<ImageStore>> make_tarball_store(const std::filesystem::path& tarball);

// Whether the member names of a tarball's first entries look like an image
// layout (manifest.json, oci-layout, index.json, blobs/, <digest>/layer.tar).
// Reads only a few headers, so ordinary archives cost nearly nothing.
bool tarball_looks_like_image(const std::filesystem::path& tarball);

} // namespace kensa::source
