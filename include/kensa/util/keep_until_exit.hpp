#pragma once

#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <vector>

// Big values a command is done with, kept until the process ends instead of
// being destroyed: the system takes a process's memory back in one go when
// it exits, where destroying a 100,000-component document frees its
// strings one by one (a tenth of a second of `kensa diff`, on the one
// thread left at the end). Only for values whose destructors do nothing
// but free memory. They stay reachable, so leak checkers do not count them.
namespace kensa::util {

namespace detail {

struct KeptValue {
  KeptValue() = default;
  KeptValue(const KeptValue&) = delete;
  KeptValue& operator=(const KeptValue&) = delete;
  virtual ~KeptValue() = default;
};

template <typename T>
struct KeptValueOf final : KeptValue {
  explicit KeptValueOf(T&& kept) : value(std::move(kept)) {}
  T value;
};

struct KeptValues {
  std::mutex mutex;
  std::vector<std::unique_ptr<KeptValue>> values;
};

// Never destroyed, not even by exit(): that is the point.
inline KeptValues& kept_values() {
  static auto* const values = new KeptValues();
  return *values;
}

} // namespace detail

// Takes `value` over until the process ends, and returns a reference to it
// there.
template <typename T>
T& keep_until_exit(T&& value) {
  static_assert(!std::is_lvalue_reference_v<T>, "hand the value over with std::move");
  auto kept = std::make_unique<detail::KeptValueOf<T>>(std::move(value));
  T& where = kept->value;
  detail::KeptValues& values = detail::kept_values();
  const std::lock_guard<std::mutex> lock(values.mutex);
  values.values.push_back(std::move(kept));
  return where;
}

} // namespace kensa::util
