#include "punycode.hpp"

#include <algorithm>
#include <cstdint>

namespace kensa::validate::schema {

namespace {

constexpr std::uint32_t k_base = 36;
constexpr std::uint32_t k_tmin = 1;
constexpr std::uint32_t k_tmax = 26;
constexpr std::uint32_t k_skew = 38;
constexpr std::uint32_t k_damp = 700;
constexpr std::uint32_t k_initial_bias = 72;
constexpr std::uint32_t k_initial_n = 128;
// A label holds at most 63 characters, so longer input needs no encoding.
constexpr std::size_t k_max_label = 63;

std::uint32_t adapt(std::uint32_t delta, std::uint32_t points, bool first) {
  delta = first ? delta / k_damp : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((k_base - k_tmin) * k_tmax) / 2) {
    delta /= k_base - k_tmin;
    k += k_base;
  }
  return k + (k_base - k_tmin + 1) * delta / (delta + k_skew);
}

char digit_char(std::uint32_t digit) {
  return static_cast<char>(digit < 26 ? 'a' + digit : '0' + (digit - 26));
}

int digit_value(char c) {
  if (c >= 'a' && c <= 'z') {
    return c - 'a';
  }
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 26;
  }
  return -1;
}

std::uint32_t threshold(std::uint32_t k, std::uint32_t bias) {
  if (k <= bias) {
    return k_tmin;
  }
  if (k >= bias + k_tmax) {
    return k_tmax;
  }
  return k - bias;
}

} // namespace

std::optional<std::string> punycode_encode(std::u32string_view label) {
  if (label.size() > k_max_label) {
    return std::nullopt;
  }
  std::string output;
  for (const char32_t c : label) {
    if (c < 0x80) {
      output += static_cast<char>(c);
    }
  }
  const auto basic = static_cast<std::uint32_t>(output.size());
  std::uint32_t handled = basic;
  if (basic > 0) {
    output += '-';
  }
  std::uint32_t n = k_initial_n;
  std::uint64_t delta = 0;
  std::uint32_t bias = k_initial_bias;
  while (handled < label.size()) {
    std::uint32_t next = 0x10FFFF + 1;
    for (const char32_t c : label) {
      if (c >= n && c < next) {
        next = static_cast<std::uint32_t>(c);
      }
    }
    delta += static_cast<std::uint64_t>(next - n) * (handled + 1);
    n = next;
    for (const char32_t c : label) {
      if (c < n) {
        ++delta;
      }
      if (c == n) {
        std::uint64_t q = delta;
        for (std::uint32_t k = k_base;; k += k_base) {
          const std::uint32_t t = threshold(k, bias);
          if (q < t) {
            break;
          }
          output += digit_char(static_cast<std::uint32_t>(t + (q - t) % (k_base - t)));
          q = (q - t) / (k_base - t);
        }
        output += digit_char(static_cast<std::uint32_t>(q));
        bias = adapt(static_cast<std::uint32_t>(std::min<std::uint64_t>(delta, UINT32_MAX)),
                     handled + 1, handled == basic);
        delta = 0;
        ++handled;
      }
    }
    ++delta;
    ++n;
    if (output.size() > 4 * k_max_label) {
      return std::nullopt;
    }
  }
  return output;
}

std::optional<std::u32string> punycode_decode(std::string_view encoded) {
  if (encoded.size() > 4 * k_max_label) {
    return std::nullopt;
  }
  std::u32string output;
  const auto dash = encoded.rfind('-');
  std::size_t position = 0;
  if (dash != std::string_view::npos) {
    for (std::size_t i = 0; i < dash; ++i) {
      if (static_cast<unsigned char>(encoded[i]) >= 0x80) {
        return std::nullopt;
      }
      output += static_cast<char32_t>(encoded[i]);
    }
    position = dash + 1;
  }
  std::uint64_t n = k_initial_n;
  std::uint64_t i = 0;
  std::uint32_t bias = k_initial_bias;
  while (position < encoded.size()) {
    const std::uint64_t old_i = i;
    std::uint64_t weight = 1;
    for (std::uint32_t k = k_base;; k += k_base) {
      if (position >= encoded.size()) {
        return std::nullopt;
      }
      const int digit = digit_value(encoded[position++]);
      if (digit < 0) {
        return std::nullopt;
      }
      i += static_cast<std::uint64_t>(digit) * weight;
      const std::uint32_t t = threshold(k, bias);
      if (static_cast<std::uint32_t>(digit) < t) {
        break;
      }
      weight *= k_base - t;
      if (i > 0x10FFFFULL * 64 || weight > 0x10FFFFULL * 64) {
        return std::nullopt;
      }
    }
    const auto length = static_cast<std::uint32_t>(output.size() + 1);
    bias = adapt(static_cast<std::uint32_t>(i - old_i), length, old_i == 0);
    n += i / length;
    i %= length;
    if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) {
      return std::nullopt;
    }
    output.insert(output.begin() + static_cast<std::ptrdiff_t>(i), static_cast<char32_t>(n));
    ++i;
  }
  return output;
}

} // namespace kensa::validate::schema
