#pragma once

#include <kensa/util/json_document.hpp>
#include <kensa/util/result.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// SPDX 2 tag-value and YAML documents as the JSON tree an SPDX JSON document
// of the same content would be, with the source line of every element.
//
// Every SPDX 2 encoding then has one shape: the SPDX JSON schema applies to
// all of them (kensa validate), and one reader maps that tree into the model.
// The tree holds what the text says, nothing more: no defaults are filled in
// and no values are checked, so that schema validation sees the document as
// written.
namespace kensa::format {

// One thing in the text that has no place in the tree (an unknown tag, a
// line that is no "Tag: value", a value that is not the expected shape). The
// rest of the document is still read.
struct Spdx2TreeProblem {
  // 1-based.
  std::size_t line = 0;
  std::string message;
};

struct Spdx2Tree {
  // Shaped like SPDX 2 JSON: "spdxVersion", "creationInfo", "packages",
  // "files", "snippets", "hasExtractedLicensingInfos", "relationships",
  // "annotations", "externalDocumentRefs". Tag-value annotations sit in the
  // element their SPDXREF names (or the document's "annotations" when it
  // names none that is in the document).
  json::Document document;
  // The 1-based line each value of `document` starts on, by its
  // Value::order(); 0 for values that have no line of their own (the parts
  // of a checksum read from one tag, member names).
  std::vector<std::uint32_t> node_lines;
  std::vector<Spdx2TreeProblem> problems;

  // The line of the value at `pointer` (JSON Pointer, RFC 6901: "" for the
  // whole document, "/packages/0/versionInfo"), or of its nearest ancestor
  // that has one; 0 when none does.
  std::size_t line_of(std::string_view pointer) const;
};

// Caps for hostile input: larger or deeper documents fail.
struct Spdx2TreeLimits {
  std::size_t max_bytes = 512 * 1024 * 1024;
  // Nesting of YAML collections; SPDX 2 needs five.
  std::size_t max_depth = 64;
  // Elements (packages, files, relationships, ... together).
  std::size_t max_elements = 5'000'000;
  // Problems recorded; later ones are counted in the last message.
  std::size_t max_problems = 1000;
  // Bytes YAML aliases may add: every alias writes its anchored node again,
  // so a 1 MB value aliased a thousand times would be a gigabyte from a
  // 1 MB text. Counted are the text and a fixed cost of every node an
  // alias writes again and every event kept to be written again; the
  // budget is `alias_expansion_factor` times the text's size, but at least
  // `min_alias_expansion` and at most `max_alias_expansion`.
  std::size_t alias_expansion_factor = 4;
  std::size_t min_alias_expansion = std::size_t{64} << 20;
  std::size_t max_alias_expansion = std::size_t{1} << 30;
};

// Reads SPDX 2.x tag-value text (spec clause "Tag/value format"): "Tag:
// value" lines, <text>...</text> values over several lines, '#' comments.
// Element tags (PackageName, FileName, SnippetSPDXID, LicenseID, Annotator,
// Relationship) start a new element; the tags after them fill it in. Fails
// only when a limit is exceeded; everything else becomes a problem. The
// tree's strings are views into `text`: it must outlive the tree.
Result<Spdx2Tree> read_spdx2_tag_value_tree(std::string_view text,
                                            const Spdx2TreeLimits& limits = {});

// Reads SPDX 2.x YAML (the JSON structure in YAML). Plain scalars become
// booleans, null or numbers as YAML 1.2's core schema reads them; quoted
// ones stay strings. Fails with "line L: ..." when the text is not YAML, or
// when a limit is exceeded (aliases that expand the document beyond its
// budget included).
Result<Spdx2Tree> read_spdx2_yaml_tree(std::string_view text, const Spdx2TreeLimits& limits = {});

} // namespace kensa::format
