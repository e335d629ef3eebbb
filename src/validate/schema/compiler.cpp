#include "compiler.hpp"

#include "json_pointer.hpp"
#include "json_value.hpp"
#include "keywords.hpp"
#include "uri.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kensa::validate::schema {

namespace {

// Schemas are data from outside too; their nesting is capped like a
// document's so that compiling cannot exhaust the stack.
constexpr std::size_t k_max_schema_depth = 2'000;

std::optional<std::size_t> non_negative_integer(const SchemaJson& value) {
  if (!value.is_number() || !is_integral(value)) {
    return std::nullopt;
  }
  if (value.is_number_unsigned()) {
    return static_cast<std::size_t>(value.unsigned_integer());
  }
  if (value.is_number_integer()) {
    const auto number = value.integer();
    return number < 0 ? std::nullopt : std::optional<std::size_t>(static_cast<std::size_t>(number));
  }
  const double number = value.real();
  if (number < 0) {
    return std::nullopt;
  }
  // Bounds beyond what any array or string can reach behave as infinite.
  return number >= 1.8e19 ? static_cast<std::size_t>(-1) : static_cast<std::size_t>(number);
}

// Whether a number is greater than zero.
bool positive(const SchemaJson& number) {
  if (number.is_number_unsigned()) {
    return number.unsigned_integer() > 0;
  }
  return number.is_number_integer() ? number.integer() > 0 : number.real() > 0;
}

class Compiler {
 public:
  Compiler(const RegistryData& registry, const SchemaOptions& options, CompiledTree& tree)
      : m_registry(registry), m_options(options), m_tree(tree) {}

  Status run(std::string_view uri) {
    const SchemaJson root = resolve(uri);
    if (!root.exists()) {
      return fail("cannot resolve schema " + std::string(uri));
    }
    m_tree.root = compile(root, info_for(root, uri), 0);
    while (!m_pending.empty() && m_errors.empty()) {
      RefKeyword* ref = m_pending.back();
      m_pending.pop_back();
      const SchemaJson target = resolve(ref->target_uri());
      if (!target.exists()) {
        m_errors.push_back(ref->location() + ": cannot resolve $ref " + ref->target_uri());
        break;
      }
      ref->set_target(compile(target, info_for(target, ref->target_uri()), 0));
    }
    if (!m_errors.empty()) {
      return fail("invalid schema: " + m_errors.front());
    }
    return ok_status();
  }

 private:
  // The subschema an absolute URI names: a registered resource, a JSON
  // Pointer into one, or an anchor; the absent value when it names nothing.
  SchemaJson resolve(std::string_view uri) const {
    const std::string base(strip_fragment(uri));
    const auto resource = m_registry.resources.find(base);
    if (resource == m_registry.resources.end()) {
      return {};
    }
    const auto fragment = fragment_of(uri);
    if (!fragment || fragment->empty()) {
      return resource->second;
    }
    if (fragment->front() == '/') {
      const auto decoded = percent_decode(*fragment);
      if (!decoded) {
        return {};
      }
      const auto tokens = parse_pointer(*decoded);
      return tokens ? resolve_pointer(resource->second, *tokens) : SchemaJson();
    }
    const auto anchor = m_registry.anchors.find(base + "#" + std::string(*fragment));
    return anchor == m_registry.anchors.end() ? SchemaJson() : anchor->second;
  }

  // Base URI, dialect and location of a subschema reached through `uri`.
  // Subschemas the registry indexed have them recorded; a pointer into a
  // place no keyword declares a schema (allowed, if unusual) gets those of
  // the resource it points into.
  NodeInfo info_for(const SchemaJson& schema, std::string_view uri) const {
    const auto known = m_registry.nodes.find(schema.address());
    if (known != m_registry.nodes.end()) {
      return known->second;
    }
    const std::string base(strip_fragment(uri));
    NodeInfo info;
    info.base_uri = base;
    info.dialect = m_registry.default_dialect;
    const auto resource = m_registry.resources.find(base);
    if (resource != m_registry.resources.end()) {
      const auto resource_info = m_registry.nodes.find(resource->second.address());
      if (resource_info != m_registry.nodes.end()) {
        info.base_uri = resource_info->second.base_uri;
        info.dialect = resource_info->second.dialect;
      }
    }
    const auto fragment = fragment_of(uri);
    info.location = base + "#" + std::string(fragment ? *fragment : std::string_view{});
    return info;
  }

