// Container images without a daemon: an OCI layout folder, the same layout as
// a tarball (OCI archive), and a docker-save tarball, all made here from a
// small root file system in two layers, the second deleting files of the
// first with whiteouts.
#include "../support/test_support.hpp"
#include "source_test_support.hpp"

#include <kensa/model/hash.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using namespace kensa;
namespace fs = std::filesystem;
using nlohmann::json;
using testing::shell;

namespace {

std::string sha256_of(const fs::path& file) {
  return "sha256:" +
         model::compute_hash(model::HashAlgorithm::sha256, testing::read_file(file)).hex;
}

std::string sha256_of_text(const std::string& text) {
  return "sha256:" + model::compute_hash(model::HashAlgorithm::sha256, text).hex;
}

// Writes `text` as a blob of the layout at `layout`; returns its digest.
std::string put_blob(const fs::path& layout, const std::string& text) {
  std::string digest = sha256_of_text(text);
  testing::write_text(layout / "blobs/sha256" / digest.substr(7), text);
  return digest;
}

struct BuiltImage {
  fs::path root;
  std::vector<std::string> diff_ids;
};

// Two layers: the first holds three lockfiles, the second deletes
// app/package-lock.json (a whiteout) and everything the first put in opt/data
// (an opaque folder), and adds a file of its own.
BuiltImage build_layers(const std::string& test) {
  BuiltImage image{testing::scratch_dir(test), {}};
  auto& root = image.root;
  testing::write_text(root / "l1/app/package-lock.json", testing::npm_lockfile());
  testing::write_text(root / "l1/opt/data/package-lock.json", testing::npm_lockfile());
  testing::write_text(root / "l1/srv/package-lock.json", testing::npm_lockfile());
  testing::write_text(root / "l1/etc/os-release", "ID=kensa\n");
  testing::write_text(root / "l2/app/.wh.package-lock.json", "");
  testing::write_text(root / "l2/opt/data/.wh..wh..opq", "");
  testing::write_text(root / "l2/opt/data/notes.txt", "layer two\n");
  // Over the 4 MiB that image tarballs keep in memory while indexing, so the
  // layer is streamed out of the tarball.
  shell(root / "l1", "mkdir -p var && head -c 5000000 /dev/urandom > var/big.bin && "
                     "tar --sort=name -cf ../layer1.tar app etc opt srv var");
  shell(root / "l2", "tar --sort=name -cf ../layer2.tar app opt");
  image.diff_ids = {sha256_of(root / "layer1.tar"), sha256_of(root / "layer2.tar")};
  shell(root, "gzip -n -k layer1.tar layer2.tar");
  return image;
}

std::string config_json(const BuiltImage& image, const std::string& architecture) {
  return json{{"architecture", architecture},
              {"os", "linux"},
              {"config", {{"Labels", {{"org.opencontainers.image.title", "fixture"}}}}},
              {"rootfs", {{"type", "layers"}, {"diff_ids", image.diff_ids}}}}
      .dump();
}

// An OCI image manifest for the two gzipped layers; returns its descriptor.
json put_manifest(const fs::path& layout, const BuiltImage& image,
                  const std::string& architecture) {
  std::string config = config_json(image, architecture);
  std::string config_digest = put_blob(layout, config);
  json layers = json::array();
  for (const char* name : {"layer1.tar.gz", "layer2.tar.gz"}) {
    std::string bytes = testing::read_file(image.root / name);
    layers.push_back({{"mediaType", "application/vnd.oci.image.layer.v1.tar+gzip"},
                      {"digest", put_blob(layout, bytes)},
                      {"size", bytes.size()}});
  }
  std::string manifest = json{
      {"schemaVersion", 2},
      {"mediaType", "application/vnd.oci.image.manifest.v1+json"},
      {"config",
       {{"mediaType", "application/vnd.oci.image.config.v1+json"},
        {"digest", config_digest},
        {"size", config.size()}}},
      {"layers", layers}}.dump();
  return json{{"mediaType", "application/vnd.oci.image.manifest.v1+json"},
              {"digest", put_blob(layout, manifest)},
              {"size", manifest.size()}};
}

fs::path build_oci_layout(const BuiltImage& image) {
  fs::path layout = image.root / "oci";
  json descriptor = put_manifest(layout, image, "amd64");
  descriptor["annotations"] = {{"org.opencontainers.image.ref.name", "example.org/fixture:1.0"}};
  testing::write_text(layout / "index.json",
                      json{{"schemaVersion", 2}, {"manifests", {descriptor}}}.dump());
  testing::write_text(layout / "oci-layout", R"({"imageLayoutVersion":"1.0.0"})");
  return layout;
}

fs::path build_docker_save(const BuiltImage& image) {
  fs::path dir = image.root / "docker";
  std::string config = config_json(image, "amd64");
  std::string config_name = sha256_of_text(config).substr(7) + ".json";
  testing::write_text(dir / config_name, config);
  json layers = json::array();
  for (const char* name : {"layer1.tar", "layer2.tar"}) {
    std::string id = sha256_of(image.root / name).substr(7);
    fs::create_directories(dir / id);
    fs::copy_file(image.root / name, dir / id / "layer.tar");
    testing::write_text(dir / id / "VERSION", "1.0");
    layers.push_back(id + "/layer.tar");
  }
  testing::write_text(dir / "manifest.json",
                      json::array({{{"Config", config_name},
                                    {"RepoTags", {"example.org/fixture:1.0"}},
                                    {"Layers", layers}}})
                          .dump());
  testing::write_text(dir / "repositories", R"({"example.org/fixture":{"1.0":"x"}})");
  shell(dir, "tar --sort=name -cf ../image-docker.tar *");
  return image.root / "image-docker.tar";
}

void check_squashed(const model::Document& document, const BuiltImage& image) {
  CHECK(testing::locations_of(document, testing::k_ms) ==
        std::vector<std::string>{"srv/package-lock.json"});
  CHECK(testing::layers_of(document, testing::k_ms) == std::vector<std::string>{image.diff_ids[0]});
  REQUIRE(document.metadata.subject.has_value());
  const auto& subject = *document.metadata.subject;
  CHECK(subject.type == model::ComponentType::container);
  CHECK(subject.name == "example.org/fixture");
  CHECK(subject.version == "1.0");
  auto has_property = [&](const std::string& name, const std::string& value) {
    return std::count(subject.properties.begin(), subject.properties.end(),
                      model::Property{name, value}) == 1;
  };
  CHECK(has_property("kensa:image:os", "linux"));
  CHECK(has_property("kensa:image:architecture", "amd64"));
  CHECK(has_property("kensa:image:label:org.opencontainers.image.title", "fixture"));
  CHECK(has_property("kensa:image:layer:0", image.diff_ids[0]));
  CHECK(has_property("kensa:image:layer:1", image.diff_ids[1]));
}

void check_all_layers(const model::Document& document) {
  CHECK(testing::locations_of(document, testing::k_ms) ==
        std::vector<std::string>{"app/package-lock.json", "opt/data/package-lock.json",
                                 "srv/package-lock.json"});
}

} // namespace

