#include <kensa/util/uri_characters.hpp>
#include <kensa/util/url_text.hpp>

#include <cstddef>
#include <string>

namespace kensa {

namespace {

std::string_view trim_space(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The length of the scheme and its ':' at the start of `text`, or 0.
std::size_t scheme_length(std::string_view text) {
  if (text.empty() || !uri_characters::is_alpha(text.front())) {
    return 0;
  }
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ':') {
      return i + 1;
    }
    if (!uri_characters::is_alpha(c) && !uri_characters::is_digit(c) && c != '+' && c != '-' &&
        c != '.') {
      return 0;
    }
  }
  return 0;
}

void append_escaped(std::string& out, char c) {
  constexpr char k_hex[] = "0123456789ABCDEF";
  const auto byte = static_cast<unsigned char>(c);
  out += '%';
  out += k_hex[byte >> 4];
  out += k_hex[byte & 0x0F];
}

// Appends `text`, keeping the characters `allowed` says a URI holds there
// and valid escapes, and percent-encoding the rest.
template <typename Allowed>
void append_part(std::string& out, std::string_view text, Allowed allowed) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size() && uri_characters::is_hex(text[i + 1]) &&
        uri_characters::is_hex(text[i + 2])) {
      out += c;
    } else if (c != '%' && allowed(c)) {
      out += c;
    } else {
      append_escaped(out, c);
    }
  }
}

bool is_pchar(char c) {
  return uri_characters::is_unreserved(c) || uri_characters::is_sub_delim(c) || c == ':' ||
         c == '@';
}

// An IP literal kensa keeps as it is: hex digits, ':' and '.' (IPv6, with
// an IPv4 tail), or "v<hex>.<text>" (IPvFuture); anything else in brackets
// has no URI form.
bool is_ip_literal(std::string_view inside) {
  if (inside.empty()) {
    return false;
  }
  if (inside.front() == 'v' || inside.front() == 'V') {
    const auto dot = inside.find('.');
    if (dot == std::string_view::npos || dot < 2 || dot + 1 >= inside.size()) {
      return false;
    }
    for (std::size_t i = 1; i < dot; ++i) {
      if (!uri_characters::is_hex(inside[i])) {
        return false;
      }
    }
    for (std::size_t i = dot + 1; i < inside.size(); ++i) {
      if (!uri_characters::is_unreserved(inside[i]) && !uri_characters::is_sub_delim(inside[i]) &&
          inside[i] != ':') {
        return false;
      }
    }
    return true;
  }
  std::size_t colons = 0;
  for (const char c : inside) {
    if (c == ':') {
      ++colons;
    } else if (!uri_characters::is_hex(c) && c != '.') {
      return false;
    }
  }
  return colons >= 2;
}

// Appends the authority (what follows "//") written validly; false when it
// has no valid form.
bool append_authority(std::string& out, std::string_view authority) {
  std::string_view host_port = authority;
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    append_part(out, authority.substr(0, at), [](char c) {
      return uri_characters::is_unreserved(c) || uri_characters::is_sub_delim(c) || c == ':';
    });
    out += '@';
    host_port = authority.substr(at + 1);
  }
  std::string_view host = host_port;
  std::string_view port;
  bool has_port = false;
  if (host_port.starts_with('[')) {
    const auto close = host_port.find(']');
    if (close == std::string_view::npos || !is_ip_literal(host_port.substr(1, close - 1))) {
      return false;
    }
    host = host_port.substr(0, close + 1);
    if (close + 1 < host_port.size()) {
      if (host_port[close + 1] != ':') {
        return false;
      }
      port = host_port.substr(close + 2);
      has_port = true;
    }
    out += host;
  } else {
    if (const auto colon = host_port.rfind(':'); colon != std::string_view::npos) {
      host = host_port.substr(0, colon);
      port = host_port.substr(colon + 1);
      has_port = true;
    }
    append_part(out, host, [](char c) {
      return uri_characters::is_unreserved(c) || uri_characters::is_sub_delim(c);
    });
  }
  if (has_port) {
    for (const char c : port) {
      if (!uri_characters::is_digit(c)) {
        return false;
      }
    }
    out += ':';
    out += port;
  }
  return true;
}

