#include "image_plan.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <optional>

namespace kensa::source {

namespace {

using Json = nlohmann::json;

// Index, manifest and config files are a few KiB; anything far larger is
// not one, and is not parsed.
constexpr std::uint64_t k_json_cap = 4ull << 20;
// Image indexes may point at image indexes; real ones nest once.
constexpr int k_max_index_depth = 4;

constexpr std::string_view k_oci_index = "application/vnd.oci.image.index.v1+json";
constexpr std::string_view k_docker_list =
    "application/vnd.docker.distribution.manifest.list.v2+json";

Result<Json> read_json(ImageStore& store, const std::string& path) {
  auto text = store.read(path, k_json_cap);
  if (!text) {
    return fail(text.error());
  }
  Json json = Json::parse(*text, nullptr, false);
  if (json.is_discarded()) {
    return fail(path + " is not valid JSON");
  }
  return json;
}

const Json* member(const Json& json, const char* key) {
  if (!json.is_object()) {
    return nullptr;
  }
  auto it = json.find(key);
  return it == json.end() ? nullptr : &*it;
}

// The member `key`, or null when there is none.
const Json& at(const Json& json, const char* key) {
  static const Json k_null;
  const Json* value = member(json, key);
  return value != nullptr ? *value : k_null;
}

std::string string_at(const Json& json, const char* key) {
  const Json* value = member(json, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

// "sha256:<hex>" to its path in an OCI layout; fails on anything that could
// name another file.
Result<std::string> blob_path(const std::string& digest) {
  auto colon = digest.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == digest.size()) {
    return fail("malformed digest '" + digest + "'");
  }
  for (std::size_t i = 0; i < digest.size(); ++i) {
    auto c = static_cast<unsigned char>(digest[i]);
    bool allowed =
        std::isalnum(c) != 0 || (i < colon && (c == '+' || c == '.' || c == '_' || c == '-'));
    if (i != colon && !allowed) {
      return fail("malformed digest '" + digest + "'");
    }
  }
  return "blobs/" + digest.substr(0, colon) + "/" + digest.substr(colon + 1);
}

Platform platform_of_config(const Json& config) {
  return Platform{string_at(config, "os"), string_at(config, "architecture"),
                  string_at(config, "variant")};
}

struct Candidate {
  // The manifest's descriptor (OCI) or manifest.json entry (docker).
  Json entry;
  std::optional<Platform> platform;
  std::string reference;
};

void split_reference(const std::string& reference, ImagePlan& plan) {
  std::string name = reference.substr(0, reference.find('@'));
  auto slash = name.rfind('/');
  auto colon = name.rfind(':');
  if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
    plan.tag = name.substr(colon + 1);
    name.resize(colon);
  }
  plan.name = name;
}

Result<Candidate> choose(std::vector<Candidate> candidates, const std::string& requested) {
  auto list = [&]() {
    std::string text;
    for (const auto& candidate : candidates) {
      text += text.empty() ? "" : ", ";
      text += candidate.platform ? candidate.platform->text() : "unknown";
    }
    return text;
  };
  if (candidates.empty()) {
    return fail("the image layout holds no image manifest");
  }
  if (!requested.empty()) {
    auto wanted = parse_platform(requested);
    if (!wanted) {
      return fail(wanted.error());
    }
    for (auto& candidate : candidates) {
      if (candidate.platform && wanted->accepts(*candidate.platform)) {
        return std::move(candidate);
      }
    }
    return fail("no image for platform " + requested + " (the image has: " + list() + ")");
  }
  if (candidates.size() == 1) {
    return std::move(candidates.front());
  }
  Platform fallback{"linux", "amd64", {}};
  for (auto& candidate : candidates) {
    if (candidate.platform && fallback.accepts(*candidate.platform)) {
      return std::move(candidate);
    }
  }
  return fail("the image has several platforms (" + list() + "); choose one with --platform");
}

bool is_attestation(const Candidate& candidate) {
  const Json& entry = candidate.entry;
  if (string_at(at(entry, "annotations"), "vnd.docker.reference.type") == "attestation-manifest") {
    return true;
  }
  return candidate.platform && candidate.platform->os == "unknown";
}

Status collect(ImageStore& store, const Json& index, const std::string& reference, int depth,
               std::vector<Candidate>& out) {
  if (!index.is_object() || !at(index, "manifests").is_array()) {
    return fail("image index without a manifests list");
  }
  for (const Json& descriptor : at(index, "manifests")) {
    std::string ref = reference;
    if (member(descriptor, "annotations") != nullptr) {
      const Json& annotations = at(descriptor, "annotations");
      std::string full = string_at(annotations, "io.containerd.image.name");
      std::string short_ref = string_at(annotations, "org.opencontainers.image.ref.name");
      ref = !full.empty() ? full : !short_ref.empty() ? short_ref : ref;
    }
    std::string media_type = string_at(descriptor, "mediaType");
    if (media_type == k_oci_index || media_type == k_docker_list) {
      if (depth >= k_max_index_depth) {
        return fail("image indexes nested more than " + std::to_string(k_max_index_depth) +
                    " deep");
      }
      auto path = blob_path(string_at(descriptor, "digest"));
      if (!path) {
        return fail(path.error());
      }
      auto nested = read_json(store, *path);
      if (!nested) {
        return fail(nested.error());
      }
      if (auto collected = collect(store, *nested, ref, depth + 1, out); !collected) {
        return collected;
      }
      continue;
    }
    Candidate candidate{descriptor, std::nullopt, ref};
    if (member(descriptor, "platform") != nullptr) {
      candidate.platform = platform_of_config(at(descriptor, "platform"));
    }
    out.push_back(std::move(candidate));
  }
  return ok_status();
}

void read_labels(const Json& config, ImagePlan& plan) {
  if (!at(config, "config").is_object()) {
    return;
  }
  const Json& inner = at(config, "config");
  if (!at(inner, "Labels").is_object()) {
    return;
  }
  for (const auto& [key, value] : at(inner, "Labels").items()) {
    if (value.is_string()) {
      plan.labels[key] = value.get<std::string>();
    }
  }
}

std::vector<std::string> diff_ids(const Json& config) {
  std::vector<std::string> ids;
  const Json& listed = at(at(config, "rootfs"), "diff_ids");
  if (listed.is_array()) {
    for (const Json& id : listed) {
      ids.push_back(id.is_string() ? id.get<std::string>() : std::string());
    }
  }
  return ids;
}

Result<ImagePlan> plan_oci(ImageStore& store, const std::string& platform) {
  auto index = read_json(store, "index.json");
  if (!index) {
    return fail(index.error());
  }
  std::vector<Candidate> candidates;
  if (auto collected = collect(store, *index, "", 0, candidates); !collected) {
    return fail(collected.error());
  }
  std::vector<Candidate> images;
  for (auto& candidate : candidates) {
    if (!candidate.platform) {
      // Single-platform layouts often leave the platform to the config.
      auto manifest_path = blob_path(string_at(candidate.entry, "digest"));
      if (!manifest_path) {
        return fail(manifest_path.error());
      }
      auto manifest = read_json(store, *manifest_path);
      if (!manifest) {
        return fail(manifest.error());
      }
      auto config_path = blob_path(string_at(at(*manifest, "config"), "digest"));
      if (!config_path) {
        return fail(config_path.error());
      }
      if (auto config = read_json(store, *config_path)) {
        candidate.platform = platform_of_config(*config);
      }
    }
    if (!is_attestation(candidate)) {
      images.push_back(std::move(candidate));
    }
  }
  auto chosen = choose(std::move(images), platform);
  if (!chosen) {
    return fail(chosen.error());
  }

  ImagePlan plan;
  split_reference(chosen->reference, plan);
  plan.manifest_digest = string_at(chosen->entry, "digest");
  auto manifest_path = blob_path(plan.manifest_digest);
  if (!manifest_path) {
    return fail(manifest_path.error());
  }
  auto manifest = read_json(store, *manifest_path);
  if (!manifest) {
    return fail(manifest.error());
  }
  if (!at(*manifest, "config").is_object() || !at(*manifest, "layers").is_array()) {
    return fail(*manifest_path + " is not an image manifest");
  }
  plan.config_digest = string_at(at(*manifest, "config"), "digest");
  auto config_path = blob_path(plan.config_digest);
  if (!config_path) {
    return fail(config_path.error());
  }
  auto config = read_json(store, *config_path);
  if (!config) {
    return fail(config.error());
  }
  plan.platform = platform_of_config(*config);
  read_labels(*config, plan);
  auto ids = diff_ids(*config);
  std::size_t n = 0;
  for (const Json& layer : at(*manifest, "layers")) {
    std::string digest = string_at(layer, "digest");
    auto path = blob_path(digest);
    if (!path) {
      return fail(path.error());
    }
    std::string id = n < ids.size() && !ids[n].empty() ? ids[n] : digest;
    plan.layers.push_back(ImageLayer{*path, id});
    ++n;
  }
  return plan;
}

// "<hex>.json" (old docker save) or "blobs/sha256/<hex>" (docker 25+) to
// "sha256:<hex>".
std::string digest_of_path(const std::string& path) {
  if (path.starts_with("blobs/")) {
    auto slash = path.find('/', 6);
    if (slash != std::string::npos) {
      return path.substr(6, slash - 6) + ":" + path.substr(slash + 1);
    }
  }
  std::string name = path.substr(path.rfind('/') + 1);
  if (name.ends_with(".json")) {
    name.resize(name.size() - 5);
  }
  return name.size() == 64 ? "sha256:" + name : std::string();
}

Result<ImagePlan> plan_docker(ImageStore& store, const std::string& platform) {
  auto manifest = read_json(store, "manifest.json");
  if (!manifest) {
    return fail(manifest.error());
  }
  if (!manifest->is_array()) {
    return fail("manifest.json is not a docker-save manifest");
  }
  std::vector<Candidate> candidates;
  for (const Json& entry : *manifest) {
    if (!entry.is_object() || !at(entry, "Layers").is_array()) {
      continue;
    }
    Candidate candidate{entry, std::nullopt, {}};
    if (at(entry, "RepoTags").is_array() && !at(entry, "RepoTags").empty() &&
        at(entry, "RepoTags")[0].is_string()) {
      candidate.reference = at(entry, "RepoTags")[0].get<std::string>();
    }
    if (auto config = read_json(store, string_at(entry, "Config"))) {
      candidate.platform = platform_of_config(*config);
    }
    candidates.push_back(std::move(candidate));
  }
  auto chosen = choose(std::move(candidates), platform);
  if (!chosen) {
    return fail(chosen.error());
  }
  ImagePlan plan;
  split_reference(chosen->reference, plan);
  std::string config_path = string_at(chosen->entry, "Config");
  auto config = read_json(store, config_path);
  if (!config) {
    return fail(config.error());
  }
  plan.config_digest = digest_of_path(config_path);
  plan.platform = platform_of_config(*config);
  read_labels(*config, plan);
  auto ids = diff_ids(*config);
  std::size_t n = 0;
  for (const Json& layer : at(chosen->entry, "Layers")) {
    if (!layer.is_string()) {
      return fail("manifest.json lists a layer that is not a path");
    }
    std::string path = layer.get<std::string>();
    std::string id = n < ids.size() && !ids[n].empty() ? ids[n] : digest_of_path(path);
    plan.layers.push_back(ImageLayer{path, id});
    ++n;
  }
  return plan;
}

} // namespace

bool has_image_layout(ImageStore& store) {
  if (store.has("index.json") && store.has("oci-layout")) {
    return true;
  }
  if (!store.has("manifest.json")) {
    return false;
  }
  auto manifest = read_json(store, "manifest.json");
  return manifest && manifest->is_array() && !manifest->empty() && manifest->front().is_object() &&
         at(manifest->front(), "Layers").is_array();
}

Result<ImagePlan> plan_image(ImageStore& store, const std::string& platform) {
  // Docker 25 and later write both; the OCI index is the one with platforms.
  if (store.has("index.json") && store.has("oci-layout")) {
    return plan_oci(store, platform);
  }
  if (store.has("manifest.json")) {
    return plan_docker(store, platform);
  }
  return fail("no index.json or manifest.json: not an image layout");
}

} // namespace kensa::source
