#include "registry_data.hpp"

#include "subschemas.hpp"
#include "uri.hpp"

#include <utility>
#include <vector>

namespace kensa::validate::schema {

SchemaDialect dialect_of(std::string_view schema_uri, SchemaDialect fallback) {
  if (schema_uri.find("draft-04") != std::string_view::npos) {
    return SchemaDialect::draft4;
  }
  if (schema_uri.find("draft-06") != std::string_view::npos) {
    return SchemaDialect::draft6;
  }
  if (schema_uri.find("draft-07") != std::string_view::npos) {
    return SchemaDialect::draft7;
  }
  if (schema_uri.find("2019-09") != std::string_view::npos) {
    return SchemaDialect::draft2019_09;
  }
  if (schema_uri.find("2020-12") != std::string_view::npos) {
    return SchemaDialect::draft2020_12;
  }
  return fallback;
}

namespace {

// A plain-name fragment ("foo"), as opposed to a JSON Pointer ("/a/b").
bool is_plain_name(std::string_view fragment) {
  return !fragment.empty() && fragment.front() != '/';
}

struct Pending {
  SchemaJson schema;
  std::string base;
  SchemaDialect dialect;
  std::string resource;
  std::string pointer;
};

} // namespace

Status RegistryData::index(const SchemaJson& document, const std::string& uri) {
  std::unordered_map<std::string, SchemaJson> new_resources;
  std::unordered_map<std::string, SchemaJson> new_anchors;
  std::unordered_map<const void*, NodeInfo> new_nodes;
  std::string conflict;

  const auto claim = [&conflict](auto& existing, auto& added, const std::string& key,
                                 const SchemaJson& node) {
    const auto old = existing.find(key);
    if (old != existing.end()) {
      if (conflict.empty()) {
        conflict = key;
      }
      return;
    }
    const auto [it, inserted] = added.emplace(key, node);
    if (!inserted && it->second.address() != node.address() && conflict.empty()) {
      conflict = key;
    }
  };

  const std::string root_uri(strip_fragment(uri));
  claim(resources, new_resources, root_uri, document);

  // An explicit stack: a schema may nest deeper than the call stack allows.
  std::vector<Pending> stack;
  stack.push_back(Pending{document, root_uri, default_dialect, root_uri, ""});
  while (!stack.empty()) {
    Pending current = std::move(stack.back());
    stack.pop_back();
    const SchemaJson& schema = current.schema;
    if (schema.is_object()) {
      const SchemaJson dollar_schema = schema["$schema"];
      if (dollar_schema.is_string()) {
        current.dialect = dialect_of(dollar_schema.string(), current.dialect);
      }
      // In draft-07 and before, "$ref" hides every sibling, "$id" included.
      const bool id_hidden = is_legacy(current.dialect) && schema.contains("$ref");
      const SchemaJson id = schema[id_keyword(current.dialect)];
      if (!id_hidden && id.is_string()) {
        const std::string id_text(id.string());
        const std::string resolved = resolve_uri(current.base, id_text);
        const std::string without_fragment(strip_fragment(resolved));
        const auto fragment = fragment_of(resolved);
        if (!id_text.starts_with("#")) {
          current.base = without_fragment;
          current.resource = without_fragment;
          current.pointer.clear();
          claim(resources, new_resources, without_fragment, schema);
        }
        // Draft-07 names anchors with "$id": "#name"; an "$id" holding a
        // JSON Pointer fragment (older CycloneDX schemas have them) names
        // nothing.
        if (is_legacy(current.dialect) && fragment && is_plain_name(*fragment)) {
          claim(anchors, new_anchors, without_fragment + "#" + std::string(*fragment), schema);
        }
      }
      for (const char* anchor_keyword : {"$anchor", "$dynamicAnchor"}) {
        const SchemaJson anchor = schema[anchor_keyword];
        if (anchor.is_string()) {
          claim(anchors, new_anchors, current.base + "#" + std::string(anchor.string()), schema);
        }
      }
    }
    new_nodes.emplace(schema.address(), NodeInfo{current.base, current.dialect,
                                                 current.resource + "#" + current.pointer});
    for_each_subschema(schema, [&](const SchemaJson& child, const std::string& suffix) {
      stack.push_back(Pending{child, current.base, current.dialect, current.resource,
                              current.pointer + suffix});
    });
  }

  if (!conflict.empty()) {
    return fail("the schema URI " + conflict + " is already registered");
  }
  resources.merge(new_resources);
  anchors.merge(new_anchors);
  nodes.merge(new_nodes);
  return ok_status();
}

} // namespace kensa::validate::schema
