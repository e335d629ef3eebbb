#include "idna_tables.hpp"
#include "punycode.hpp"
#include "uri.hpp"
#include "utf8.hpp"

#include <kensa/util/strings.hpp>
#include <kensa/validate/json_schema_formats.hpp>

#include <string>
#include <vector>

namespace kensa::validate::schema {

namespace {

constexpr std::size_t k_max_label = 63;
constexpr std::size_t k_max_name = 253;

bool is_ldh(char c) {
  return is_ascii_alnum(c) || c == '-';
}

bool has_reserved_hyphens(std::u32string_view label) {
  // "ab--" is reserved for encodings such as "xn--" (RFC 5891 4.2.3.1).
  return label.size() >= 4 && label[2] == '-' && label[3] == '-';
}

bool in_any_script(char32_t c) {
  return idna::contains(idna::script_hiragana(), c) || idna::contains(idna::script_katakana(), c) ||
         idna::contains(idna::script_han(), c);
}

// The CONTEXTO and CONTEXTJ rules of RFC 5892 appendix A for the code point
// at `index`. The ZERO WIDTH NON-JOINER's joining-type alternative is not
// implemented: it is accepted after a virama only.
bool context_allows(std::u32string_view label, std::size_t index) {
  const char32_t c = label[index];
  const char32_t before = index > 0 ? label[index - 1] : 0;
  const char32_t after = index + 1 < label.size() ? label[index + 1] : 0;
  switch (c) {
  case 0x200C:
  case 0x200D:
    return index > 0 && idna::contains(idna::viramas(), before);
  case 0x00B7:
    return before == 'l' && after == 'l';
  case 0x0375:
    return index + 1 < label.size() && idna::contains(idna::script_greek(), after);
  case 0x05F3:
  case 0x05F4:
    return index > 0 && idna::contains(idna::script_hebrew(), before);
  case 0x30FB:
    for (const char32_t other : label) {
      if (other != 0x30FB && in_any_script(other)) {
        return true;
      }
    }
    return false;
  default:
    break;
  }
  if (c >= 0x0660 && c <= 0x0669) {
    for (const char32_t other : label) {
      if (other >= 0x06F0 && other <= 0x06F9) {
        return false;
      }
    }
    return true;
  }
  if (c >= 0x06F0 && c <= 0x06F9) {
    for (const char32_t other : label) {
      if (other >= 0x0660 && other <= 0x0669) {
        return false;
      }
    }
    return true;
  }
  return false;
}

// A U-label (RFC 5891 section 4.2): code points allowed by IDNA2008, no
// leading combining mark, hyphen rules, and an A-label that fits 63 octets.
// Returns the length of its A-label, or 0 when it is not valid.
std::size_t u_label_length(std::u32string_view label) {
  if (label.empty() || label.front() == '-' || label.back() == '-' || has_reserved_hyphens(label) ||
      idna::contains(idna::combining_marks(), label.front())) {
    return 0;
  }
  for (std::size_t i = 0; i < label.size(); ++i) {
    const char32_t c = label[i];
    if (idna::contains(idna::pvalid(), c)) {
      continue;
    }
    if ((idna::contains(idna::contexto(), c) || idna::contains(idna::contextj(), c)) &&
        context_allows(label, i)) {
      continue;
    }
    return 0;
  }
  const auto encoded = punycode_encode(label);
  if (!encoded || encoded->size() + 4 > k_max_label) {
    return 0;
  }
  return encoded->size() + 4;
}

// A label of ASCII letters, digits and hyphens. An "xn--" label must decode
// to a valid U-label.
bool is_ldh_label(std::string_view label) {
  if (label.empty() || label.size() > k_max_label || label.front() == '-' || label.back() == '-') {
    return false;
  }
  for (const char c : label) {
    if (!is_ldh(c)) {
      return false;
    }
  }
  if (label.size() >= 4 && label[2] == '-' && label[3] == '-') {
    if ((label[0] | 0x20) != 'x' || (label[1] | 0x20) != 'n') {
      return false;
    }
    const auto decoded = punycode_decode(label.substr(4));
    if (!decoded || decoded->empty()) {
      return false;
    }
    return u_label_length(to_lower_ascii(*decoded)) != 0;
  }
  return true;
}

// Splits a host name into labels; a single trailing dot (the DNS root) is
// allowed. Returns false for an empty name or an empty label.
bool split_labels(std::u32string_view name, std::vector<std::u32string_view>& labels,
                  bool international) {
  const auto is_dot = [international](char32_t c) {
    return c == '.' || (international && (c == 0x3002 || c == 0xFF0E || c == 0xFF61));
  };
  if (!name.empty() && is_dot(name.back())) {
    name.remove_suffix(1);
  }
  if (name.empty()) {
    return false;
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || is_dot(name[i])) {
      if (i == start) {
        return false;
      }
      labels.push_back(name.substr(start, i - start));
      start = i + 1;
    }
  }
  return true;
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  std::size_t position = 0;
  while (position < text.size()) {
    out += next_code_point(text, position);
  }
  return out;
}

bool host_name(std::string_view text, bool international) {
  if (text.size() > 4 * (k_max_name + 1)) {
    return false;
  }
  const std::u32string name = decode(text);
  std::vector<std::u32string_view> labels;
  if (!split_labels(name, labels, international)) {
    return false;
  }
  std::size_t total = labels.size() - 1;
  for (const auto label : labels) {
    bool ascii = true;
    std::string narrow;
    for (const char32_t c : label) {
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      narrow += static_cast<char>(c);
    }
    if (ascii) {
      if (!is_ldh_label(narrow)) {
        return false;
      }
      total += narrow.size();
      continue;
    }
    if (!international) {
      return false;
    }
    const std::size_t length = u_label_length(to_lower_ascii(label));
    if (length == 0) {
      return false;
    }
    total += length;
  }
  return total <= k_max_name;
}

bool is_atext(char c) {
  if (is_ascii_alnum(c)) {
    return true;
  }
  static constexpr std::string_view k_specials = "!#$%&'*+-/=?^_`{|}~";
  return k_specials.find(c) != std::string_view::npos;
}

// RFC 5321 Mailbox; RFC 6531 adds non-ASCII text (the strings here are
// valid UTF-8 already) and internationalized domains.
bool mailbox(std::string_view text, bool international) {
  const auto at = text.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == text.size()) {
    return false;
  }
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.size() > 64) {
    return false;
  }
  if (local.front() == '"') {
    if (local.size() < 2 || local.back() != '"') {
      return false;
    }
    const std::string_view content = local.substr(1, local.size() - 2);
    for (std::size_t i = 0; i < content.size(); ++i) {
      const auto c = static_cast<unsigned char>(content[i]);
      if (c == '\\') {
        if (i + 1 >= content.size() || static_cast<unsigned char>(content[i + 1]) < 32 ||
            static_cast<unsigned char>(content[i + 1]) > 126) {
          return false;
        }
        ++i;
      } else if (c == '"' || c < 32 || c == 127 || (c >= 0x80 && !international)) {
        return false;
      }
    }
  } else {
    bool previous_dot = true;
    for (const char c : local) {
      if (c == '.') {
        if (previous_dot) {
          return false;
        }
        previous_dot = true;
        continue;
      }
      previous_dot = false;
      if (!is_atext(c) && !(international && static_cast<unsigned char>(c) >= 0x80)) {
        return false;
      }
    }
    if (previous_dot) {
      return false;
    }
  }
  if (domain.front() == '[') {
    if (domain.back() != ']') {
      return false;
    }
    const std::string_view literal = domain.substr(1, domain.size() - 2);
    if (literal.starts_with("IPv6:")) {
      return is_valid_ipv6_address(literal.substr(5));
    }
    return is_valid_ipv4_address(literal);
  }
  return host_name(domain, international);
}

} // namespace

bool is_hostname(std::string_view text) {
  return host_name(text, false);
}
bool is_idn_hostname(std::string_view text) {
  return host_name(text, true);
}
bool is_email(std::string_view text) {
  return mailbox(text, false);
}
bool is_idn_email(std::string_view text) {
  return mailbox(text, true);
}
bool is_ipv4(std::string_view text) {
  return is_valid_ipv4_address(text);
}
bool is_ipv6(std::string_view text) {
  return is_valid_ipv6_address(text);
}

} // namespace kensa::validate::schema
