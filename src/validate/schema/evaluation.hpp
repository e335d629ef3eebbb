#pragma once

#include "node.hpp"

#include <kensa/validate/json_schema.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

// The state of one validate() call: where in the instance the walk is,
// whether findings are being collected (not inside an anyOf branch that is
// only being tried), and the caps.
namespace kensa::validate::schema {

// One step of the instance location, linked through the call stack so that a
// JSON Pointer is only built when a finding needs it.
struct PathStep {
  const PathStep* parent = nullptr;
  bool is_member = false;
  std::string_view name; // for a member
  std::size_t index = 0; // for an item
};

// Room the stack guard leaves unused below it, for the frames of the
// keyword that notices the limit, libraries and sanitizers.
inline constexpr std::size_t k_stack_reserve = 256 * 1024;

// The lowest stack address the calling thread may use, leaving
// k_stack_reserve; nullptr when unknown.
const char* current_stack_limit();

// Arrays with at least this many items have their second half checked on
// another thread (SchemaLimits::split_big_arrays).
inline constexpr std::size_t k_split_items = 4096;

class Evaluation {
 public:
  Evaluation(const CompiledTree& tree, const SchemaLimits& limits, SchemaValidation& result,
             const char* stack_limit);

  // Validates `instance`, found at the current location, against `node`.
  bool evaluate(const Node& node, const Json& instance, Annotations* annotations);
  // Validates a member or item of the instance at the current location.
  bool evaluate_member(const Node& node, const Json& value, std::string_view name);
  bool evaluate_item(const Node& node, const Json& value, std::size_t index);
  // Like evaluate(), but reports nothing: for trying anyOf/oneOf branches,
  // `not` and `if`.
  bool test(const Node& node, const Json& instance, Annotations* annotations);

  // Whether failures should be reported (false while only testing).
  bool collecting() const { return m_collecting && !m_stopped; }
  // True once validation must end (findings cap or a limit reached).
  bool stopped() const { return m_stopped; }
  bool check_formats() const { return m_tree.check_formats; }

  // Records an `invalid` finding at the current location.
  void report(const Keyword& keyword, std::string message);
  // Same, at a member of the current location, for the keyword at
  // `keyword_location`.
  void report_member(const std::string& keyword_location, std::string_view name,
                     std::string message);
  // Records an `unsupported` finding, once per `what` (e.g. a pattern) and
  // validation, even while only testing: the user must learn what was not
  // checked.
  void report_unsupported(const void* what, const std::string& keyword_location,
                          std::string message);
  // Records a `limit` finding and stops the validation.
  void report_limit(std::string location, std::string message);

  // Validates `instance` against `node` collecting findings, and returns
  // them instead of keeping them: for explaining why no anyOf/oneOf branch
  // matched.
  std::vector<SchemaFinding> capture(const Node& node, const Json& instance);
  // Adds findings captured earlier.
  void append(std::vector<SchemaFinding> findings);

  // Runs `body` with findings switched off and returns what it returns.
  template <typename Body>
  bool quietly(Body&& body) {
    const bool saved = m_collecting;
    m_collecting = false;
    const bool result = body();
    m_collecting = saved;
    return result;
  }

  // The JSON Pointer of the current location.
  std::string pointer() const;

  // Whether the items of a big array may be split with a second thread:
  // once per validation, only while collecting findings (not while trying
  // anyOf branches) and when the caller allowed it (a shallow document on
  // an ordinary stack).
  bool may_split() const { return m_may_split && collecting(); }
  void allow_split(bool allowed) { m_may_split = allowed; }

  // An evaluation for another thread, at the same location, that reports
  // into `result`; it never splits again. Made on this thread (the
  // location changes as soon as this thread goes on); the other thread
  // then sets its own stack limit.
  Evaluation fork(SchemaValidation& result) const;
  void set_stack_limit(const char* stack_limit) { m_stack_limit = stack_limit; }
  // Takes in what a fork found, after this evaluation's own findings, as a
  // sequential run would have reported them.
  void join(Evaluation& fork, SchemaValidation& result);

 private:
  bool run(const Node& node, const Json& instance, Annotations* annotations);
  void add(SchemaFindingKind kind, std::string instance_location, std::string keyword_location,
           std::string message);

  const CompiledTree& m_tree;
  const SchemaLimits& m_limits;
  SchemaValidation& m_result;
  const char* m_stack_limit;
  const PathStep* m_path = nullptr;
  bool m_collecting = true;
  bool m_stopped = false;
  bool m_limit_reached = false;
  bool m_may_split = false;
  std::unordered_set<const void*> m_unsupported_reported;
};

} // namespace kensa::validate::schema
