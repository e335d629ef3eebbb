#include "evaluation.hpp"
#include "json_value.hpp"
#include "keywords.hpp"

#include <cmath>
#include <utility>

namespace kensa::validate::schema {

BoundKeyword::BoundKeyword(std::string location, Kind kind, const SchemaJson& bound)
    : Keyword(std::move(location)), m_kind(kind), m_bound(bound) {}

bool BoundKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  const int order = compare_numbers(instance, m_bound);
  bool valid = false;
  const char* expectation = "";
  switch (m_kind) {
  case Kind::minimum:
    valid = order >= 0;
    expectation = "at least ";
    break;
  case Kind::maximum:
    valid = order <= 0;
    expectation = "at most ";
    break;
  case Kind::exclusive_minimum:
    valid = order > 0;
    expectation = "greater than ";
    break;
  case Kind::exclusive_maximum:
    valid = order < 0;
    expectation = "less than ";
    break;
  }
  if (!valid) {
    evaluation.report(*this, instance.dump() + " is not " + expectation + m_bound.dump());
  }
  return valid;
}

MultipleOfKeyword::MultipleOfKeyword(std::string location, const SchemaJson& divisor)
    : Keyword(std::move(location)), m_divisor(divisor) {}

bool MultipleOfKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  bool valid = false;
  if (instance.is_number_integer() && m_divisor.is_number_integer()) {
    // Exact for integers; the divisor is positive (checked when compiling).
    const auto divisor = m_divisor.unsigned_integer();
    if (instance.is_number_unsigned()) {
      valid = instance.unsigned_integer() % divisor == 0;
    } else {
      const auto value = instance.integer();
      const std::uint64_t magnitude = value < 0 ? static_cast<std::uint64_t>(-(value + 1)) + 1
                                                : static_cast<std::uint64_t>(value);
      valid = magnitude % divisor == 0;
    }
  } else {
    const long double value = instance.real();
    const long double divisor = m_divisor.real();
    const long double quotient = value / divisor;
    if (std::isfinite(quotient)) {
      // Decimal divisors like 0.01 have no exact binary form, so allow for
      // the rounding of the division.
      const long double nearest = std::round(quotient);
      valid = std::fabs(quotient - nearest) <= 1e-9L * std::fmax(1.0L, std::fabs(nearest));
    }
  }
  if (!valid) {
    evaluation.report(*this, instance.dump() + " is not a multiple of " + m_divisor.dump());
  }
  return valid;
}

} // namespace kensa::validate::schema
