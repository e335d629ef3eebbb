#include "json_value.hpp"

#include <cmath>
#include <functional>
#include <utility>
#include <vector>

namespace kensa::validate::schema {

namespace {

using Json = nlohmann::json;

// Every int64, uint64 and double is exactly representable in x86-64's
// 64-bit-mantissa long double, so comparing there is exact.
long double as_long_double(const Json& number) {
  switch (number.type()) {
  case Json::value_t::number_integer:
    return static_cast<long double>(number.get<std::int64_t>());
  case Json::value_t::number_unsigned:
    return static_cast<long double>(number.get<std::uint64_t>());
  default:
    return static_cast<long double>(number.get<double>());
  }
}

void hash_combine(std::size_t& seed, std::size_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

} // namespace

int compare_numbers(const Json& a, const Json& b) {
  if (a.is_number_integer() && b.is_number_integer()) {
    // Both int64 or uint64: compare without converting.
    const bool a_negative = a.is_number_unsigned() ? false : a.get<std::int64_t>() < 0;
    const bool b_negative = b.is_number_unsigned() ? false : b.get<std::int64_t>() < 0;
    if (a_negative != b_negative) {
      return a_negative ? -1 : 1;
    }
    if (a_negative) {
      const auto x = a.get<std::int64_t>();
      const auto y = b.get<std::int64_t>();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    const auto x = a.get<std::uint64_t>();
    const auto y = b.get<std::uint64_t>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  const long double x = as_long_double(a);
  const long double y = as_long_double(b);
  return x < y ? -1 : (x > y ? 1 : 0);
}

bool is_integral(const Json& number) {
  if (number.is_number_integer()) {
    return true;
  }
  const double value = number.get<double>();
  return std::isfinite(value) && std::floor(value) == value;
}

bool json_equal(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) {
    return compare_numbers(a, b) == 0;
  }
  if (a.type() != b.type()) {
    return false;
  }
  switch (a.type()) {
  case Json::value_t::object: {
    if (a.size() != b.size()) {
      return false;
    }
    // Objects are std::map: same keys come in the same order.
    auto it = b.begin();
    for (auto member = a.begin(); member != a.end(); ++member, ++it) {
      if (member.key() != it.key() || !json_equal(member.value(), it.value())) {
        return false;
      }
    }
    return true;
  }
  case Json::value_t::array: {
    if (a.size() != b.size()) {
      return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!json_equal(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  case Json::value_t::string:
    return a.get_ref<const std::string&>() == b.get_ref<const std::string&>();
  case Json::value_t::boolean:
    return a.get<bool>() == b.get<bool>();
  case Json::value_t::null:
    return true;
  default:
    return a == b;
  }
}

std::size_t json_hash(const Json& value) {
  std::size_t seed =
      static_cast<std::size_t>(value.is_number() ? 7 : static_cast<int>(value.type()));
  switch (value.type()) {
  case Json::value_t::object:
    for (auto member = value.begin(); member != value.end(); ++member) {
      hash_combine(seed, std::hash<std::string>{}(member.key()));
      hash_combine(seed, json_hash(member.value()));
    }
    break;
  case Json::value_t::array:
    for (const auto& item : value) {
      hash_combine(seed, json_hash(item));
    }
    break;
  case Json::value_t::string:
    hash_combine(seed, std::hash<std::string>{}(value.get_ref<const std::string&>()));
    break;
  case Json::value_t::boolean:
    hash_combine(seed, value.get<bool>() ? 1 : 0);
    break;
  case Json::value_t::number_integer:
  case Json::value_t::number_unsigned:
  case Json::value_t::number_float:
    hash_combine(seed, std::hash<long double>{}(as_long_double(value)));
    break;
  default:
    break;
  }
  return seed;
}

std::string_view json_type_name(const Json& value) {
  switch (value.type()) {
  case Json::value_t::null:
    return "null";
  case Json::value_t::boolean:
    return "boolean";
  case Json::value_t::object:
    return "object";
  case Json::value_t::array:
    return "array";
  case Json::value_t::string:
    return "string";
  case Json::value_t::number_integer:
  case Json::value_t::number_unsigned:
    return "integer";
  case Json::value_t::number_float:
    return is_integral(value) ? "integer" : "number";
  default:
    return "value";
  }
}

std::string describe_value(const Json& value) {
  constexpr std::size_t k_max_chars = 60;
  switch (value.type()) {
  case Json::value_t::object:
    return "an object with " + std::to_string(value.size()) + " members";
  case Json::value_t::array:
    return "an array of " + std::to_string(value.size()) + " items";
  case Json::value_t::string: {
    const auto& text = value.get_ref<const std::string&>();
    if (text.size() <= k_max_chars) {
      return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    // Cut at a code point boundary so the message stays valid UTF-8.
    std::size_t cut = k_max_chars;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    return Json(text.substr(0, cut)).dump(-1, ' ', false, Json::error_handler_t::replace) +
           "... (" + std::to_string(text.size()) + " bytes)";
  }
  default:
    return value.dump();
  }
}

std::size_t json_depth(const Json& value, std::size_t limit) {
  if (!value.is_structured()) {
    return 0;
  }
  // Explicit stack of (container, depth) so that hostile nesting cannot
  // exhaust the call stack.
  std::vector<std::pair<const Json*, std::size_t>> pending{{&value, 1}};
  std::size_t deepest = 0;
  while (!pending.empty()) {
    const auto [current, depth] = pending.back();
    pending.pop_back();
    if (depth > limit) {
      return limit + 1;
    }
    deepest = std::max(deepest, depth);
    for (const auto& child : *current) {
      if (child.is_structured()) {
        pending.emplace_back(&child, depth + 1);
      }
    }
  }
  return deepest;
}

} // namespace kensa::validate::schema
