#pragma once

#include <kensa/model/document.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// How writers state that a document is incomplete (model::Omission): the
// same words in every format, each carrying them where it has room
// (CycloneDX metadata properties beside the incomplete composition, an SPDX
// annotation). docs/formats.md.
namespace kensa::format::common {

// The CycloneDX metadata property that names one omission, and the one that
// counts them all.
inline constexpr std::string_view k_omitted_property = "kensa:incomplete:omitted";
inline constexpr std::string_view k_omitted_count_property = "kensa:incomplete:omitted-count";

// One line per omission the document names ("usr/x.tar: ...; not scanned"),
// and one for those it only counts; empty when the document names none.
std::vector<std::string> omission_lines(const model::DocumentMetadata& metadata);

// The statement as one text, for formats with a single comment to carry it:
// "kensa: this SBOM is incomplete; the scan skipped or cut short 3 places:
// ...", the lines joined with newlines; empty when nothing was omitted.
std::string incompleteness_statement(const model::DocumentMetadata& metadata);

// The count of the line omission_lines ends with for the omissions a
// document only counts ("and 1,234 more"); nullopt for any other line.
std::optional<std::uint64_t> counted_only(std::string_view line);

// Reads a statement incompleteness_statement wrote (an SPDX annotation)
// back into `metadata`: its omissions, each line kept whole, and their
// count. False, and `metadata` unchanged, for any other text.
bool read_incompleteness_statement(std::string_view text, model::DocumentMetadata& metadata);

} // namespace kensa::format::common
