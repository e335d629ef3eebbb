#include "json_value.hpp"

#include <kensa/util/json_builder.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>
#include <vector>

namespace kensa::validate::schema {

namespace {

using kensa::json::Type;

// Every int64, uint64 and double is exactly representable in x86-64's
// 64-bit-mantissa long double, so comparing there is exact.
long double as_long_double(const Json& number) {
  switch (number.type()) {
  case Type::integer:
    return static_cast<long double>(number.integer());
  case Type::unsigned_integer:
    return static_cast<long double>(number.unsigned_integer());
  default:
    return static_cast<long double>(number.real());
  }
}

void hash_combine(std::size_t& seed, std::size_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

} // namespace

int compare_numbers(const Json& a, const Json& b) {
  if (a.is_number_integer() && b.is_number_integer()) {
    // Both int64 or uint64: compare without converting.
    const bool a_negative = a.is_number_unsigned() ? false : a.integer() < 0;
    const bool b_negative = b.is_number_unsigned() ? false : b.integer() < 0;
    if (a_negative != b_negative) {
      return a_negative ? -1 : 1;
    }
    if (a_negative) {
      const auto x = a.integer();
      const auto y = b.integer();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    const auto x = a.unsigned_integer();
    const auto y = b.unsigned_integer();
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
  const double value = number.real();
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
  case Type::object: {
    if (a.size() != b.size()) {
      return false;
    }
    // Members may come in any order.
    for (auto member = a.begin(); member != a.end(); ++member) {
      const Json other = b[member.key()];
      if (!other.exists() || !json_equal(member.value(), other)) {
        return false;
      }
    }
    return true;
  }
  case Type::array: {
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
  case Type::string:
    return a.string() == b.string();
  case Type::boolean:
    return a.boolean() == b.boolean();
  default:
    return true; // null
  }
}

std::size_t json_hash(const Json& value) {
  std::size_t seed =
      static_cast<std::size_t>(value.is_number() ? 7 : static_cast<int>(value.type()));
  switch (value.type()) {
  case Type::object: {
    // Summed, so that member order does not matter (as in json_equal).
    std::size_t members = 0;
    for (auto member = value.begin(); member != value.end(); ++member) {
      std::size_t pair = std::hash<std::string_view>{}(member.key());
      hash_combine(pair, json_hash(member.value()));
      members += pair;
    }
    hash_combine(seed, members);
    break;
  }
  case Type::array:
    for (const Json item : value) {
      hash_combine(seed, json_hash(item));
    }
    break;
  case Type::string:
    hash_combine(seed, std::hash<std::string_view>{}(value.string()));
    break;
  case Type::boolean:
    hash_combine(seed, value.boolean() ? 1 : 0);
    break;
  case Type::integer:
  case Type::unsigned_integer:
  case Type::real:
    hash_combine(seed, std::hash<long double>{}(as_long_double(value)));
    break;
  default:
    break;
  }
  return seed;
}

std::string_view json_type_name(const Json& value) {
  switch (value.type()) {
  case Type::null:
    return "null";
  case Type::boolean:
    return "boolean";
  case Type::object:
    return "object";
  case Type::array:
    return "array";
  case Type::string:
    return "string";
  case Type::integer:
  case Type::unsigned_integer:
    return "integer";
  case Type::real:
    return is_integral(value) ? "integer" : "number";
  }
  return "value";
}

std::string describe_string(std::string_view text) {
  constexpr std::size_t k_max_chars = 60;
  const auto quote = [](std::string_view part) {
    kensa::json::Builder builder;
    builder.string(part);
    return std::move(builder).finish().root().dump();
  };
  if (text.size() <= k_max_chars) {
    return quote(text);
  }
  // Cut at a code point boundary so the message stays valid UTF-8.
  std::size_t cut = k_max_chars;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return quote(text.substr(0, cut)) + "... (" + std::to_string(text.size()) + " bytes)";
}

std::string describe_value(const Json& value) {
  switch (value.type()) {
  case Type::object:
    return "an object with " + std::to_string(value.size()) + " members";
  case Type::array:
    return "an array of " + std::to_string(value.size()) + " items";
  case Type::string:
    return describe_string(value.string());
  default:
    return value.dump();
  }
}

std::vector<std::pair<std::string_view, Json>> schema_members(const Json& object) {
  return json::members_by_name(object);
}

std::size_t json_depth(const Json& value, std::size_t limit) {
  return std::min(value.depth(), limit + 1);
}

} // namespace kensa::validate::schema