  NodeInfo child_info(const SchemaJson& child, const NodeInfo& parent,
                      const std::string& suffix) const {
    const auto known = m_registry.nodes.find(child.address());
    if (known != m_registry.nodes.end()) {
      return known->second;
    }
    NodeInfo info{parent.base_uri, parent.dialect, parent.location + suffix};
    if (child.is_object()) {
      const SchemaJson dollar_schema = child["$schema"];
      if (dollar_schema.is_string()) {
        info.dialect = dialect_of(dollar_schema.string(), info.dialect);
      }
      const SchemaJson id = child[id_keyword(info.dialect)];
      const bool id_hidden = is_legacy(info.dialect) && child.contains("$ref");
      if (!id_hidden && id.is_string() && !id.string().starts_with("#")) {
        info.base_uri =
            std::string(strip_fragment(resolve_uri(parent.base_uri, std::string(id.string()))));
        info.location = info.base_uri + "#";
      }
    }
    return info;
  }

  void error(const NodeInfo& info, std::string_view keyword, const std::string& message) {
    m_errors.push_back(info.location + "/" + std::string(keyword) + ": " + message);
  }

  const Node* compile(const SchemaJson& schema, const NodeInfo& info, std::size_t depth) {
    const auto done = m_compiled.find(schema.address());
    if (done != m_compiled.end()) {
      return done->second;
    }
    auto owned = std::make_unique<Node>();
    Node* node = owned.get();
    m_tree.nodes.push_back(std::move(owned));
    m_compiled.emplace(schema.address(), node);
    node->location = info.location;
    if (schema.is_boolean()) {
      node->kind = schema.boolean() ? Node::Kind::accept_all : Node::Kind::reject_all;
      return node;
    }
    if (!schema.is_object()) {
      m_errors.push_back(info.location + ": a schema must be an object or a boolean");
      node->kind = Node::Kind::accept_all;
      return node;
    }
    if (depth > k_max_schema_depth) {
      m_errors.push_back(info.location + ": the schema nests too deeply");
      return node;
    }
    Builder builder{*this, schema, info, *node, depth};
    builder.build();
    if (node->any.empty() && node->objects.empty() && node->arrays.empty() &&
        node->strings.empty() && node->numbers.empty() && node->unevaluated.empty()) {
      node->kind = Node::Kind::accept_all;
    }
    return node;
  }

  // Turns one schema object's keywords into Keyword objects.
  struct Builder {
    Compiler& compiler;
    const SchemaJson schema;
    const NodeInfo& info;
    Node& node;
    std::size_t depth;

    std::string location(std::string_view keyword) const {
      std::string out = info.location;
      append_pointer_token(out, keyword);
      return out;
    }

    // The value of `keyword`; absent (false) when the schema has none.
    SchemaJson get(const char* keyword) const { return schema[keyword]; }

    const Node* sub(const SchemaJson& child, const std::string& suffix) {
      return compiler.compile(child, compiler.child_info(child, info, suffix), depth + 1);
    }

    // The subschema under `keyword`, or nullptr when absent; an error when
    // present but not a schema.
    const Node* single(const char* keyword) {
      const SchemaJson value = get(keyword);
      if (!value.exists()) {
        return nullptr;
      }
      if (!value.is_object() && !value.is_boolean()) {
        compiler.error(info, keyword, "must be a schema");
        return nullptr;
      }
      return sub(value, "/" + escape_pointer_token(keyword));
    }

    std::vector<const Node*> list(const char* keyword, const SchemaJson& value) {
      std::vector<const Node*> nodes;
      if (!value.is_array() || value.empty()) {
        compiler.error(info, keyword, "must be a non-empty array of schemas");
        return nodes;
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        nodes.push_back(sub(value[i], "/" + std::string(keyword) + "/" + std::to_string(i)));
      }
      return nodes;
    }

    std::optional<std::size_t> count(const char* keyword) {
      const SchemaJson value = get(keyword);
      if (!value.exists()) {
        return std::nullopt;
      }
      auto number = non_negative_integer(value);
      if (!number) {
        compiler.error(info, keyword, "must be a non-negative integer");
      }
      return number;
    }

    template <typename KeywordType, typename... Args>
    void add(KeywordList& list_to, Args&&... args) {
      list_to.push_back(std::make_unique<KeywordType>(std::forward<Args>(args)...));
    }

    void build() {
      const bool legacy = is_legacy(info.dialect);
      if (const SchemaJson ref = get("$ref"); ref.exists()) {
        add_ref("$ref", ref);
        if (legacy) {
          // Draft-07 and before: "$ref" hides its siblings.
          return;
        }
      }
      for (const char* dynamic : {"$recursiveRef", "$dynamicRef"}) {
        if (const SchemaJson ref = get(dynamic); ref.exists()) {
          // Resolved statically: right unless a dynamic anchor overrides it,
          // which no SBOM schema does.
          add_ref(dynamic, ref);
        }
      }
      build_generic();
      build_applicators();
      build_object();
      build_array(legacy);
      build_string(legacy);
      build_number();
    }

