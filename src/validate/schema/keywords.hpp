#pragma once

#include "ecma_regex.hpp"
#include "node.hpp"

#include <kensa/validate/json_schema_formats.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

// The keyword checks a compiled Node is made of, one class per keyword (or
// per group of keywords that must run together). keywords_*.cpp implement
// them by instance type.
namespace kensa::validate::schema {

// ---- any instance type (keywords_generic.cpp) ----

// Bits of the JSON Schema types.
enum TypeBit : std::uint8_t {
  k_type_null = 1,
  k_type_boolean = 2,
  k_type_object = 4,
  k_type_array = 8,
  k_type_number = 16,
  k_type_integer = 32,
  k_type_string = 64,
};

class TypeKeyword final : public Keyword {
 public:
  TypeKeyword(std::string location, std::uint8_t allowed);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  std::uint8_t m_allowed;
};

class EnumKeyword final : public Keyword {
 public:
  EnumKeyword(std::string location, const SchemaJson& values);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  // A value of a schema document the compiled tree keeps.
  SchemaJson m_values;
  // Enums of SPDX license ids are long; strings are looked up by hash.
  std::unordered_set<std::string_view> m_strings;
  bool m_has_non_strings = false;
};

class ConstKeyword final : public Keyword {
 public:
  ConstKeyword(std::string location, const SchemaJson& value);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  // A value of a schema document the compiled tree keeps.
  SchemaJson m_value;
};

// $ref (and $recursiveRef / $dynamicRef, resolved statically). The target is
// set once every node is compiled, since references may form cycles.
class RefKeyword final : public Keyword {
 public:
  RefKeyword(std::string location, std::string target_uri);
  bool evaluate(const Json& instance, Evaluation& evaluation,
                Annotations* annotations) const override;
  const std::string& target_uri() const { return m_target_uri; }
  void set_target(const Node* target) { m_target = target; }

 private:
  std::string m_target_uri;
  const Node* m_target = nullptr;
};

class AllOfKeyword final : public Keyword {
 public:
  AllOfKeyword(std::string location, std::vector<const Node*> branches);
  bool evaluate(const Json& instance, Evaluation& evaluation,
                Annotations* annotations) const override;

 private:
  std::vector<const Node*> m_branches;
};

// anyOf and oneOf.
class AlternativesKeyword final : public Keyword {
 public:
  AlternativesKeyword(std::string location, std::vector<const Node*> branches, bool exactly_one);
  bool evaluate(const Json& instance, Evaluation& evaluation,
                Annotations* annotations) const override;

 private:
  void explain_no_match(const Json& instance, Evaluation& evaluation) const;

  std::vector<const Node*> m_branches;
  bool m_exactly_one;
};

class NotKeyword final : public Keyword {
 public:
  NotKeyword(std::string location, const Node* negated);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  const Node* m_negated;
};

// if / then / else. Either branch may be absent.
class IfKeyword final : public Keyword {
 public:
  IfKeyword(std::string location, const Node* condition, const Node* then_branch,
            const Node* else_branch);
  bool evaluate(const Json& instance, Evaluation& evaluation,
                Annotations* annotations) const override;

 private:
  const Node* m_condition;
  const Node* m_then;
  const Node* m_else;
};

// ---- objects (keywords_object.cpp) ----

class RequiredKeyword final : public Keyword {
 public:
  RequiredKeyword(std::string location, std::vector<std::string> names);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  std::vector<std::string> m_names;
};

// minProperties or maxProperties.
class PropertyCountKeyword final : public Keyword {
 public:
  PropertyCountKeyword(std::string location, std::size_t bound, bool is_minimum);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  std::size_t m_bound;
  bool m_is_minimum;
};

struct PatternSchema {
  EcmaRegex regex;
  std::string source;
  std::string location;
  const Node* schema;
};

// properties, patternProperties and additionalProperties, in one pass over
// the members, since additionalProperties depends on the other two.
class PropertiesKeyword final : public Keyword {
 public:
  PropertiesKeyword(std::string location, std::vector<std::pair<std::string, const Node*>> named,
                    std::vector<PatternSchema> patterns, const Node* additional,
                    std::string additional_location);
  bool evaluate(const Json& instance, Evaluation& evaluation,
                Annotations* annotations) const override;

 private:
  const Node* find_named(std::string_view name) const;

