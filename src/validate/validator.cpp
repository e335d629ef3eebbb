#include "finding_sink.hpp"
#include "profiles/profile_check.hpp"
#include "semantic/semantic_rules.hpp"

#include <kensa/format/cyclonedx_xml_tree.hpp>
#include <kensa/format/spdx2_tree.hpp>
#include <kensa/format/writer.hpp>
#include <kensa/util/two_halves.hpp>
#include <kensa/validate/bundled_schemas.hpp>
#include <kensa/validate/validator.hpp>
#include <kensa/validate/xml_schema.hpp>

#include <algorithm>

namespace kensa::validate {

namespace {

// Documents are read into kensa's flat tree (util/json_document.hpp): a
// 100 MB SBOM parses and frees in well under a second. The trees the SPDX
// text and CycloneDX XML readers build with nlohmann are copied into one.
using Json = kensa::json::Value;
using format::DetectedFormat;
using format::DocumentEncoding;
using format::DocumentFamily;

void add_schema_findings(const SchemaValidation& result, FindingSink& sink) {
  for (const auto& finding : result.findings) {
    const Severity severity =
        finding.kind == SchemaFindingKind::unsupported ? Severity::info : Severity::error;
    std::string rule = finding.kind == SchemaFindingKind::limit ? "SCHEMA-LIMIT" : "SCHEMA";
    sink.add(Finding{
        severity, std::move(rule), finding.instance_location, finding.line, finding.message,
        finding.keyword_location.empty() ? std::string()
                                         : "the schema rule is " + finding.keyword_location});
  }
  if (result.truncated) {
    sink.add(Severity::info, "SCHEMA-LIMIT", "",
             "more schema findings were found than are reported");
  }
}

// The version the parsed document states, when --format named none: the
// detector stops at the first key that decides the family, and --format
// skips it altogether.
std::string stated_version(const DetectedFormat& kind, const Json& document) {
  if (!document.is_object()) {
    return {};
  }
  if (kind.family == DocumentFamily::cyclonedx) {
    return std::string(document["specVersion"].string());
  }
  if (format::is_spdx3(kind)) {
    // "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", alone or in a list.
    const Json context = document["@context"];
    for (const Json entry : context.is_array() ? context : Json()) {
      if (auto version = format::spdx3_context_version(entry.string())) {
        return *version;
      }
    }
    return format::spdx3_context_version(context.string()).value_or(std::string());
  }
  std::string text(document["spdxVersion"].string());
  return text.starts_with("SPDX-") ? text.substr(5) : text;
}

// The bundled schema's version for a document's: SPDX 3.0 is 3.0.1, the
// only SPDX 3.0 published.
std::string schema_version(const DetectedFormat& kind) {
  if (format::is_spdx3(kind) && (kind.spec_version == "3.0" || kind.spec_version == "3.0.0")) {
    return "3.0.1";
  }
  return kind.spec_version;
}

void check_json_schema(const DetectedFormat& kind, const Json& document, FindingSink& sink) {
  Result<CompiledSchema> schema = kind.family == DocumentFamily::cyclonedx
                                      ? cyclonedx_json_schema(kind.spec_version)
                                      : spdx_json_schema(schema_version(kind));
  if (!schema) {
    sink.add(Severity::error, "FORMAT-VERSION",
             kind.family == DocumentFamily::cyclonedx
                 ? "/specVersion"
                 : (format::is_spdx3(kind) ? "/@context" : "/spdxVersion"),
             format::format_label(kind) + ": version '" + kind.spec_version +
                 "' is not one kensa knows",
             "use a published version: CycloneDX 1.2 to 1.7, SPDX 2.2, 2.3 or 3.0.1");
    return;
  }
  add_schema_findings(schema->validate(document), sink);
}

// Semantic rules and profiles on a document's JSON tree.
void check_rules_and_profiles(DocumentReport& report, const Json& document,
                              const ValidationOptions& options, FindingSink& sink) {
  const DetectedFormat& kind = *report.kind;
  profiles::DocumentFacts facts;
  if (kind.family == DocumentFamily::cyclonedx) {
    semantic::check_cyclonedx(document, kind.spec_version, sink);
    if (!options.profiles.empty()) {
      facts = profiles::cyclonedx_facts(document);
    }
  } else if (format::is_spdx3(kind)) {
    semantic::check_spdx3(document, sink);
    if (!options.profiles.empty()) {
      facts = profiles::spdx3_facts(document);
    }
  } else {
    semantic::check_spdx2(document, sink);
    if (!options.profiles.empty()) {
      facts = profiles::spdx2_facts(document);
    }
  }
  for (const auto& id : options.profiles) {
    const auto profile = resolve_profile(id);
    if (profile) {
      report.profiles.push_back(profiles::check_profile(*profile->profile, kind, facts, sink));
    }
  }
}

// Schema, semantic rules and profiles on a document's JSON tree. The schema
// and the rules read the same immutable tree, so they run side by side on
// two threads; their findings are joined in the same order as if they had
// run one after the other.
void check_tree(DocumentReport& report, const Json& document, const ValidationOptions& options,
                FindingSink& sink) {
  FindingSink schema_sink(sink.capacity());
  FindingSink rules_sink(sink.capacity());
  const DetectedFormat kind = *report.kind;
  run_side_by_side([&] { check_rules_and_profiles(report, document, options, rules_sink); },
                   [&] { check_json_schema(kind, document, schema_sink); });
  sink.append(std::move(schema_sink));
  sink.append(std::move(rules_sink));
}

void check_json(DocumentReport& report, std::string_view text, const ValidationOptions& options,
                FindingSink& sink) {
  auto parsed = kensa::json::Document::parse_borrowed(text, options.json_limits);
  if (!parsed) {
    sink.add(Severity::error, "JSON-SYNTAX", "",
             "the document is not well-formed JSON: " + parsed.error());
    return;
  }
  if (parsed->byte_order_mark()) {
    sink.add(Severity::warning, "JSON-BYTE-ORDER-MARK", "",
             "the document starts with a UTF-8 byte order mark, which JSON text must not have "
             "(RFC 8259, section 8.1); it was ignored, but other readers may reject the document",
             "save the document without the byte order mark");
  }
  for (const auto& duplicate : parsed->duplicates()) {
    sink.add(Severity::warning, "JSON-DUPLICATE-KEY", duplicate.pointer,
             "the member is given more than once in its object; readers disagree on which "
             "value counts",
             "keep one of the values");
  }
  const Json document = parsed->root();
  if (report.kind->spec_version.empty()) {
    report.kind->spec_version = stated_version(*report.kind, document);
  }
  check_tree(report, document, options, sink);
}

// SPDX 2 tag-value and YAML: read into the tree the JSON form would have
// (format/spdx2_tree.hpp), so that the same schema, rules and profiles
// apply; every finding gets the line of the element it points at.
void check_spdx2_text(DocumentReport& report, std::string_view text,
                      const ValidationOptions& options, FindingSink& sink) {
  const bool yaml = report.kind->encoding == DocumentEncoding::yaml;
  format::Spdx2TreeLimits limits;
  limits.max_bytes = options.max_document_size;
  auto tree = yaml ? format::read_spdx2_yaml_tree(text, limits)
                   : format::read_spdx2_tag_value_tree(text, limits);
  if (!tree) {
    sink.add(Severity::error, yaml ? "YAML-SYNTAX" : "TAG-VALUE-SYNTAX", "",
             std::string("the document cannot be read: ") + tree.error());
    return;
  }
  for (const auto& problem : tree->problems) {
    sink.add(Finding{Severity::error,
                     yaml ? "YAML-SYNTAX" : "TAG-VALUE-SYNTAX",
                     "",
                     problem.line,
                     problem.message,
                     {}});
  }
  const auto& document = tree->document;
  if (report.kind->spec_version.empty()) {
    report.kind->spec_version = stated_version(*report.kind, document.root());
  }
  const std::size_t first = sink.findings().size();
  check_tree(report, document.root(), options, sink);
  for (std::size_t i = first; i < sink.findings().size(); ++i) {
    Finding& finding = sink.findings()[i];
    if (finding.line == 0) {
      finding.line = tree->line_of(finding.location);
    }
  }
}

// CycloneDX XML: the XSD is the schema layer; the rules and profiles then
// run on the JSON form of the same BOM (format/cyclonedx_xml_tree.hpp), so
// their locations are JSON pointers into that form (/components/2 is the
// third <component> of <components>).
void check_xml(DocumentReport& report, std::string_view text, const ValidationOptions& options,
               FindingSink& sink) {
  const DetectedFormat& kind = *report.kind;
  const auto schema = cyclonedx_xml_schema(kind.spec_version);
  if (!schema) {
    sink.add(Severity::error, "FORMAT-VERSION", "",
             "cyclonedx-xml version '" + kind.spec_version + "' is not one kensa knows",
             "use the namespace http://cyclonedx.org/schema/bom/1.6 (or another published "
             "version)");
    return;
  }
  add_schema_findings(schema->validate(text), sink);
  auto tree = format::cyclonedx_xml_tree(text, report.path);
  if (!tree) {
    return; // Not well-formed: the schema layer said so with its line.
  }
  check_rules_and_profiles(report, tree->root(), options, sink);
}

} // namespace

std::size_t DocumentReport::count(Severity severity) const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [&](const Finding& finding) { return finding.severity == severity; }));
}