    void add_ref(const char* keyword, const SchemaJson& ref) {
      if (!ref.is_string()) {
        compiler.error(info, keyword, "must be a string");
        return;
      }
      auto keyword_object = std::make_unique<RefKeyword>(
          location(keyword), resolve_uri(info.base_uri, std::string(ref.string())));
      compiler.m_pending.push_back(keyword_object.get());
      node.any.push_back(std::move(keyword_object));
    }

    void build_generic() {
      if (const SchemaJson type = get("type"); type.exists()) {
        std::uint8_t mask = 0;
        const auto add_type = [&](const SchemaJson& name) {
          static constexpr std::pair<std::string_view, std::uint8_t> k_types[] = {
              {"null", k_type_null},     {"boolean", k_type_boolean}, {"object", k_type_object},
              {"array", k_type_array},   {"number", k_type_number},   {"integer", k_type_integer},
              {"string", k_type_string},
          };
          if (name.is_string()) {
            for (const auto& [type_name, bit] : k_types) {
              if (name.string() == type_name) {
                mask |= bit;
                return;
              }
            }
          }
          compiler.error(info, "type", "unknown type " + describe_value(name));
        };
        if (type.is_array()) {
          for (const SchemaJson name : type) {
            add_type(name);
          }
        } else {
          add_type(type);
        }
        add<TypeKeyword>(node.any, location("type"), mask);
      }
      if (const SchemaJson value = get("const"); value.exists()) {
        add<ConstKeyword>(node.any, location("const"), value);
      }
      if (const SchemaJson values = get("enum"); values.exists()) {
        if (!values.is_array()) {
          compiler.error(info, "enum", "must be an array");
        } else {
          add<EnumKeyword>(node.any, location("enum"), values);
        }
      }
    }

    void build_applicators() {
      if (const SchemaJson value = get("allOf"); value.exists()) {
        add<AllOfKeyword>(node.any, location("allOf"), list("allOf", value));
      }
      if (const SchemaJson value = get("anyOf"); value.exists()) {
        add<AlternativesKeyword>(node.any, location("anyOf"), list("anyOf", value), false);
      }
      if (const SchemaJson value = get("oneOf"); value.exists()) {
        add<AlternativesKeyword>(node.any, location("oneOf"), list("oneOf", value), true);
      }
      if (const Node* negated = single("not")) {
        add<NotKeyword>(node.any, location("not"), negated);
      }
      if (const Node* condition = single("if")) {
        const Node* then_branch = single("then");
        const Node* else_branch = single("else");
        if (then_branch != nullptr || else_branch != nullptr) {
          add<IfKeyword>(node.any, location("if"), condition, then_branch, else_branch);
        } else {
          // Alone, "if" only gathers annotations.
          add<IfKeyword>(node.any, location("if"), condition, nullptr, nullptr);
        }
      }
    }

    void build_object() {
      if (const SchemaJson value = get("required"); value.exists()) {
        std::vector<std::string> names;
        if (!value.is_array()) {
          compiler.error(info, "required", "must be an array of strings");
        } else {
          for (const SchemaJson name : value) {
            if (name.is_string()) {
              names.emplace_back(name.string());
            } else {
              compiler.error(info, "required", "must be an array of strings");
            }
          }
        }
        if (!names.empty()) {
          add<RequiredKeyword>(node.objects, location("required"), std::move(names));
        }
      }
      if (const auto bound = count("minProperties")) {
        add<PropertyCountKeyword>(node.objects, location("minProperties"), *bound, true);
      }
      if (const auto bound = count("maxProperties")) {
        add<PropertyCountKeyword>(node.objects, location("maxProperties"), *bound, false);
      }
      build_properties();
      if (const Node* names = single("propertyNames")) {
        add<PropertyNamesKeyword>(node.objects, location("propertyNames"), names);
      }
      build_dependencies();
      if (const Node* unevaluated = single("unevaluatedProperties")) {
        add<UnevaluatedPropertiesKeyword>(node.unevaluated, location("unevaluatedProperties"),
                                          unevaluated);
      }
    }