bool is_atext(char c) {
  if (static_cast<unsigned char>(c) >= 0x80) {
    return true; // UTF-8 of an internationalized address (RFC 6531).
  }
  if (uri_characters::is_alpha(c) || uri_characters::is_digit(c)) {
    return true;
  }
  for (const char special : std::string_view("!#$%&'*+-/=?^_`{|}~")) {
    if (c == special) {
      return true;
    }
  }
  return false;
}

bool is_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
    return false;
  }
  for (const char c : label) {
    if (!uri_characters::is_alpha(c) && !uri_characters::is_digit(c) && c != '-' &&
        static_cast<unsigned char>(c) < 0x80) {
      return false;
    }
  }
  return true;
}

} // namespace

std::optional<std::string> url_of_scp_address(std::string_view text) {
  text = trim_space(text);
  const auto colon = text.find(':');
  const auto at = text.find('@');
  if (colon == std::string_view::npos || at == std::string_view::npos || at == 0 ||
      at + 1 >= colon || text.find('/') < colon || text.substr(colon).starts_with("://")) {
    return std::nullopt;
  }
  const std::string_view user = text.substr(0, at);
  const std::string_view host = text.substr(at + 1, colon - at - 1);
  for (const char c : user) {
    if (!uri_characters::is_unreserved(c)) {
      return std::nullopt;
    }
  }
  for (const char c : host) {
    if (!uri_characters::is_unreserved(c)) {
      return std::nullopt;
    }
  }
  std::string_view path = text.substr(colon + 1);
  while (path.starts_with('/')) {
    path.remove_prefix(1);
  }
  if (path.empty()) {
    return std::nullopt;
  }
  return "git+ssh://" + std::string(user) + "@" + std::string(host) + "/" + std::string(path);
}

std::optional<std::string> uri_reference_of(std::string_view text) {
  text = trim_space(text);
  if (text.empty()) {
    return std::nullopt;
  }
  std::string converted;
  if (auto scp = url_of_scp_address(text)) {
    converted = std::move(*scp);
    text = converted;
  }
  std::string out;
  out.reserve(text.size());
  const std::size_t scheme = scheme_length(text);
  if (scheme == 0 && !text.starts_with("//")) {
    return std::nullopt;
  }
  out += text.substr(0, scheme);
  std::string_view rest = text.substr(scheme);
  // The fragment starts at the first '#', the query at the first '?'
  // before it.
  std::string_view fragment;
  bool has_fragment = false;
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) {
    fragment = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
    has_fragment = true;
  }
  std::string_view query;
  bool has_query = false;
  if (const auto question = rest.find('?'); question != std::string_view::npos) {
    query = rest.substr(question + 1);
    rest = rest.substr(0, question);
    has_query = true;
  }
  if (rest.starts_with("//")) {
    const auto end = rest.find('/', 2);
    const std::string_view authority =
        rest.substr(2, end == std::string_view::npos ? std::string_view::npos : end - 2);
    out += "//";
    if (!append_authority(out, authority)) {
      return std::nullopt;
    }
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  }
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (c == '/') {
      out += c;
    } else if (c == '%' && i + 2 < rest.size() && uri_characters::is_hex(rest[i + 1]) &&
               uri_characters::is_hex(rest[i + 2])) {
      out += rest.substr(i, 3);
      i += 2;
    } else {
      append_part(out, rest.substr(i, 1), is_pchar);
    }
  }
  const auto query_char = [](char c) { return is_pchar(c) || c == '/' || c == '?'; };
  if (has_query) {
    out += '?';
    append_part(out, query, query_char);
  }
  if (has_fragment) {
    out += '#';
    append_part(out, fragment, query_char);
  }
  return out;
}

bool is_plain_email_address(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  for (const char c : local) {
    if (c != '.' && !is_atext(c)) {
      return false;
    }
  }
  if (domain.size() > 253 || domain.find('.') == std::string_view::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start <= domain.size()) {
    auto dot = domain.find('.', start);
    if (dot == std::string_view::npos) {
      dot = domain.size();
    }
    if (!is_label(domain.substr(start, dot - start))) {
      return false;
    }
    start = dot + 1;
  }
  return true;
}

bool looks_like_web_link(std::string_view text) {
  text = trim_space(text);
  const std::size_t scheme = scheme_length(text);
  return (scheme > 0 && text.substr(scheme).starts_with("//")) || text.starts_with("www.");
}

} // namespace kensa
