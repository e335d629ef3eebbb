#pragma once

#include <kensa/util/json_document.hpp>
#include <kensa/validate/json_schema.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// The compiled form of a schema: a tree (a graph, through `$ref`) of Nodes,
// each a list of Keyword checks sorted by the instance type they apply to.
namespace kensa::validate::schema {

// Instances and schemas are both read into kensa's flat document: one
// instance type. Compiled keywords keep the schema values they compare
// with (const, enum, bounds) as values of the schema documents, which the
// compiled tree keeps alive.
using Json = kensa::json::Value;
using SchemaJson = kensa::json::Value;

class Evaluation;

// Which members and items of the instance at the current location some
// keyword has looked at: what unevaluatedProperties and unevaluatedItems
// need. Only gathered when such a keyword asks (the pointer is null
// otherwise), so schemas without them pay nothing.
struct Annotations {
  bool all_properties = false;
  // Member names, pointing into the instance.
  std::vector<std::string_view> properties;
  bool all_items = false;
  // Items [0, item_prefix) were evaluated by items or prefixItems.
  std::size_t item_prefix = 0;
  // Items matched by contains (2020-12).
  std::vector<std::size_t> items;

  void merge(const Annotations& other);
  void add_property(std::string_view name) { properties.push_back(name); }
};

// One keyword of one schema, e.g. "minLength": 3.
class Keyword {
 public:
  explicit Keyword(std::string location) : m_location(std::move(location)) {}
  virtual ~Keyword() = default;
  Keyword(const Keyword&) = delete;
  Keyword& operator=(const Keyword&) = delete;

  // Checks `instance` (at the evaluation's current location). Reports what
  // fails through `evaluation` when it collects findings, and records what
  // it evaluated in `annotations` when that is not null.
  virtual bool evaluate(const Json& instance, Evaluation& evaluation,
                        Annotations* annotations) const = 0;

  // "<schema URI>#<pointer to this keyword>".
  const std::string& location() const { return m_location; }

 private:
  std::string m_location;
};

using KeywordList = std::vector<std::unique_ptr<Keyword>>;

struct Node {
  enum class Kind {
    checks,     // a schema object
    accept_all, // true, {}
    reject_all, // false
  };

  Kind kind = Kind::checks;
  // "<schema URI>#<pointer>".
  std::string location;
  // Keywords for any instance type, then per type. Applicators come after
  // the cheap assertions so that a failing branch is rejected early.
  KeywordList any;
  KeywordList objects;
  KeywordList arrays;
  KeywordList strings;
  KeywordList numbers;
  // unevaluatedProperties / unevaluatedItems: they must run after every
  // other keyword of the node has recorded its annotations.
  KeywordList unevaluated;
};

// Everything one compile() produced. Nodes refer to each other by raw
// pointer; the tree owns them all.
struct CompiledTree {
  std::vector<std::unique_ptr<Node>> nodes;
  // The schema documents the keywords' values point into.
  std::vector<std::shared_ptr<const kensa::json::Document>> documents;
  const Node* root = nullptr;
  std::string uri;
  bool check_formats = true;
  std::vector<SchemaFinding> warnings;
};

} // namespace kensa::validate::schema
