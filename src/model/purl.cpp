// The purl syntax shared by every type: parsing, percent-encoding, building
// and printing the canonical form. Rules of individual types live in
// purl_types.cpp.
#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kensa::model {

namespace {

using Qualifiers = std::vector<std::pair<std::string, std::string>>;

constexpr std::string_view k_scheme = "pkg";
constexpr std::string_view k_hex_digits = "0123456789ABCDEF";

bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// ECMA-427 leaves the RFC 3986 unreserved characters and ':' as they are and
// percent-encodes every other byte, so the canonical form of a component is a
// pure function of its decoded value.
bool stays_unencoded(char c) {
  return is_ascii_lower(c) || is_ascii_upper(c) || is_ascii_digit(c) || c == '.' || c == '-' ||
         c == '_' || c == '~' || c == ':';
}

std::string percent_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (stays_unencoded(c)) {
      out += c;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out += '%';
    out += k_hex_digits[byte >> 4];
    out += k_hex_digits[byte & 0x0F];
  }
  return out;
}

int hex_value(char c) {
  if (is_ascii_digit(c)) {
    return c - '0';
  }
  const char lower = to_lower_ascii(c);
  if (lower >= 'a' && lower <= 'f') {
    return lower - 'a' + 10;
  }
  return -1;
}

Result<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      return fail("invalid percent-encoding in " + quoted(text));
    }
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

// A type is never percent-encoded: ASCII letters, digits, '.', '+' and '-',
// not starting with a digit. Its canonical form is lowercase.
Status check_type(std::string_view type) {
  if (type.empty()) {
    return fail("the type is required");
  }
  if (is_ascii_digit(type.front())) {
    return fail("the type " + quoted(type) + " must not start with a digit");
  }
  for (char c : type) {
    const bool allowed = is_ascii_lower(c) || is_ascii_upper(c) || is_ascii_digit(c) || c == '.' ||
                         c == '+' || c == '-';
    if (!allowed) {
      return fail("the type " + quoted(type) + " may only hold ASCII letters, digits, '.', '+' " +
                  "and '-'");
    }
  }
  return ok_status();
}

Status check_qualifier_key(std::string_view key) {
  if (key.empty()) {
    return fail("a qualifier key must not be empty");
  }
  if (is_ascii_digit(key.front())) {
    return fail("the qualifier key " + quoted(key) + " must not start with a digit");
  }
  for (char c : key) {
    if (is_ascii_upper(c)) {
      return fail("the qualifier key " + quoted(key) + " must be lowercase");
    }
    if (!(is_ascii_lower(c) || is_ascii_digit(c) || c == '.' || c == '-' || c == '_')) {
      return fail("the qualifier key " + quoted(key) +
                  " may only hold lowercase ASCII letters, digits, '.', '-' and '_'");
    }
  }
  return ok_status();
}