    void build_properties() {
      const SchemaJson properties = get("properties");
      const SchemaJson patterns = get("patternProperties");
      const Node* additional = single("additionalProperties");
      if (!properties.exists() && !patterns.exists() && additional == nullptr) {
        return;
      }
      std::vector<std::pair<std::string, const Node*>> named;
      if (properties.exists()) {
        if (!properties.is_object()) {
          compiler.error(info, "properties", "must be an object");
        } else {
          for (const auto& member : schema_members(properties)) {
            named.emplace_back(
                member.first,
                sub(member.second, "/properties/" + escape_pointer_token(member.first)));
          }
        }
      }
      std::vector<PatternSchema> pattern_schemas;
      if (patterns.exists()) {
        if (!patterns.is_object()) {
          compiler.error(info, "patternProperties", "must be an object");
        } else {
          for (const auto& member : schema_members(patterns)) {
            const std::string pattern(member.first);
            const std::string suffix = "/patternProperties/" + escape_pointer_token(pattern);
            PatternSchema entry{EcmaRegex::compile(pattern), pattern, info.location + suffix,
                                sub(member.second, suffix)};
            compiler.warn_pattern(entry.regex, entry.source, entry.location);
            pattern_schemas.push_back(std::move(entry));
          }
        }
      }
      const char* anchor = properties.exists() ? "properties"
                           : patterns.exists() ? "patternProperties"
                                               : "additionalProperties";
      add<PropertiesKeyword>(node.objects, location(anchor), std::move(named),
                             std::move(pattern_schemas), additional,
                             location("additionalProperties"));
    }

    void build_dependencies() {
      const auto collect = [&](const char* keyword, bool allow_arrays, bool allow_schemas) {
        const SchemaJson value = get(keyword);
        if (!value.exists()) {
          return;
        }
        if (!value.is_object()) {
          compiler.error(info, keyword, "must be an object");
          return;
        }
        std::vector<std::pair<std::string, std::vector<std::string>>> required;
        std::vector<std::pair<std::string, const Node*>> schemas;
        for (const auto& member : schema_members(value)) {
          const std::string name(member.first);
          const SchemaJson entry = member.second;
          if (allow_arrays && entry.is_array()) {
            std::vector<std::string> names;
            for (const SchemaJson item : entry) {
              if (item.is_string()) {
                names.emplace_back(item.string());
              } else {
                compiler.error(info, keyword, "lists must hold strings");
              }
            }
            required.emplace_back(name, std::move(names));
          } else if (allow_schemas && (entry.is_object() || entry.is_boolean())) {
            schemas.emplace_back(
                name, sub(entry, "/" + std::string(keyword) + "/" + escape_pointer_token(name)));
          } else {
            compiler.error(info, keyword, "has a malformed entry " + describe_string(name));
          }
        }
        add<DependenciesKeyword>(node.objects, location(keyword), std::move(required),
                                 std::move(schemas));
      };
      collect("dependencies", true, true);
      collect("dependentRequired", true, false);
      collect("dependentSchemas", false, true);
    }

    void build_array(bool legacy) {
      std::vector<const Node*> prefix;
      const Node* rest = nullptr;
      bool has_items = false;
      const SchemaJson items = get("items");
      if (info.dialect == SchemaDialect::draft2020_12) {
        if (const SchemaJson prefix_items = get("prefixItems"); prefix_items.exists()) {
          prefix = list("prefixItems", prefix_items);
          has_items = true;
        }
        if (items.exists()) {
          rest = single("items");
          has_items = true;
        }
      } else if (items.exists()) {
        has_items = true;
        if (items.is_array()) {
          for (std::size_t i = 0; i < items.size(); ++i) {
            prefix.push_back(sub(items[i], "/items/" + std::to_string(i)));
          }
          rest = single("additionalItems");
        } else {
          rest = single("items");
        }
      }
      if (has_items) {
        add<ItemsKeyword>(node.arrays, location(items.exists() ? "items" : "prefixItems"),
                          std::move(prefix), rest);
      }
      if (const Node* contains = single("contains")) {
        std::size_t minimum = 1;
        std::optional<std::size_t> maximum;
        if (!legacy) {
          if (const auto value = count("minContains")) {
            minimum = *value;
          }
          maximum = count("maxContains");
        }
        add<ContainsKeyword>(node.arrays, location("contains"), contains, minimum, maximum,
                             info.dialect == SchemaDialect::draft2020_12);
      }
      if (const auto bound = count("minItems")) {
        add<ItemCountKeyword>(node.arrays, location("minItems"), *bound, true);
      }
      if (const auto bound = count("maxItems")) {
        add<ItemCountKeyword>(node.arrays, location("maxItems"), *bound, false);
      }
      if (const SchemaJson unique = get("uniqueItems"); unique.exists()) {
        if (!unique.is_boolean()) {
          compiler.error(info, "uniqueItems", "must be a boolean");
        } else if (unique.boolean()) {
          add<UniqueItemsKeyword>(node.arrays, location("uniqueItems"));
        }
      }
      if (const Node* unevaluated = single("unevaluatedItems")) {
        add<UnevaluatedItemsKeyword>(node.unevaluated, location("unevaluatedItems"), unevaluated);
      }
    }

