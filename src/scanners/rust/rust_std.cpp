#include "rust_std.hpp"

#include <kensa/model/cpe.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::rust {

namespace {

constexpr std::string_view k_prefix = "rustc version ";
// A .comment section holds a few compiler and linker names.
constexpr std::uint64_t k_max_comment = 64 << 10;

bool is_release_character(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
         c == '-' || c == '+';
}

} // namespace

std::string rustc_version_string(const binary::Executable& image) {
  if (image.format != binary::ExecutableFormat::elf) {
    return {};
  }
  const binary::Section* section = image.find_section(".comment");
  if (section == nullptr) {
    return {};
  }
  auto bytes = binary::section_bytes(image, *section, k_max_comment);
  if (!bytes) {
    return {};
  }
  // NUL-separated strings, one per compiler and linker that added one.
  for (std::string_view entry : split(*bytes, '\0')) {
    if (entry.starts_with(k_prefix) && !rustc_release(entry).empty()) {
      return std::string(entry.substr(0, 256));
    }
  }
  return {};
}

std::string rustc_release(std::string_view rustc_version) {
  if (!rustc_version.starts_with(k_prefix)) {
    return {};
  }
  std::string_view rest = rustc_version.substr(k_prefix.size());
  std::size_t end = 0;
  while (end < rest.size() && end < 64 && is_release_character(rest[end])) {
    ++end;
  }
  std::string_view release = rest.substr(0, end);
  if (release.empty() || release.front() < '0' || release.front() > '9') {
    return {};
  }
  return std::string(release);
}

model::Component make_rust_std_component(std::string_view rustc_version,
                                         const model::Evidence& evidence) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "cargo";
  component.name = "std";
  component.version = rustc_release(rustc_version);
  // "1.95.0-nightly" and the like: the CPE takes the release alone.
  std::string_view release = component.version;
  release = release.substr(0, release.find('-'));
  if (auto cpe = model::make_cpe23(model::CpePart::application, "rust-lang", "rust", release)) {
    component.cpes.push_back(std::move(*cpe));
  }
  component.licenses_declared.push_back(model::License{"MIT OR Apache-2.0", {}, {}});
  component.add_property(std::string(k_property_rustc), std::string(rustc_version));
  component.scope = model::Scope::required;
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::rust
