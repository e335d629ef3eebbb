#pragma once

// Helpers the .NET scanner tests share.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::testing::dotnet {

inline void write_dotnet_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  native::write_bytes(path, bytes);
}

inline const model::Component& nuget_package(const model::Document& document,
                                             std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

inline std::string hash_of(const model::Component& component, model::HashAlgorithm algorithm) {
  for (const auto& hash : component.hashes) {
    if (hash.algorithm == algorithm) {
      return hash.hex;
    }
  }
  return {};
}

inline std::string sha512_of(const model::Component& component) {
  return hash_of(component, model::HashAlgorithm::sha512);
}

inline bool has_dotnet_warning(const std::vector<std::string>& warnings, std::string_view location,
                               std::string_view text) {
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

} // namespace kensa::testing::dotnet