    void build_string(bool legacy) {
      if (const auto bound = count("minLength")) {
        add<LengthKeyword>(node.strings, location("minLength"), *bound, true);
      }
      if (const auto bound = count("maxLength")) {
        add<LengthKeyword>(node.strings, location("maxLength"), *bound, false);
      }
      if (const SchemaJson pattern = get("pattern"); pattern.exists()) {
        if (!pattern.is_string()) {
          compiler.error(info, "pattern", "must be a string");
        } else {
          const std::string source(pattern.string());
          auto regex = EcmaRegex::compile(source);
          compiler.warn_pattern(regex, source, location("pattern"));
          add<PatternKeyword>(node.strings, location("pattern"), source, std::move(regex));
        }
      }
      if (const SchemaJson format = get("format"); format.exists()) {
        if (format.is_string() && compiler.m_options.check_formats) {
          const std::string name(format.string());
          if (const FormatCheck check = find_format(name)) {
            add<FormatKeyword>(node.strings, location("format"), name, check);
          }
        }
      }
      if (legacy) {
        // Draft-07 lets a validator check content; 2019-09 made it an
        // annotation only.
        const SchemaJson encoding = get("contentEncoding");
        const SchemaJson media_type = get("contentMediaType");
        const bool base64 = encoding.is_string() && encoding.string() == "base64";
        const bool json = media_type.is_string() && media_type.string() == "application/json";
        if (base64 || json) {
          add<ContentKeyword>(node.strings,
                              location(base64 ? "contentEncoding" : "contentMediaType"), base64,
                              json);
        }
      }
    }

    void build_number() {
      const auto bound = [&](const char* keyword, BoundKeyword::Kind kind) {
        const SchemaJson value = get(keyword);
        if (!value.exists()) {
          return;
        }
        if (value.is_boolean()) {
          // Draft-04: a boolean turns minimum/maximum exclusive; handled there.
          return;
        }
        if (!value.is_number()) {
          compiler.error(info, keyword, "must be a number");
          return;
        }
        add<BoundKeyword>(node.numbers, location(keyword), kind, value);
      };
      const auto exclusive_flag = [&](const char* keyword) { return get(keyword).boolean(); };
      bound("minimum", exclusive_flag("exclusiveMinimum") ? BoundKeyword::Kind::exclusive_minimum
                                                          : BoundKeyword::Kind::minimum);
      bound("maximum", exclusive_flag("exclusiveMaximum") ? BoundKeyword::Kind::exclusive_maximum
                                                          : BoundKeyword::Kind::maximum);
      bound("exclusiveMinimum", BoundKeyword::Kind::exclusive_minimum);
      bound("exclusiveMaximum", BoundKeyword::Kind::exclusive_maximum);
      if (const SchemaJson divisor = get("multipleOf"); divisor.exists()) {
        if (!divisor.is_number() || !positive(divisor)) {
          compiler.error(info, "multipleOf", "must be a number greater than 0");
        } else {
          add<MultipleOfKeyword>(node.numbers, location("multipleOf"), divisor);
        }
      }
    }
  };

  void warn_pattern(const EcmaRegex& regex, const std::string& source, const std::string& where) {
    if (regex.status() == EcmaRegex::Status::ok) {
      return;
    }
    SchemaFinding finding;
    finding.kind = SchemaFindingKind::unsupported;
    finding.keyword_location = where;
    finding.message =
        "pattern " + describe_string(source) +
        (regex.status() == EcmaRegex::Status::invalid ? " is not a valid regular expression: "
                                                      : " cannot be checked: ") +
        regex.problem();
    m_tree.warnings.push_back(std::move(finding));
  }

  const RegistryData& m_registry;
  const SchemaOptions& m_options;
  CompiledTree& m_tree;
  // Compiled subschemas, by the address of their node (Value::address()).
  std::unordered_map<const void*, const Node*> m_compiled;
  std::vector<RefKeyword*> m_pending;
  std::vector<std::string> m_errors;
};

} // namespace

Status compile_schema(const RegistryData& registry, std::string_view uri,
                      const SchemaOptions& options, CompiledTree& tree) {
  tree.check_formats = options.check_formats;
  // The keywords keep values of these documents.
  tree.documents = registry.documents;
  return Compiler(registry, options, tree).run(uri);
}

} // namespace kensa::validate::schema
