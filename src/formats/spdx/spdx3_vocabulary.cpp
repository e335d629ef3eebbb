#include "spdx3_vocabulary.hpp"

#include <array>
#include <utility>

namespace kensa::format::spdx {

namespace {

// CycloneDX link types (the model's vocabulary) and their SPDX 3 words.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> k_reference_types{{
    {"vcs", "vcs"},
    {"issue-tracker", "issueTracker"},
    {"documentation", "documentation"},
    {"mailing-list", "mailingList"},
    {"social", "socialMedia"},
    {"chat", "chat"},
    {"support", "support"},
    {"license", "license"},
    {"build-meta", "buildMeta"},
    {"build-system", "buildSystem"},
    {"release-notes", "releaseNotes"},
    {"advisories", "securityAdvisory"},
    {"funding", "funding"},
    {"website", "altWebPage"},
}};

} // namespace

std::optional<std::string_view> spdx3_reference_type(std::string_view link_type) {
  for (const auto& [model_type, spdx_type] : k_reference_types) {
    if (model_type == link_type) {
      return spdx_type;
    }
  }
  return std::nullopt;
}

std::string_view spdx3_sbom_type(std::string_view lifecycle) {
  if (lifecycle == "design") {
    return "design";
  }
  if (lifecycle == "pre-build") {
    return "source";
  }
  if (lifecycle == "build") {
    return "build";
  }
  if (lifecycle == "post-build" || lifecycle == "discovery") {
    return "analyzed";
  }
  // What runs on a machine or in an image, as scanned: software as it is
  // deployed. SPDX 3's "runtime" is an SBOM made by instrumenting the
  // running system, which no CycloneDX phase names.
  if (lifecycle == "operations") {
    return "deployed";
  }
  return "";
}

std::string_view spdx3_algorithm(model::HashAlgorithm algorithm) {
  using model::HashAlgorithm;
  switch (algorithm) {
  case HashAlgorithm::md5:
    return "md5";
  case HashAlgorithm::sha1:
    return "sha1";
  case HashAlgorithm::sha256:
    return "sha256";
  case HashAlgorithm::sha384:
    return "sha384";
  case HashAlgorithm::sha512:
    return "sha512";
  case HashAlgorithm::sha3_256:
    return "sha3_256";
  case HashAlgorithm::sha3_384:
    return "sha3_384";
  case HashAlgorithm::sha3_512:
    return "sha3_512";
  case HashAlgorithm::blake2b_256:
    return "blake2b256";
  case HashAlgorithm::blake2b_384:
    return "blake2b384";
  case HashAlgorithm::blake2b_512:
    return "blake2b512";
  case HashAlgorithm::blake3:
    return "blake3";
  }
  return "other";
}

std::optional<std::string_view> spdx3_purpose(model::ComponentType type) {
  using model::ComponentType;
  switch (type) {
  case ComponentType::application:
    return "application";
  case ComponentType::framework:
    return "framework";
  case ComponentType::library:
    return "library";
  case ComponentType::container:
    return "container";
  case ComponentType::platform:
    return "platform";
  case ComponentType::operating_system:
    return "operatingSystem";
  case ComponentType::device:
    return "device";
  case ComponentType::device_driver:
    return "deviceDriver";
  case ComponentType::firmware:
    return "firmware";
  case ComponentType::file:
    return "file";
  case ComponentType::machine_learning_model:
    return "model";
  case ComponentType::data:
    return "data";
  case ComponentType::cryptographic_asset:
    break;
  }
  return std::nullopt;
}

} // namespace kensa::format::spdx
