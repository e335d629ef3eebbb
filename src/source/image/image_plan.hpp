#pragma once

#include "image_store.hpp"

#include <kensa/source/platform.hpp>
#include <kensa/util/result.hpp>

#include <map>
#include <string>
#include <vector>

namespace kensa::source {

// One layer of the chosen image, bottom first.
struct ImageLayer {
  // Blob path in the layout ("blobs/sha256/<hex>", "<id>/layer.tar").
  std::string path;
  // What evidence records: the layer's diff id (the digest of the
  // uncompressed tar, the same in docker-save and OCI exports of one image),
  // or the blob digest when the config lists none.
  std::string digest;
};

// What scanning an image needs from its index, manifest and config.
struct ImagePlan {
  // "docker.io/library/alpine", "alpine", or empty when no reference is known.
  std::string name;
  // Tag from the reference ("3.19"), empty when none.
  std::string tag;
  // "sha256:..." of the manifest; empty for docker-save tarballs, which
  // carry none.
  std::string manifest_digest;
  std::string config_digest;
  Platform platform;
  std::map<std::string, std::string> labels;
  std::vector<ImageLayer> layers;
};

// Reads the layout in `store` (an OCI index.json, else a docker-save
// manifest.json) and picks the image for `platform` ("os/arch[/variant]";
// empty: the only one, else linux/amd64). Fails with a message naming the
// problem (no image, no match for the platform, listing those there are;
// missing or malformed manifest).
Result<ImagePlan> plan_image(ImageStore& store, const std::string& platform);

// Whether `store` holds an image layout at all.
bool has_image_layout(ImageStore& store);

} // namespace kensa::source
