#pragma once

#include <kensa/model/hash.hpp>

#include <optional>
#include <string_view>

namespace kensa::format::common {

// A digest as a document gives it: the algorithm's name in any of the
// spellings model::parse_hash_algorithm knows, and hex in either case
// (stored lowercase, as the model keeps digests). nullopt when the
// algorithm is unknown or the value is empty: the reader records the loss.
std::optional<model::Hash> read_hash(std::string_view algorithm, std::string_view hex);

} // namespace kensa::format::common
