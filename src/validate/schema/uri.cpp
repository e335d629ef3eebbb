#include "uri.hpp"

#include "utf8.hpp"

#include <kensa/util/uri_characters.hpp>

#include <vector>

namespace kensa::validate::schema {

namespace {

// RFC 3987 ucschar and iprivate.
bool is_ucschar(char32_t c) {
  if ((c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFEF)) {
    return true;
  }
  if (c >= 0x10000 && c <= 0xEFFFD) {
    // Each plane minus its last two code points (the noncharacters).
    return (c & 0xFFFF) <= 0xFFFD;
  }
  return false;
}
bool is_iprivate(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) ||
         (c >= 0x100000 && c <= 0x10FFFD);
}

// Checks that every character of `text` is allowed in a component: the ASCII
// ones by `allowed`, percent-encodings always, and in an IRI the non-ASCII
// ranges RFC 3987 permits (iprivate only in queries).
template <typename Allowed>
bool check_chars(std::string_view text, bool international, bool is_query, Allowed allowed) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size() || !uri_characters::is_hex(text[i + 1]) ||
          !uri_characters::is_hex(text[i + 2])) {
        return false;
      }
      i += 3;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      if (!allowed(c)) {
        return false;
      }
      ++i;
      continue;
    }
    if (!international) {
      return false;
    }
    const char32_t code_point = next_code_point(text, i);
    if (!is_ucschar(code_point) && !(is_query && is_iprivate(code_point))) {
      return false;
    }
  }
  return true;
}

bool is_pchar(char c) {
  return uri_characters::is_unreserved(c) || uri_characters::is_sub_delim(c) || c == ':' ||
         c == '@';
}

bool is_valid_scheme(std::string_view scheme) {
  if (scheme.empty() || !uri_characters::is_alpha(scheme.front())) {
    return false;
  }
  for (const char c : scheme) {
    if (!uri_characters::is_alpha(c) && !uri_characters::is_digit(c) && c != '+' && c != '-' &&
        c != '.') {
      return false;
    }
  }
  return true;
}

bool is_valid_ipv4(std::string_view text) {
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t start = i;
    int value = 0;
    while (i < text.size() && uri_characters::is_digit(text[i]) && i - start < 3) {
      value = value * 10 + (text[i] - '0');
      ++i;
    }
    const std::size_t length = i - start;
    if (length == 0 || value > 255 || (length > 1 && text[start] == '0')) {
      return false;
    }
    ++parts;
    if (i == text.size()) {
      return parts == 4;
    }
    if (text[i] != '.' || parts == 4) {
      return false;
    }
    ++i;
  }
}

} // namespace

bool is_valid_ipv4_address(std::string_view text) {
  return is_valid_ipv4(text);
}

bool is_valid_ipv6_address(std::string_view text) {
  // At most one "::"; without it exactly eight groups; an IPv4 tail counts
  // as two groups.
  int groups = 0;
  bool compressed = false;
  std::size_t i = 0;
  if (text.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
    if (i == text.size()) {
      return true;
    }
  } else if (!text.empty() && text.front() == ':') {
    return false;
  }
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && uri_characters::is_hex(text[i]) && i - start < 5) {
      ++i;
    }
    if (i < text.size() && text[i] == '.') {
      // IPv4 tail: from the group start to the end.
      if (!is_valid_ipv4(text.substr(start))) {
        return false;
      }
      groups += 2;
      i = text.size();
      break;
    }
    const std::size_t length = i - start;
    if (length == 0 || length > 4) {
      return false;
    }
    ++groups;
    if (i == text.size()) {
      break;
    }
    if (text[i] != ':') {
      return false;
    }
    ++i;
    if (i < text.size() && text[i] == ':') {
      if (compressed) {
        return false;
      }
      compressed = true;
      ++i;
      if (i == text.size()) {
        break;
      }
    } else if (i == text.size()) {
      return false;
    }
  }
  return compressed ? groups <= 7 : groups == 8;
}

namespace {

bool is_valid_ip_literal(std::string_view text) {
  // text is between '[' and ']'.
  if (!text.empty() && (text.front() == 'v' || text.front() == 'V')) {
    // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
    std::size_t i = 1;
    while (i < text.size() && uri_characters::is_hex(text[i])) {
      ++i;
    }
    if (i == 1 || i >= text.size() || text[i] != '.' || i + 1 == text.size()) {
      return false;
    }
    for (++i; i < text.size(); ++i) {
      if (!uri_characters::is_unreserved(text[i]) && !uri_characters::is_sub_delim(text[i]) &&
          text[i] != ':') {
        return false;
      }
    }
    return true;
  }
  return is_valid_ipv6_address(text);
}

bool is_valid_authority(std::string_view authority, bool international) {
  const auto at = authority.rfind('@');
  if (at != std::string_view::npos) {
    const auto userinfo = authority.substr(0, at);
    if (!check_chars(userinfo, international, false, [](char c) {
          return uri_characters::is_unreserved(c) || uri_characters::is_sub_delim(c) || c == ':';
        })) {
      return false;
    }
    authority.remove_prefix(at + 1);
  }
  std::string_view port;
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    if (close == std::string_view::npos) {
      return false;
    }
    if (!is_valid_ip_literal(host.substr(1, close - 1))) {
      return false;
    }
    const auto rest = host.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') {
        return false;
      }
      port = rest.substr(1);
    }
  } else {
    // A reg-name has no ':', so the first one starts the port.
    const auto colon = host.find(':');
    if (colon != std::string_view::npos) {
      port = host.substr(colon + 1);
      host = host.substr(0, colon);
    }
    if (!check_chars(host, international, false, [](char c) {
          return uri_characters::is_unreserved(c) || uri_characters::is_sub_delim(c);
        })) {
      return false;
    }
  }
  for (const char c : port) {
    if (!uri_characters::is_digit(c)) {
      return false;
    }
  }
  return true;
}

