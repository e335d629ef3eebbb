#pragma once

#include <optional>
#include <string>
#include <utility>

namespace kensa {

// The failure half of a Result: a message meant for a human, naming what went
// wrong and, where it helps, where (file, offset, field).
struct Failure {
  std::string message;
};

// Shorthand for `return kensa::fail("...")` from a function returning Result<T>.
inline Failure fail(std::string message) {
  return Failure{std::move(message)};
}

// A value or a Failure. Recoverable operations (parsing one file, one purl,
// one expression) return this instead of throwing, so callers decide whether a
// failure is a warning or fatal. std::expected is C++23 and Debian 12 ships no
// tl::expected, hence this small type.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_value(std::move(value)) {}
  Result(Failure failure) : m_error(std::move(failure.message)) {}

  bool ok() const { return m_value.has_value(); }
  explicit operator bool() const { return ok(); }

  // Precondition for value() and the operators: ok().
  T& value() & { return *m_value; }
  const T& value() const& { return *m_value; }
  T&& value() && { return std::move(*m_value); }
  T& operator*() & { return *m_value; }
  const T& operator*() const& { return *m_value; }
  T* operator->() { return &*m_value; }
  const T* operator->() const { return &*m_value; }

  // Empty when ok().
  const std::string& error() const { return m_error; }

 private:
  std::optional<T> m_value;
  std::string m_error;
};

// Result of an operation that yields nothing but can fail.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() {
  return Ok{};
}

} // namespace kensa
