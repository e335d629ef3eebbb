#pragma once

#include <string>
#include <string_view>

// SPDX 2 has no field for an SBOM's generation context (CISA's minimum
// element, CycloneDX's lifecycle phase, SPDX 3's sbomType): it is written
// as a line of the creator comment, which the SPDX 2 reader and the
// profile checks read back (docs/formats.md).
namespace kensa::model {

// "SBOM generation context: pre-build (CycloneDX lifecycle phase)".
std::string generation_context_line(std::string_view lifecycle);

// The phase a comment states in a line as generation_context_line()
// writes it, or empty.
std::string lifecycle_in_comment(std::string_view comment);

// `comment` without such a line (and the line break after it).
std::string comment_without_generation_context(std::string_view comment);

} // namespace kensa::model
