#pragma once

#include <kensa/model/hash.hpp>
#include <kensa/util/text_pieces.hpp>
#include <kensa/util/text_spill.hpp>

#include <string>
#include <string_view>

namespace kensa::format::cyclonedx {

// Written where the serial number goes, then replaced by the serial number
// of the whole text: the serial is derived from everything else in the
// document.
inline constexpr std::string_view k_serial_placeholder =
    "urn:uuid:00000000-0000-0000-0000-000000000000";

// Replaces the first k_serial_placeholder in the text by an RFC 4122
// name-based UUID (version 5 layout) from the SHA-256 of the text, as
// "urn:uuid:...". The writers put the serial number before anything that
// comes from the data. The text stays in its pieces (a writer's TextSink),
// or is one string.
void fill_serial_number(util::TextPieces pieces);
void fill_serial_number(std::string& text);

// The SHA-256 of a text given as it is written, for the serial number of a
// text that is not kept whole (util::TextSpill).
class SerialDigest {
 public:
  SerialDigest();
  ~SerialDigest();
  SerialDigest(const SerialDigest&) = delete;
  SerialDigest& operator=(const SerialDigest&) = delete;
  void update(std::string_view bytes);
  // Lowercase hex.
  std::string finish();

 private:
  model::Hasher m_hasher;
};

// fill_serial_number() for a text already written to `spill`, of which
// `head` holds the first bytes and `sha256_hex` is the digest: the serial
// number is written over the first k_serial_placeholder in `head`.
void fill_streamed_serial_number(std::string_view head, const std::string& sha256_hex,
                                 util::TextSpill& spill);

} // namespace kensa::format::cyclonedx
