#include "read_hash.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::format::common {

std::optional<model::Hash> read_hash(std::string_view algorithm, std::string_view hex) {
  const auto parsed = model::parse_hash_algorithm(algorithm);
  if (!parsed || hex.empty()) {
    return std::nullopt;
  }
  return model::Hash{*parsed, to_lower_ascii(hex)};
}

} // namespace kensa::format::common