TEST_CASE("images: OCI layout folder, squashed and all layers", "[source][image]") {
  auto image = build_layers("image-oci-layout");
  auto layout = build_oci_layout(image);

  auto squashed = testing::scan_with_npm(layout);
  check_squashed(squashed, image);
  CHECK(squashed.diagnostics.empty());
  const auto& subject = *squashed.metadata.subject;
  REQUIRE(subject.hashes.size() == 1);
  CHECK(subject.purl == "pkg:oci/fixture@sha256:" + subject.hashes[0].hex +
                            "?arch=amd64&repository_url=example.org%2Ffixture&tag=1.0");

  scanner::ScanOptions options;
  options.source.scope = source::LayerScope::all_layers;
  check_all_layers(testing::scan_with_npm(layout, options));
}

TEST_CASE("images: OCI archive (the layout as a tarball)", "[source][image]") {
  auto image = build_layers("image-oci-archive");
  auto layout = build_oci_layout(image);
  shell(layout, "tar --sort=name -cf ../image-oci.tar .");
  check_squashed(testing::scan_with_npm(image.root / "image-oci.tar"), image);
  scanner::ScanOptions options;
  options.source.scope = source::LayerScope::all_layers;
  check_all_layers(testing::scan_with_npm(image.root / "image-oci.tar", options));
}

