#pragma once

#include <kensa/validate/validator.hpp>

#include <string>

// Looking up findings in a validation report, for the validator tests.
namespace kensa::testing {

// Whether the report has a finding of `rule` (at `location`, when given).
bool has_rule(const validate::DocumentReport& report, const std::string& rule,
              const std::string& location = {});

} // namespace kensa::testing
