#include "serial_number.hpp"

#include "../common/text_digest.hpp"

#include <span>

namespace kensa::format::cyclonedx {

namespace {

std::string serial_number(util::TextPieces pieces) {
  std::string hex = common::sha256_of(pieces, 0, util::total_size(pieces)).substr(0, 32);
  hex[12] = '5';
  static constexpr char k_variant[] = "89ab";
  int nibble = hex[16] <= '9' ? hex[16] - '0' : hex[16] - 'a' + 10;
  hex[16] = k_variant[nibble & 3];
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

} // namespace

void fill_serial_number(util::TextPieces pieces) {
  // The first one is the writer's; the rest of the text is not searched.
  const auto places = util::find_all(pieces, k_serial_placeholder, 1);
  if (places.empty()) {
    return;
  }
  util::overwrite(pieces, places.front(), serial_number(pieces));
}

void fill_serial_number(std::string& text) {
  const std::span<char> whole(text.data(), text.size());
  fill_serial_number(util::TextPieces(&whole, 1));
}

} // namespace kensa::format::cyclonedx
