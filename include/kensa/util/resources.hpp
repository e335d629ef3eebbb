#pragma once

#include <optional>
#include <span>
#include <string_view>

// Data files compiled into the binary: the bundled schemas and the SPDX
// license list (see schemas/SOURCES.md). kensa never reads them from disk or
// the network at run time.
namespace kensa::resources {

struct Resource {
  // Path relative to schemas/, e.g. "cyclonedx/bom-1.6.SNAPSHOT.schema.json".
  std::string_view name;
  std::string_view data;
};

// Every embedded resource, sorted by name.
std::span<const Resource> all();

// The resource called `name`, or nullopt when there is none.
std::optional<std::string_view> find(std::string_view name);

} // namespace kensa::resources
