#pragma once

#include <kensa/model/document.hpp>

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

} // namespace kensa::format::common
