// Reading any supported SBOM: detect the format, read the text into its
// JSON shape (a kensa::json document, which the XML and SPDX text readers
// build in the shape the JSON encoding has), and hand it to the family's
// mapping into the model.
#include "cyclonedx/from_cyclonedx.hpp"
#include "kensa_json/kensa_json_reader.hpp"
#include "spdx/from_spdx2.hpp"
#include "spdx/from_spdx3.hpp"

#include <kensa/format/cyclonedx_xml_tree.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/format/spdx2_tree.hpp>
#include <kensa/util/json_document.hpp>

#include <iterator>
#include <string>
#include <vector>

namespace kensa::format {

namespace {

// Deeper nesting than any real SBOM has; the parser refuses it before
// building anything.
constexpr std::size_t k_max_json_depth = 512;

Result<json::Document> parse_json(std::string_view content, std::string_view source_name) {
  json::ParseLimits parse_limits;
  parse_limits.max_depth = k_max_json_depth;
  // Strings point into `content`, which outlives the mapping into the model.
  auto parsed = json::Document::parse_borrowed(content, parse_limits);
  if (!parsed) {
    return fail(std::string(source_name) + ": not valid JSON: " + parsed.error());
  }
  return parsed;
}

// The parser skips a byte order mark before JSON; the writer of the
// document should not have put it there (RFC 8259, section 8.1).
model::Diagnostic byte_order_mark_note(std::string_view source_name) {
  return {model::Severity::warning, std::string(source_name),
          "starts with a UTF-8 byte order mark, which JSON text must not have; it was ignored"};
}

// Reads `content`; `owned`, when given, holds it and is released as soon
// as the mapping is done. Every tree below lives in its own case block, so
// it is gone too when the graph is finished at the end.
Result<ReadDocument> read_text(std::string_view content, util::InputText* owned,
                               std::string_view source_name, const ReadLimits& limits) {
  if (content.size() > limits.max_bytes) {
    return fail(std::string(source_name) + ": larger than " + std::to_string(limits.max_bytes) +
                " bytes");
  }
  ReadDocument read;
  read.format = detect_format(content);
  Result<MappedDocument> mapped = fail("");
  // Problems of the text (tag-value or YAML problems, a byte order mark
  // before JSON), listed after the graph's own.
  std::vector<model::Diagnostic> text_problems;
  switch (read.format.encoding) {
  case DocumentEncoding::json:
  case DocumentEncoding::json_ld: {
    auto parsed = parse_json(content, source_name);
    if (!parsed.ok()) {
      return fail(parsed.error());
    }
    if (parsed->byte_order_mark()) {
      text_problems.push_back(byte_order_mark_note(source_name));
    }
    const json::Value json = parsed->root();
    if (read.format.family == DocumentFamily::cyclonedx) {
      mapped = cyclonedx::from_cyclonedx(json, source_name, limits, read.losses);
    } else if (read.format.family == DocumentFamily::spdx &&
               read.format.encoding == DocumentEncoding::json_ld) {
      mapped = spdx::from_spdx3(json, source_name, limits, read.losses);
    } else if (read.format.family == DocumentFamily::spdx) {
      mapped = spdx::from_spdx2(json, source_name, limits, read.losses);
    } else if (kensa_json::is_kensa_json(json)) {
      // Already a document: kensa-json is the model as it is.
      auto document = kensa_json::from_kensa_json(json, source_name, limits, read.losses);
      if (!document.ok()) {
        return fail(std::string(source_name) + ": " + document.error());
      }
      read.document = std::move(*document);
      read.document.diagnostics.insert(read.document.diagnostics.end(),
                                       std::make_move_iterator(text_problems.begin()),
                                       std::make_move_iterator(text_problems.end()));
      return read;
    } else {
      return fail(std::string(source_name) + ": JSON, but neither CycloneDX, SPDX nor kensa-json");
    }
    break;
  }
  case DocumentEncoding::xml: {
    if (read.format.family != DocumentFamily::cyclonedx) {
      return fail(std::string(source_name) + ": XML, but not CycloneDX");
    }
    // A text handed over is parsed where it is, and freed once its tree is
    // built (the tree holds copies).
    std::string* in_place = owned != nullptr ? owned->string() : nullptr;
    auto shape = in_place != nullptr ? cyclonedx_xml_tree_in_place(*in_place, source_name)
                                     : cyclonedx_xml_tree(content, source_name);
    if (!shape.ok()) {
      return fail(shape.error());
    }
    if (owned != nullptr) {
      owned->release();
    }
    mapped = cyclonedx::from_cyclonedx(shape->root(), source_name, limits, read.losses);
    break;
  }
  case DocumentEncoding::yaml:
  case DocumentEncoding::tag_value: {
    Spdx2TreeLimits tree_limits;
    tree_limits.max_bytes = limits.max_bytes;
    auto tree = read.format.encoding == DocumentEncoding::yaml
                    ? read_spdx2_yaml_tree(content, tree_limits)
                    : read_spdx2_tag_value_tree(content, tree_limits);
    if (!tree.ok()) {
      return fail(std::string(source_name) + ": " + tree.error());
    }
    mapped = spdx::from_spdx2(tree->document.root(), source_name, limits, read.losses);
    for (const auto& problem : tree->problems) {
      text_problems.push_back({model::Severity::warning, std::string(source_name),
                               "line " + std::to_string(problem.line) + ": " + problem.message});
    }
    break;
  }
  case DocumentEncoding::rdf_xml:
    return fail(std::string(source_name) + ": SPDX RDF/XML is not a format kensa reads");
  case DocumentEncoding::unknown:
    return fail(std::string(source_name) +
                ": not a CycloneDX, SPDX or kensa-json document kensa recognises");
  }
  if (!mapped.ok()) {
    return fail(std::string(source_name) + ": " + mapped.error());
  }
  if (owned != nullptr) {
    owned->release();
  }
  read.document = std::move(mapped->graph).finish(std::move(mapped->metadata));
  read.document.diagnostics.insert(read.document.diagnostics.end(),
                                   std::make_move_iterator(text_problems.begin()),
                                   std::make_move_iterator(text_problems.end()));
  return read;
}

} // namespace

Result<ReadDocument> read_document(std::string_view content, std::string_view source_name,
                                   const ReadLimits& limits) {
  return read_text(content, nullptr, source_name, limits);
}

Result<ReadDocument> read_document_consuming(util::InputText content, std::string_view source_name,
                                             const ReadLimits& limits) {
  auto read = read_text(content.view(), &content, source_name, limits);
  // Whatever was made of a file that changed while it was read (zeros
  // where its end was, bytes written after the parser checked them) is
  // not what the file says.
  if (content.changed()) {
    return fail(std::string(source_name) + ": " + std::string(k_changed_while_read_message));
  }
  return read;
}

} // namespace kensa::format
