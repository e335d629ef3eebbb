#include "serial_number.hpp"

#include <kensa/model/hash.hpp>

namespace kensa::format::cyclonedx {

std::string serial_number(std::string_view content) {
  std::string hex = model::compute_hash(model::HashAlgorithm::sha256, content).hex.substr(0, 32);
  hex[12] = '5';
  static constexpr char k_variant[] = "89ab";
  int nibble = hex[16] <= '9' ? hex[16] - '0' : hex[16] - 'a' + 10;
  hex[16] = k_variant[nibble & 3];
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

void fill_serial_number(std::string& text) {
  auto at = text.find(k_serial_placeholder);
  if (at == std::string::npos) {
    return;
  }
  std::string serial = serial_number(text);
  text.replace(at, serial.size(), serial);
}

} // namespace kensa::format::cyclonedx