DocumentReport validate_document(std::string path, std::string_view text,
                                 const ValidationOptions& options) {
  DocumentReport report;
  report.path = std::move(path);
  if (text.size() > options.max_document_size) {
    report.read_error = "the document is " + std::to_string(text.size()) +
                        " bytes, more than the limit of " +
                        std::to_string(options.max_document_size);
    return report;
  }
  if (options.kind) {
    report.kind = options.kind;
  } else {
    const DetectedFormat detected = format::detect_format(text);
    if (format::format_of(detected) == nullptr) {
      report.read_error = format::unrecognised_reason(detected, text);
      return report;
    }
    report.kind = detected;
  }
  FindingSink sink(options.max_findings);
  switch (report.kind->encoding) {
  case DocumentEncoding::json:
  case DocumentEncoding::json_ld:
    check_json(report, text, options, sink);
    break;
  case DocumentEncoding::xml:
    check_xml(report, text, options, sink);
    break;
  case DocumentEncoding::tag_value:
  case DocumentEncoding::yaml:
    check_spdx2_text(report, text, options, sink);
    break;
  case DocumentEncoding::rdf_xml:
  case DocumentEncoding::unknown:
    report.read_error = format::unrecognised_reason(*report.kind, text);
    return report;
  }
  report.findings = std::move(sink.findings());
  report.dropped_findings = sink.dropped();
  return report;
}

} // namespace kensa::validate
