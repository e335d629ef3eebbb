#include <kensa/util/base64.hpp>

namespace kensa {

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

// Removes the trailing '=' the padding rule allows; what is left must be
// alphabet characters only.
Status strip_padding(std::string_view& text, Base64Padding padding) {
  if (padding == Base64Padding::required) {
    if (text.size() % 4 != 0) {
      return fail("base64 text has an impossible length");
    }
    for (int i = 0; i < 2 && !text.empty() && text.back() == '='; ++i) {
      text.remove_suffix(1);
    }
    return ok_status();
  }
  while (!text.empty() && text.back() == '=') {
    text.remove_suffix(1);
  }
  return ok_status();
}

} // namespace

Result<std::string> decode_base64(std::string_view text, Base64Padding padding) {
  if (auto stripped = strip_padding(text, padding); !stripped) {
    return fail(stripped.error());
  }
  if (text.size() % 4 == 1) {
    return fail("base64 text has an impossible length");
  }
  std::string bytes;
  bytes.reserve(text.size() * 3 / 4);
  unsigned int buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int value = base64_value(c);
    if (value < 0) {
      return fail("invalid base64 character '" + std::string(1, c) + "'");
    }
    buffer = (buffer << 6) | static_cast<unsigned int>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return bytes;
}

} // namespace kensa
