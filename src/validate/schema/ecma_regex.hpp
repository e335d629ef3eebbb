#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

// JSON Schema patterns are ECMA-262 regular expressions; kensa matches them
// with RE2, whose linear-time matching keeps hostile patterns and long strings
// from hanging the validator. This translates what differs (character class
// escapes, '.', \u escapes, named groups) and rejects what RE2 cannot do
// (backreferences, lookbehind, lookahead other than at the very start).
namespace kensa::validate::schema {

class EcmaRegex {
 public:
  enum class Status {
    ok,
    unsupported, // valid ECMA-262, but RE2 cannot match it
    invalid,     // not a valid ECMA-262 pattern
  };

  // Translates and compiles once; check status() before matching.
  static EcmaRegex compile(std::string_view pattern);

  Status status() const { return m_status; }
  // Why the pattern is unsupported or invalid; empty when ok.
  const std::string& problem() const { return m_problem; }

  // Whether the pattern matches somewhere in `text` (JSON Schema patterns
  // are not anchored). Precondition: status() == ok.
  bool search(std::string_view text) const;

 private:
  // A leading lookahead, "^(?=A)B" or "^(?!A)B", is matched as a separate
  // anchored expression "^A" that must (or must not) match.
  struct Condition {
    std::shared_ptr<const re2::RE2> regex;
    bool must_match = true;
  };

  Status m_status = Status::invalid;
  std::string m_problem;
  std::shared_ptr<const re2::RE2> m_main;
  std::vector<Condition> m_conditions;
};

// The RE2 syntax for an ECMA-262 pattern (without the leading-lookahead
// split), or the problem found: `status` is set to unsupported or invalid.
// Exposed for tests.
std::string translate_ecma_regex(std::string_view pattern, EcmaRegex::Status& status,
                                 std::string& problem);

} // namespace kensa::validate::schema