  // Sorted by name.
  std::vector<std::pair<std::string, const Node*>> m_named;
  std::vector<PatternSchema> m_patterns;
  const Node* m_additional;
  std::string m_additional_location;
};

class PropertyNamesKeyword final : public Keyword {
 public:
  PropertyNamesKeyword(std::string location, const Node* names);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  const Node* m_names;
};

// dependencies (draft-07), dependentRequired and dependentSchemas: when a
// member is present, other members are required or a schema applies.
class DependenciesKeyword final : public Keyword {
 public:
  DependenciesKeyword(std::string location,
                      std::vector<std::pair<std::string, std::vector<std::string>>> required,
                      std::vector<std::pair<std::string, const Node*>> schemas);
  bool evaluate(const Json& instance, Evaluation& evaluation,
                Annotations* annotations) const override;

 private:
  std::vector<std::pair<std::string, std::vector<std::string>>> m_required;
  std::vector<std::pair<std::string, const Node*>> m_schemas;
};

class UnevaluatedPropertiesKeyword final : public Keyword {
 public:
  UnevaluatedPropertiesKeyword(std::string location, const Node* schema);
  bool evaluate(const Json& instance, Evaluation& evaluation,
                Annotations* annotations) const override;

 private:
  const Node* m_schema;
};

// ---- arrays (keywords_array.cpp) ----

// items / additionalItems (draft-07) and prefixItems / items (2020-12): the
// first items each against their own schema, the rest against one.
class ItemsKeyword final : public Keyword {
 public:
  ItemsKeyword(std::string location, std::vector<const Node*> prefix, const Node* rest);
  bool evaluate(const Json& instance, Evaluation& evaluation,
                Annotations* annotations) const override;

 private:
  std::vector<const Node*> m_prefix;
  const Node* m_rest;
};

// contains with minContains / maxContains.
class ContainsKeyword final : public Keyword {
 public:
  ContainsKeyword(std::string location, const Node* schema, std::size_t minimum,
                  std::optional<std::size_t> maximum, bool annotates);
  bool evaluate(const Json& instance, Evaluation& evaluation,
                Annotations* annotations) const override;

 private:
  const Node* m_schema;
  std::size_t m_minimum;
  std::optional<std::size_t> m_maximum;
  bool m_annotates;
};

// minItems or maxItems.
class ItemCountKeyword final : public Keyword {
 public:
  ItemCountKeyword(std::string location, std::size_t bound, bool is_minimum);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  std::size_t m_bound;
  bool m_is_minimum;
};

class UniqueItemsKeyword final : public Keyword {
 public:
  explicit UniqueItemsKeyword(std::string location);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;
};

class UnevaluatedItemsKeyword final : public Keyword {
 public:
  UnevaluatedItemsKeyword(std::string location, const Node* schema);
  bool evaluate(const Json& instance, Evaluation& evaluation,
                Annotations* annotations) const override;

 private:
  const Node* m_schema;
};

// ---- strings (keywords_string.cpp) ----

// minLength or maxLength, in code points.
class LengthKeyword final : public Keyword {
 public:
  LengthKeyword(std::string location, std::size_t bound, bool is_minimum);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  std::size_t m_bound;
  bool m_is_minimum;
};

class PatternKeyword final : public Keyword {
 public:
  PatternKeyword(std::string location, std::string source, EcmaRegex regex);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  std::string m_source;
  EcmaRegex m_regex;
};

class FormatKeyword final : public Keyword {
 public:
  FormatKeyword(std::string location, std::string name, FormatCheck check);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  std::string m_name;
  FormatCheck m_check;
};

// contentEncoding (base64) and contentMediaType (application/json): the
// string must decode, and the decoded text must parse.
class ContentKeyword final : public Keyword {
 public:
  ContentKeyword(std::string location, bool base64, bool json);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  bool m_base64;
  bool m_json;
};

// ---- numbers (keywords_number.cpp) ----

class BoundKeyword final : public Keyword {
 public:
  enum class Kind { minimum, maximum, exclusive_minimum, exclusive_maximum };
  BoundKeyword(std::string location, Kind kind, const SchemaJson& bound);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  Kind m_kind;
  // A value of a schema document the compiled tree keeps.
  SchemaJson m_bound;
};

class MultipleOfKeyword final : public Keyword {
 public:
  MultipleOfKeyword(std::string location, const SchemaJson& divisor);
  bool evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const override;

 private:
  // A value of a schema document the compiled tree keeps.
  SchemaJson m_divisor;
};

} // namespace kensa::validate::schema