TEST_CASE("images: docker save tarball, plain and gzipped", "[source][image]") {
  auto image = build_layers("image-docker-save");
  auto tarball = build_docker_save(image);
  check_squashed(testing::scan_with_npm(tarball), image);
  scanner::ScanOptions options;
  options.source.scope = source::LayerScope::all_layers;
  check_all_layers(testing::scan_with_npm(tarball, options));

  shell(image.root, "gzip -n -k image-docker.tar");
  check_squashed(testing::scan_with_npm(image.root / "image-docker.tar.gz"), image);
}

TEST_CASE("images: --files lists the squashed files with the layer's digests", "[source][image]") {
  auto image = build_layers("image-files");
  auto layout = build_oci_layout(image);
  scanner::ScanOptions options;
  options.source.digests = {model::HashAlgorithm::sha256};
  auto document = testing::scan_with_npm(layout, options);
  std::vector<std::string> paths;
  for (const auto& file : document.files) {
    paths.push_back(file.path);
  }
  CHECK(paths == std::vector<std::string>{"etc/os-release", "opt/data/notes.txt",
                                          "srv/package-lock.json", "var/big.bin"});
  CHECK(document.files[0].hashes.at(0).hex ==
        model::compute_hash(model::HashAlgorithm::sha256, "ID=kensa\n").hex);
}

TEST_CASE("images: platform choice in a multi-platform index", "[source][image]") {
  auto image = build_layers("image-platforms");
  fs::path layout = image.root / "oci";
  json amd64 = put_manifest(layout, image, "amd64");
  amd64["platform"] = {{"os", "linux"}, {"architecture", "amd64"}};
  json arm64 = put_manifest(layout, image, "arm64");
  arm64["platform"] = {{"os", "linux"}, {"architecture", "arm64"}, {"variant", "v8"}};
  json attestation = arm64;
  attestation["platform"] = {{"os", "unknown"}, {"architecture", "unknown"}};
  std::string list = json{{"schemaVersion", 2},
                          {"mediaType", "application/vnd.oci.image.index.v1+json"},
                          {"manifests", {arm64, amd64, attestation}}}
                         .dump();
  json list_descriptor = {{"mediaType", "application/vnd.oci.image.index.v1+json"},
                          {"digest", put_blob(layout, list)},
                          {"size", list.size()}};
  testing::write_text(layout / "index.json",
                      json{{"schemaVersion", 2}, {"manifests", {list_descriptor}}}.dump());
  testing::write_text(layout / "oci-layout", R"({"imageLayoutVersion":"1.0.0"})");

  auto architecture = [](const model::Document& document) {
    for (const auto& property : document.metadata.subject->properties) {
      if (property.name == "kensa:image:architecture") {
        return property.value;
      }
    }
    return std::string();
  };
  CHECK(architecture(testing::scan_with_npm(layout)) == "amd64");
  scanner::ScanOptions options;
  options.source.platform = "linux/arm64";
  CHECK(architecture(testing::scan_with_npm(layout, options)) == "arm64");
  options.source.platform = "linux/arm64/v8";
  CHECK(architecture(testing::scan_with_npm(layout, options)) == "arm64");

  options.source.platform = "linux/s390x";
  options.scanners = {"npm"};
  auto missing = scanner::scan(layout, options);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("no image for platform linux/s390x (the image has: linux/arm64/v8, "
                             "linux/amd64)") != std::string::npos);

  auto cli = testing::run_kensa({"scan", layout.string(), "--platform", "linux/s390x"});
  CHECK(cli.exit_code == 2);
  auto bad = testing::run_kensa({"scan", layout.string(), "--platform", "amd64"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("os/arch") != std::string::npos);
}

TEST_CASE("images: an extracted root file system scans like the image", "[source][image]") {
  auto image = build_layers("image-rootfs");
  fs::create_directories(image.root / "rootfs");
  shell(image.root / "rootfs", "tar -xf ../layer1.tar");
  auto document = testing::scan_with_npm(image.root / "rootfs");
  CHECK(testing::locations_of(document, testing::k_ms) ==
        std::vector<std::string>{"app/package-lock.json", "opt/data/package-lock.json",
                                 "srv/package-lock.json"});
}
