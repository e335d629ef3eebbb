#include "evaluation.hpp"
#include "json_value.hpp"
#include "keywords.hpp"
#include "utf8.hpp"

#include <kensa/util/base64.hpp>

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

ContentKeyword::ContentKeyword(std::string location, bool base64, bool json)
    : Keyword(std::move(location)), m_base64(base64), m_json(json) {}

bool ContentKeyword::evaluate(const Json& instance, Evaluation& evaluation, Annotations*) const {
  const std::string_view text = instance.string();
  std::string decoded;
  std::string_view content = text;
  if (m_base64) {
    auto bytes = decode_base64(text, Base64Padding::required);
    if (!bytes) {
      evaluation.report(*this, "is not valid base64");
      return false;
    }
    decoded = std::move(*bytes);
    content = decoded;
  }
  if (m_json && !kensa::json::Document::parse(content).ok()) {
    evaluation.report(*this, "is not valid JSON (contentMediaType application/json)");
    return false;
  }
  return true;
}

} // namespace kensa::validate::schema