// Checks keys, rejects duplicates, drops empty values (an empty value means
// "absent") and sorts by key, which is the order of the canonical form.
Result<Qualifiers> normalize_qualifiers(Qualifiers qualifiers) {
  for (const auto& [key, value] : qualifiers) {
    if (auto checked = check_qualifier_key(key); !checked) {
      return fail(checked.error());
    }
  }
  std::sort(qualifiers.begin(), qualifiers.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  const auto duplicate =
      std::adjacent_find(qualifiers.begin(), qualifiers.end(),
                         [](const auto& a, const auto& b) { return a.first == b.first; });
  if (duplicate != qualifiers.end()) {
    return fail("the qualifier key " + quoted(duplicate->first) + " appears more than once");
  }
  std::erase_if(qualifiers, [](const auto& qualifier) { return qualifier.second.empty(); });
  return qualifiers;
}

// Namespace and subpath are '/'-separated segments. Empty segments carry no
// meaning ("pkg:maven//a//b" is "pkg:maven/a/b"), so they are dropped.
std::string join_segments(const std::vector<std::string>& segments) {
  std::string out;
  for (const auto& segment : segments) {
    if (!out.empty()) {
      out += '/';
    }
    out += segment;
  }
  return out;
}

Result<std::string> parse_namespace(std::string_view raw) {
  std::vector<std::string> segments;
  for (std::string_view segment : split(raw, '/')) {
    if (segment.empty()) {
      continue;
    }
    auto decoded = percent_decode(segment);
    if (!decoded) {
      return fail(decoded.error());
    }
    if (decoded->find('/') != std::string::npos) {
      return fail("the namespace segment " + quoted(segment) + " decodes to a value with '/'");
    }
    segments.push_back(std::move(*decoded));
  }
  return join_segments(segments);
}

bool is_dot_segment(std::string_view segment) {
  return segment == "." || segment == "..";
}

// ECMA-427 decodes each subpath segment before discarding "." and "..", so an
// encoded "%2E%2E" cannot smuggle a parent reference into the subpath.
Result<std::string> parse_subpath(std::string_view raw) {
  std::vector<std::string> segments;
  for (std::string_view segment : split(raw, '/')) {
    if (segment.empty()) {
      continue;
    }
    auto decoded = percent_decode(segment);
    if (!decoded) {
      return fail(decoded.error());
    }
    if (is_dot_segment(*decoded)) {
      continue;
    }
    if (decoded->find('/') != std::string::npos) {
      return fail("the subpath segment " + quoted(segment) + " decodes to a value with '/'");
    }
    segments.push_back(std::move(*decoded));
  }
  return join_segments(segments);
}

Result<Qualifiers> parse_qualifiers(std::string_view raw, const PurlParseOptions& options) {
  Qualifiers qualifiers;
  for (std::string_view pair : split(raw, '&')) {
    if (pair.empty()) {
      continue;
    }
    const std::size_t equals = pair.find('=');
    const std::string_view key = pair.substr(0, equals);
    const std::string_view value =
        equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1);
    auto decoded = percent_decode(value);
    if (!decoded) {
      return fail(decoded.error());
    }
    qualifiers.emplace_back(options.lowercase_qualifier_keys ? to_lower_ascii(key)
                                                             : std::string(key),
                            std::move(*decoded));
  }
  return normalize_qualifiers(std::move(qualifiers));
}

std::string_view strip_slashes(std::string_view text) {
  while (!text.empty() && text.front() == '/') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == '/') {
    text.remove_suffix(1);
  }
  return text;
}

// Parsing follows ECMA-427: peel the subpath off the right, then the
// qualifiers, then the scheme and type off the left, then the version and the
// name off the right; what is left is the namespace.
Result<Purl> parse_components(std::string_view text, const PurlParseOptions& options) {
  Purl purl;
  std::string_view rest = text;

  if (const std::size_t hash = rest.rfind('#'); hash != std::string_view::npos) {
    auto subpath = parse_subpath(rest.substr(hash + 1));
    if (!subpath) {
      return fail(subpath.error());
    }
    purl.subpath = std::move(*subpath);
    rest = rest.substr(0, hash);
  }

  if (const std::size_t question = rest.rfind('?'); question != std::string_view::npos) {
    auto qualifiers = parse_qualifiers(rest.substr(question + 1), options);
    if (!qualifiers) {
      return fail(qualifiers.error());
    }
    purl.qualifiers = std::move(*qualifiers);
    rest = rest.substr(0, question);
  }

  const std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos) {
    return fail("the \"pkg:\" scheme is missing");
  }
  if (to_lower_ascii(rest.substr(0, colon)) != k_scheme) {
    return fail("the scheme must be \"pkg\", not " + quoted(rest.substr(0, colon)));
  }
  // "pkg:/maven/..." and "pkg://maven/..." are accepted: the slashes after the
  // scheme are not significant, and neither is a trailing one.
  rest = strip_slashes(rest.substr(colon + 1));

  const std::size_t type_end = rest.find('/');
  const std::string_view type = rest.substr(0, type_end);
  if (auto checked = check_type(type); !checked) {
    return fail(checked.error());
  }
  purl.type = to_lower_ascii(type);
  if (type_end == std::string_view::npos) {
    return fail("the name is required");
  }
  rest = rest.substr(type_end + 1);

  // The version separator is the last '@' after the last '/': "pkg:npm/@babel/core"
  // has no version even though its scope carries an unencoded '@'.
  const std::size_t last_slash = rest.rfind('/');
  const std::size_t at = rest.rfind('@');
  if (at != std::string_view::npos && (last_slash == std::string_view::npos || at > last_slash)) {
    auto version = percent_decode(rest.substr(at + 1));
    if (!version) {
      return fail(version.error());
    }
    purl.version = std::move(*version);
    rest = rest.substr(0, at);
  }

  const std::size_t name_start = last_slash == std::string_view::npos ? 0 : last_slash + 1;
  auto name = percent_decode(rest.substr(name_start));
  if (!name) {
    return fail(name.error());
  }
  if (name->empty()) {
    return fail("the name is required");
  }
  if (name->find('/') != std::string::npos) {
    return fail("the name " + quoted(rest.substr(name_start)) + " decodes to a value with '/'");
  }
  purl.name = std::move(*name);

  if (name_start > 0) {
    auto namespace_ = parse_namespace(rest.substr(0, name_start - 1));
    if (!namespace_) {
      return fail(namespace_.error());
    }
    purl.namespace_ = std::move(*namespace_);
  }

  if (auto applied = apply_purl_type_rules(purl, options); !applied) {
    return fail(applied.error());
  }
  return purl;
}

