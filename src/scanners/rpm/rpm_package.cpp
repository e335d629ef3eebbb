#include "rpm_package.hpp"

namespace kensa::scanner::rpm {

namespace {

// FILEDIGESTALGO holds OpenPGP hash algorithm numbers (RFC 4880 9.4).
std::string digest_algorithm_name(std::uint64_t algorithm) {
  switch (algorithm) {
  case 1:
    return "MD5";
  case 2:
    return "SHA-1";
  case 8:
    return "SHA-256";
  case 9:
    return "SHA-384";
  case 10:
    return "SHA-512";
  case 11:
    return "SHA-224";
  default:
    return "unknown (" + std::to_string(algorithm) + ")";
  }
}

std::optional<model::HashAlgorithm> digest_hash(std::uint64_t algorithm) {
  switch (algorithm) {
  case 1:
    return model::HashAlgorithm::md5;
  case 2:
    return model::HashAlgorithm::sha1;
  case 8:
    return model::HashAlgorithm::sha256;
  case 9:
    return model::HashAlgorithm::sha384;
  case 10:
    return model::HashAlgorithm::sha512;
  default:
    return std::nullopt;
  }
}

// Hex digits an OpenPGP hash algorithm's digest has; 0 when unknown.
std::size_t digest_hex_length(std::uint64_t algorithm) {
  switch (algorithm) {
  case 1:
    return 32;
  case 2:
    return 40;
  case 8:
    return 64;
  case 9:
    return 96;
  case 10:
    return 128;
  case 11:
    return 56;
  default:
    return 0;
  }
}

// `text` when it is `length` lowercase hex digits (rpm writes them so);
// anything else in a header is no digest kensa repeats.
std::string hex_digest(std::string_view text, std::size_t length) {
  if (length == 0 || text.size() != length) {
    return {};
  }
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return {};
    }
  }
  return std::string(text);
}

std::string hex_of_bytes(std::string_view bytes) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto byte = static_cast<unsigned char>(c);
    hex += k_digits[byte >> 4];
    hex += k_digits[byte & 0x0f];
  }
  return hex;
}

std::vector<std::string> copy(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

} // namespace

Result<RpmPackage> read_package(const RpmHeader& header) {
  RpmPackage package;
  package.name = header.string(k_tag_name);
  package.version = header.string(k_tag_version);
  if (package.name.empty()) {
    return fail("header without NAME");
  }
  if (package.version.empty()) {
    return fail("package " + package.name + ": header without VERSION");
  }
  package.release = header.string(k_tag_release);
  package.epoch = header.integer(k_tag_epoch);
  package.arch = header.string(k_tag_arch);
  package.license = header.string(k_tag_license);
  package.vendor = header.string(k_tag_vendor);
  package.packager = header.string(k_tag_packager);
  package.summary = header.string(k_tag_summary);
  package.url = header.string(k_tag_url);
  package.source_rpm = header.string(k_tag_source_rpm);
  package.size = header.integer(k_tag_long_size);
  if (!package.size) {
    package.size = header.integer(k_tag_size);
  }
  package.requires_names = copy(header.strings(k_tag_require_name));
  package.provides_names = copy(header.strings(k_tag_provide_name));

  auto basenames = header.strings(k_tag_basenames);
  auto dir_names = header.strings(k_tag_dir_names);
  auto dir_indexes = header.integers(k_tag_dir_indexes);
  if (!basenames.empty()) {
    if (dir_indexes.size() != basenames.size()) {
      return fail("package " + package.name + ": " + std::to_string(basenames.size()) +
                  " file names but " + std::to_string(dir_indexes.size()) + " directory indexes");
    }
    package.files.reserve(basenames.size());
    for (std::size_t i = 0; i < basenames.size(); ++i) {
      if (dir_indexes[i] >= dir_names.size()) {
        return fail("package " + package.name + ": directory index " +
                    std::to_string(dir_indexes[i]) + " past the " +
                    std::to_string(dir_names.size()) + " directories");
      }
      package.files.push_back(std::string(dir_names[dir_indexes[i]]) + std::string(basenames[i]));
    }
  } else {
    // Packages built before rpm 4.0 list whole paths.
    package.files = copy(header.strings(k_tag_old_filenames));
  }
  auto digests = header.strings(k_tag_file_digests);
  for (std::string_view digest : digests) {
    if (!digest.empty()) {
      ++package.file_digests;
    }
  }
  if (package.file_digests > 0) {
    std::uint64_t algorithm = header.integer(k_tag_file_digest_algo).value_or(1);
    package.file_digest_algorithm = digest_algorithm_name(algorithm);
    package.file_digest_hash = digest_hash(algorithm);
    if (digests.size() == package.files.size()) {
      package.file_digest_hexes = copy(digests);
    }
  }
  if (std::string_view md5 = header.binary(k_tag_sigmd5); md5.size() == 16) {
    package.sigmd5 = hex_of_bytes(md5);
  }
  package.sha1_header = hex_digest(header.string(k_tag_sha1_header), 40);
  package.sha256_header = hex_digest(header.string(k_tag_sha256_header), 64);
  // rpm writes PAYLOADDIGEST without PAYLOADDIGESTALGO only for SHA-256,
  // its default payload digest.
  std::uint64_t payload_algorithm = header.integer(k_tag_payload_digest_algo).value_or(8);
  std::size_t payload_length = digest_hex_length(payload_algorithm);
  package.payload_digest = hex_digest(header.string(k_tag_payload_digest), payload_length);
  package.payload_digest_alt = hex_digest(header.string(k_tag_payload_digest_alt), payload_length);
  if (!package.payload_digest.empty() || !package.payload_digest_alt.empty()) {
    package.payload_digest_algorithm = digest_algorithm_name(payload_algorithm);
  }
  return package;
}

std::string full_version(const RpmPackage& package) {
  std::string version = package.version;
  if (!package.release.empty()) {
    version += "-" + package.release;
  }
  if (package.epoch) {
    version = std::to_string(*package.epoch) + ":" + version;
  }
  return version;
}

} // namespace kensa::scanner::rpm
