// Reading any supported SBOM: detect the format, parse the text into its
// JSON shape, and hand it to the family's mapping into the model.
#include "cyclonedx/from_cyclonedx.hpp"
#include "kensa_json/kensa_json_reader.hpp"
#include "spdx/from_spdx2.hpp"
#include "spdx/from_spdx3.hpp"

#include <kensa/format/cyclonedx_xml_tree.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/format/spdx2_tree.hpp>

#include <nlohmann/json.hpp>

namespace kensa::format {

namespace {

using Json = nlohmann::json;

// nlohmann parses arrays and objects without recursion but destroys them
// recursively, so depth is checked before a tree is built.
bool nests_deeper_than(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) {
        return true;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

Result<Json> parse_json(std::string_view content, std::string_view source_name) {
  constexpr std::size_t k_max_json_depth = 512;
  if (nests_deeper_than(content, k_max_json_depth)) {
    return fail(std::string(source_name) + ": JSON nested deeper than " +
                std::to_string(k_max_json_depth));
  }
  try {
    return Json::parse(content);
  } catch (const Json::parse_error& error) {
    return fail(std::string(source_name) + ": not valid JSON: " + error.what());
  }
}

} // namespace

Result<ReadDocument> read_document(std::string_view content, std::string_view source_name,
                                   const ReadLimits& limits) {
  if (content.size() > limits.max_bytes) {
    return fail(std::string(source_name) + ": larger than " + std::to_string(limits.max_bytes) +
                " bytes");
  }
  ReadDocument read;
  read.format = detect_format(content);
  Result<model::Document> document = fail("");
  switch (read.format.encoding) {
  case DocumentEncoding::json:
  case DocumentEncoding::json_ld: {
    auto json = parse_json(content, source_name);
    if (!json.ok()) {
      return fail(json.error());
    }
    if (read.format.family == DocumentFamily::cyclonedx) {
      document = cyclonedx::from_cyclonedx(*json, source_name, limits, read.losses);
    } else if (read.format.family == DocumentFamily::spdx &&
               read.format.encoding == DocumentEncoding::json_ld) {
      document = spdx::from_spdx3(*json, source_name, limits, read.losses);
    } else if (read.format.family == DocumentFamily::spdx) {
      document = spdx::from_spdx2(*json, source_name, limits, read.losses);
    } else if (kensa_json::is_kensa_json(*json)) {
      document = kensa_json::from_kensa_json(*json, source_name, limits, read.losses);
    } else {
      return fail(std::string(source_name) + ": JSON, but neither CycloneDX, SPDX nor kensa-json");
    }
    break;
  }
  case DocumentEncoding::xml: {
    if (read.format.family != DocumentFamily::cyclonedx) {
      return fail(std::string(source_name) + ": XML, but not CycloneDX");
    }
    auto json = cyclonedx_xml_tree(content, source_name);
    if (!json.ok()) {
      return fail(json.error());
    }
    document = cyclonedx::from_cyclonedx(*json, source_name, limits, read.losses);
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
    document = spdx::from_spdx2(tree->document, source_name, limits, read.losses);
    if (document.ok()) {
      for (const auto& problem : tree->problems) {
        document->diagnostics.push_back(
            {model::Severity::warning, std::string(source_name),
             "line " + std::to_string(problem.line) + ": " + problem.message});
      }
    }
    break;
  }
  case DocumentEncoding::rdf_xml:
    return fail(std::string(source_name) + ": SPDX RDF/XML is not a format kensa reads");
  case DocumentEncoding::unknown:
    return fail(std::string(source_name) +
                ": not a CycloneDX, SPDX or kensa-json document kensa recognises");
  }
  if (!document.ok()) {
    return fail(std::string(source_name) + ": " + document.error());
  }
  read.document = std::move(*document);
  return read;
}

} // namespace kensa::format