std::string remove_dot_segments(std::string_view path) {
  // RFC 3986 section 5.2.4, step by step.
  std::string input(path);
  std::string output;
  const auto drop_last_segment = [&output] {
    const auto slash = output.rfind('/');
    output.erase(slash == std::string::npos ? 0 : slash);
  };
  while (!input.empty()) {
    const std::string_view rest = input;
    if (rest.starts_with("../")) {
      input.erase(0, 3);
    } else if (rest.starts_with("./")) {
      input.erase(0, 2);
    } else if (rest.starts_with("/./")) {
      input.erase(0, 2);
    } else if (rest == "/.") {
      input = "/";
    } else if (rest.starts_with("/../")) {
      input.erase(0, 3);
      drop_last_segment();
    } else if (rest == "/..") {
      input = "/";
      drop_last_segment();
    } else if (rest == "." || rest == "..") {
      input.clear();
    } else {
      auto end = input.find('/', 1);
      if (end == std::string::npos) {
        end = input.size();
      }
      output.append(input, 0, end);
      input.erase(0, end);
    }
  }
  return output;
}

std::string merge_paths(const UriParts& base, std::string_view reference_path) {
  if (base.authority && base.path.empty()) {
    return "/" + std::string(reference_path);
  }
  const auto slash = base.path.rfind('/');
  if (slash == std::string::npos) {
    return std::string(reference_path);
  }
  return base.path.substr(0, slash + 1) + std::string(reference_path);
}

} // namespace

std::string UriParts::to_string() const {
  std::string out;
  if (scheme) {
    out += *scheme;
    out += ':';
  }
  if (authority) {
    out += "//";
    out += *authority;
  }
  out += path;
  if (query) {
    out += '?';
    out += *query;
  }
  if (fragment) {
    out += '#';
    out += *fragment;
  }
  return out;
}

UriParts split_uri(std::string_view text) {
  UriParts parts;
  const auto scheme_end = text.find_first_of(":/?#");
  if (scheme_end != std::string_view::npos && scheme_end > 0 && text[scheme_end] == ':') {
    parts.scheme = std::string(text.substr(0, scheme_end));
    text.remove_prefix(scheme_end + 1);
  }
  if (text.starts_with("//")) {
    text.remove_prefix(2);
    const auto end = text.find_first_of("/?#");
    parts.authority = std::string(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end);
  }
  const auto hash = text.find('#');
  if (hash != std::string_view::npos) {
    parts.fragment = std::string(text.substr(hash + 1));
    text = text.substr(0, hash);
  }
  const auto question = text.find('?');
  if (question != std::string_view::npos) {
    parts.query = std::string(text.substr(question + 1));
    text = text.substr(0, question);
  }
  parts.path = std::string(text);
  return parts;
}

std::string resolve_uri(std::string_view base_text, std::string_view reference_text) {
  const UriParts reference = split_uri(reference_text);
  const UriParts base = split_uri(base_text);
  UriParts target;
  if (reference.scheme) {
    target = reference;
    target.path = remove_dot_segments(reference.path);
  } else {
    if (reference.authority) {
      target.authority = reference.authority;
      target.path = remove_dot_segments(reference.path);
      target.query = reference.query;
    } else {
      if (reference.path.empty()) {
        target.path = base.path;
        target.query = reference.query ? reference.query : base.query;
      } else {
        if (reference.path.front() == '/') {
          target.path = remove_dot_segments(reference.path);
        } else {
          target.path = remove_dot_segments(merge_paths(base, reference.path));
        }
        target.query = reference.query;
      }
      target.authority = base.authority;
    }
    target.scheme = base.scheme;
  }
  target.fragment = reference.fragment;
  return target.to_string();
}

std::string_view strip_fragment(std::string_view uri) {
  const auto hash = uri.find('#');
  return hash == std::string_view::npos ? uri : uri.substr(0, hash);
}

std::optional<std::string_view> fragment_of(std::string_view uri) {
  const auto hash = uri.find('#');
  if (hash == std::string_view::npos) {
    return std::nullopt;
  }
  return uri.substr(hash + 1);
}

bool is_valid_uri(std::string_view text, UriKind kind, bool international) {
  const UriParts parts = split_uri(text);
  if (parts.scheme) {
    if (!is_valid_scheme(*parts.scheme)) {
      return false;
    }
  } else {
    if (kind == UriKind::absolute_uri) {
      return false;
    }
    // A ':' before the first '/' would have made it a scheme; split_uri
    // only takes a scheme when the text before ':' is non-empty.
    if (text.starts_with(":")) {
      return false;
    }
  }
  if (parts.authority) {
    if (!is_valid_authority(*parts.authority, international)) {
      return false;
    }
  }
  const auto path_char = [](char c) { return is_pchar(c) || c == '/'; };
  if (!check_chars(parts.path, international, false, path_char)) {
    return false;
  }
  if (!parts.authority && parts.path.starts_with("//")) {
    return false;
  }
  const auto query_char = [](char c) { return is_pchar(c) || c == '/' || c == '?'; };
  if (parts.query && !check_chars(*parts.query, international, true, query_char)) {
    return false;
  }
  if (parts.fragment && !check_chars(*parts.fragment, international, false, query_char)) {
    return false;
  }
  return true;
}

} // namespace kensa::validate::schema
