#include "evaluation.hpp"
#include "json_value.hpp"
#include "keywords.hpp"
#include "utf8.hpp"

#include <utility>

namespace kensa::validate::schema {

LengthKeyword::LengthKeyword(std::string location, std::size_t bound, bool is_minimum)
    : Keyword(std::move(location)), m_bound(bound), m_is_minimum(is_minimum) {}

bool LengthKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  const std::string_view text = instance.string();
  // The byte count bounds the code point count from above, which settles
  // most checks without decoding.
  if (!m_is_minimum && text.size() <= m_bound) {
    return true;
  }
  const std::size_t length = count_code_points(text);
  if (m_is_minimum ? length >= m_bound : length <= m_bound) {
    return true;
  }
  evaluation.report(*this, std::string("is ") + std::to_string(length) + " characters long; " +
                               (m_is_minimum ? "at least " : "at most ") + std::to_string(m_bound) +
                               " allowed");
  return false;
}

PatternKeyword::PatternKeyword(std::string location, std::string source, EcmaRegex regex)
    : Keyword(std::move(location)), m_source(std::move(source)), m_regex(std::move(regex)) {}

bool PatternKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  if (m_regex.status() != EcmaRegex::Status::ok) {
    evaluation.report_unsupported(this, location(),
                                  "pattern " + describe_string(m_source) +
                                      " cannot be checked: " + m_regex.problem());
    return true;
  }
  if (m_regex.search(instance.string())) {
    return true;
  }
  evaluation.report(*this, describe_value(instance) + " does not match the pattern " +
                               describe_string(m_source));
  return false;
}

FormatKeyword::FormatKeyword(std::string location, std::string name, FormatCheck check)
    : Keyword(std::move(location)), m_name(std::move(name)), m_check(check) {}

bool FormatKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  if (m_check(instance.string())) {
    return true;
  }
  evaluation.report(*this, describe_value(instance) + " is not a valid " + m_name);
  return false;
}

namespace {

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= 'a' && c <= 'z') {
    return c - 'a' + 26;
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 52;
  }
  if (c == '+') {
    return 62;
  }
  if (c == '/') {
    return 63;
  }
  return -1;
}

// RFC 4648 base64 with padding; nullopt when malformed.
std::optional<std::string> decode_base64(std::string_view text) {
  if (text.size() % 4 != 0) {
    return std::nullopt;
  }
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    int values[4];
    int padding = 0;
    for (int j = 0; j < 4; ++j) {
      const char c = text[i + static_cast<std::size_t>(j)];
      if (c == '=' && i + 4 == text.size() && j >= 2) {
        values[j] = 0;
        ++padding;
        continue;
      }
      if (padding > 0) {
        return std::nullopt;
      }
      values[j] = base64_value(c);
      if (values[j] < 0) {
        return std::nullopt;
      }
    }
    const unsigned bits =
        static_cast<unsigned>(values[0] << 18 | values[1] << 12 | values[2] << 6 | values[3]);
    out += static_cast<char>((bits >> 16) & 0xFF);
    if (padding < 2) {
      out += static_cast<char>((bits >> 8) & 0xFF);
    }
    if (padding < 1) {
      out += static_cast<char>(bits & 0xFF);
    }
  }
  return out;
}

} // namespace

ContentKeyword::ContentKeyword(std::string location, bool base64, bool json)
    : Keyword(std::move(location)), m_base64(base64), m_json(json) {}

bool ContentKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  const std::string_view text = instance.string();
  std::optional<std::string> decoded;
  std::string_view content = text;
  if (m_base64) {
    decoded = decode_base64(text);
    if (!decoded) {
      evaluation.report(*this, "is not valid base64");
      return false;
    }
    content = *decoded;
  }
  if (m_json && !nlohmann::json::accept(content)) {
    evaluation.report(*this, "is not valid JSON (contentMediaType application/json)");
    return false;
  }
  return true;
}

} // namespace kensa::validate::schema
