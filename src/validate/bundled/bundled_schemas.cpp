#include <kensa/util/resources.hpp>
#include <kensa/validate/bundled_schemas.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <utility>

namespace kensa::validate {

namespace {

std::string_view folder_of(std::string_view name) {
  const auto slash = name.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : name.substr(0, slash + 1);
}

std::string_view file_of(std::string_view name) {
  const auto slash = name.rfind('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

} // namespace

Result<std::string> add_bundled_schema(SchemaRegistry& registry, std::string_view resource_name) {
  const auto text = resources::find(resource_name);
  if (!text) {
    return fail("no bundled schema " + std::string(resource_name));
  }
  auto schema = json::Document::parse(*text);
  if (!schema || !schema->root().is_object()) {
    return fail("the bundled schema " + std::string(resource_name) + " is not a JSON object");
  }
  // Bundled schemas without $id are named after their path.
  std::string id = "https://kensa.invalid/schemas/" + std::string(resource_name);
  if (const json::Value declared = schema->root()["$id"]; declared.is_string()) {
    const std::string uri(declared.string());
    id = uri.substr(0, uri.find('#'));
  }
  const std::string file_url = resolve_schema_uri(id, file_of(resource_name));
  if (auto status = registry.add(file_url, std::move(*schema)); !status) {
    return fail(status.error());
  }
  return id;
}

Result<CompiledSchema> compile_bundled_schema(std::string_view resource_name,
                                              const SchemaOptions& options) {
  SchemaRegistry registry;
  auto uri = add_bundled_schema(registry, resource_name);
  if (!uri) {
    return fail(uri.error());
  }
  const std::string_view folder = folder_of(resource_name);
  for (const auto& resource : resources::all()) {
    const std::string_view file = file_of(resource.name);
    if (resource.name == resource_name || folder_of(resource.name) != folder ||
        !file.ends_with(".schema.json") || file.starts_with("bom-")) {
      continue;
    }
    if (auto added = add_bundled_schema(registry, resource.name); !added) {
      return fail(added.error());
    }
  }
  return registry.compile(*uri, options);
}

namespace {

// Compiling takes milliseconds; a validator checking many files should not
// repeat it. Failures are not kept: they are cheap and rare.
Result<CompiledSchema> compile_bundled_schema_once(const std::string& resource_name) {
  static std::mutex mutex;
  static std::map<std::string, CompiledSchema, std::less<>> cache;
  const std::lock_guard lock(mutex);
  if (const auto it = cache.find(resource_name); it != cache.end()) {
    return it->second;
  }
  auto compiled = compile_bundled_schema(resource_name);
  if (compiled) {
    cache.emplace(resource_name, *compiled);
  }
  return compiled;
}

} // namespace

std::vector<std::string> cyclonedx_json_schema_versions() {
  return {"1.2", "1.3", "1.4", "1.5", "1.6", "1.7"};
}

Result<CompiledSchema> cyclonedx_json_schema(std::string_view version, bool strict) {
  const auto versions = cyclonedx_json_schema_versions();
  if (std::find(versions.begin(), versions.end(), version) == versions.end()) {
    return fail("no bundled CycloneDX JSON schema for version " + std::string(version));
  }
  if (strict && version != "1.2" && version != "1.3") {
    return fail("CycloneDX " + std::string(version) + " has no strict schema");
  }
  const std::string name =
      "cyclonedx/bom-" + std::string(version) + (strict ? "-strict" : "") + ".SNAPSHOT.schema.json";
  return compile_bundled_schema_once(name);
}

Result<CompiledSchema> spdx_json_schema(std::string_view version) {
  if (version != "2.2" && version != "2.3" && version != "3.0.1") {
    return fail("no SPDX JSON schema for version " + std::string(version));
  }
  return compile_bundled_schema_once("spdx/spdx-" + std::string(version) + ".schema.json");
}

} // namespace kensa::validate
