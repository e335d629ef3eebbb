#pragma once

#include <kensa/model/document.hpp>
#include <kensa/util/text_pieces.hpp>

#include <optional>
#include <string>
#include <string_view>

// Identifiers and small vocabularies shared by the SPDX 2 and 3 writers and
// readers.
namespace kensa::format::spdx {

// Written where the document namespace's hash goes, then replaced by the
// SHA-256 of the whole text (see fill_namespace_hash): the namespace is
// derived from the content, never random. A fixed value no document holds
// by chance (the SHA-256 of "kensa: SPDX document namespace hash
// placeholder"), so that data that happens to be 64 zeros, an unknown
// digest say, is never taken for it.
inline constexpr std::string_view k_namespace_hash_placeholder =
    "3adcee25a9de57cd889642bf90fb338d4adebc21e936ad513b0c305fe2a9a9e6";

// "https://kensa.invalid/spdx/<name>-<placeholder>"; ".invalid" says that
// nothing is served there (RFC 2606).
std::string document_namespace(std::string_view document_name);

// The hash a document namespace carries is the SHA-256 of the text, or for
// a text longer than k_namespace_hash_chunk, the SHA-256 of its chunks'
// SHA-256 digests (hex, joined), which two threads compute in half the time.
inline constexpr std::size_t k_namespace_hash_chunk = 4 * 1024 * 1024;

// Replaces every k_namespace_hash_placeholder in the text by the hash of
// the document: that hash of the text with 64 zeros where the placeholders
// are (the definition docs/formats.md gives). The text stays in its pieces
// (a writer's TextSink), or is one string.
void fill_namespace_hash(util::TextPieces pieces);
void fill_namespace_hash(std::string& text);

// `text` with every character outside [A-Za-z0-9.-] replaced by '-', at
// most `max_length` characters, "unnamed" when empty: what SPDX allows after
// "SPDXRef-" and "LicenseRef-".
std::string sanitize_id(std::string_view text, std::size_t max_length = 64);

// "SPDXRef-Package-<ecosystem>-<name>-<id>", or "SPDXRef-Subject-<name>-<id>"
// for the document's subject: readable, and unique through the component id.
std::string package_spdx_id(const model::Component& component, bool subject);

// "SPDXRef-File-<hash of the path>".
std::string file_spdx_id(const model::FileEntry& file);

// The component id a kensa SPDXID (or spdxId URI) ends with ("-" and 16
// lowercase hex digits), or empty when it has none.
std::string component_id_from_spdx_id(std::string_view spdx_id);

// "Person: name (email)" or "Organization: name (email)", the SPDX actor
// syntax; empty for an empty party.
std::string actor_text(const model::Party& party);

// Parses an SPDX actor ("Person: ...", "Organization: ...", "Tool: ..."); an
// empty party for NOASSERTION or text that is no actor.
model::Party parse_actor(std::string_view text);

// The SPDX 2 checksum algorithm name ("SHA256", "BLAKE2b-256"), or nullopt
// when SPDX `version` ("2.2", "2.3") has none for it.
std::optional<std::string> spdx2_algorithm(model::HashAlgorithm algorithm,
                                           std::string_view version);

// The SPDX 2.3 primary package purpose (JSON spelling) for a component
// type; "OTHER" when SPDX has no word for it.
std::string_view purpose_of(model::ComponentType type);

// The component type for a purpose, in either spelling; nullopt for SOURCE,
// ARCHIVE, INSTALL, OTHER and unknown words.
std::optional<model::ComponentType> type_of_purpose(std::string_view purpose);

} // namespace kensa::format::spdx
