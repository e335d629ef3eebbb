// The entry point for one lockfile: parse the JSON, pick the layout, hand
// over to its reader.
#include "../common/parsers/json_file.hpp"
#include "lockfile.hpp"

#include <kensa/scanner/file_report.hpp>

#include <string>
#include <string_view>

namespace kensa::scanner::npm {

namespace {

// lockfileVersion, or nullopt when absent or not a whole number.
std::optional<std::int64_t> lockfile_version(Lockfile& lock, json::Value document) {
  const json::Value value = document["lockfileVersion"];
  if (!value.exists()) {
    return std::nullopt;
  }
  if (value.is_number_integer()) {
    return value.integer();
  }
  lock.report().warn(
      "\"lockfileVersion\" is not a whole number; the layout is guessed from the content");
  return std::nullopt;
}

} // namespace

void parse_package_lock(FileReport& report, const source::SourceFile& file) {
  const auto parsed = read_json_object(report, file.contents, "an npm lockfile");
  if (!parsed) {
    return;
  }
  const json::Value document = parsed->root();

  Lockfile lock(report, file);
  auto version = lockfile_version(lock, document);
  if (version && (*version < 1 || *version > 3)) {
    lock.report().warn("lockfileVersion " + std::to_string(*version) +
                       " is not one of 1, 2, 3; reading it by its content");
  }

  const json::Value packages = document["packages"];
  json::Value dependencies = document["dependencies"];
  if (packages.is_object()) {
    // Version 2 also carries the v1 tree for old npm releases; the packages
    // map is the complete one, so the tree is ignored.
    read_packages_map(lock, document, packages);
  } else {
    if (packages.exists()) {
      lock.report().warn(
          "\"packages\" is not an object; reading the \"dependencies\" tree instead");
    } else if (version && *version >= 2) {
      lock.report().warn("lockfileVersion " + std::to_string(*version) +
                         " without a \"packages\" map; reading the \"dependencies\" tree instead");
    }
    if (dependencies.exists() && !dependencies.is_object()) {
      lock.report().warn("\"dependencies\" is not an object");
      dependencies = json::Value();
    }
    read_dependency_tree(lock, document, dependencies);
  }
  lock.finish();
}

} // namespace kensa::scanner::npm