std::string normalize_segments(std::string_view path, bool drop_dot_segments) {
  std::vector<std::string> segments;
  for (std::string_view segment : split(path, '/')) {
    if (segment.empty() || (drop_dot_segments && is_dot_segment(segment))) {
      continue;
    }
    segments.emplace_back(segment);
  }
  return join_segments(segments);
}

void append_encoded_segments(std::string& out, std::string_view path) {
  bool first = true;
  for (std::string_view segment : split(path, '/')) {
    if (!first) {
      out += '/';
    }
    out += percent_encode(segment);
    first = false;
  }
}

} // namespace

std::string_view Purl::qualifier(std::string_view key) const {
  const auto found = std::find_if(qualifiers.begin(), qualifiers.end(),
                                  [key](const auto& qualifier) { return qualifier.first == key; });
  return found == qualifiers.end() ? std::string_view{} : std::string_view{found->second};
}

std::string Purl::to_string() const {
  std::string out = "pkg:";
  out += type;
  out += '/';
  if (!namespace_.empty()) {
    append_encoded_segments(out, namespace_);
    out += '/';
  }
  // Only types whose name is a path (git) have '/' in it; each piece is
  // encoded on its own so the separators stay readable.
  append_encoded_segments(out, name);
  if (!version.empty()) {
    out += '@';
    out += percent_encode(version);
  }
  char separator = '?';
  for (const auto& [key, value] : qualifiers) {
    if (value.empty()) {
      continue;
    }
    out += separator;
    out += key;
    out += '=';
    out += percent_encode(value);
    separator = '&';
  }
  if (!subpath.empty()) {
    out += '#';
    append_encoded_segments(out, subpath);
  }
  return out;
}

Result<Purl> parse_purl(std::string_view text, PurlParseOptions options) {
  auto parsed = parse_components(text, options);
  if (!parsed) {
    return fail("invalid purl " + quoted(text) + ": " + parsed.error());
  }
  return parsed;
}

Result<Purl> make_purl(std::string_view type, std::string_view namespace_, std::string_view name,
                       std::string_view version,
                       std::vector<std::pair<std::string, std::string>> qualifiers,
                       std::string_view subpath) {
  auto failure = [&](const std::string& why) {
    return fail("cannot build a purl for " + quoted(name) + ": " + why);
  };
  if (auto checked = check_type(type); !checked) {
    return failure(checked.error());
  }
  if (name.empty()) {
    return failure("the name is required");
  }
  auto normalized = normalize_qualifiers(std::move(qualifiers));
  if (!normalized) {
    return failure(normalized.error());
  }

  Purl purl;
  purl.type = to_lower_ascii(type);
  purl.namespace_ = normalize_segments(namespace_, false);
  purl.name = std::string(name);
  purl.version = std::string(version);
  purl.qualifiers = std::move(*normalized);
  purl.subpath = normalize_segments(subpath, true);
  if (auto applied = apply_purl_type_rules(purl); !applied) {
    return failure(applied.error());
  }
  return purl;
}

} // namespace kensa::model
