#include "../common/text_output.hpp"
#include "../common/tree_writer.hpp"
#include "spdx2_writers.hpp"
#include "spdx_ids.hpp"
#include "to_spdx2.hpp"

#include <kensa/util/text_sink.hpp>

namespace kensa::format::spdx {

namespace {

using common::TreeWriter;

void write_checksums(TreeWriter& out, const std::vector<Spdx2Checksum>& checksums) {
  if (checksums.empty()) {
    return;
  }
  out.key("checksums");
  out.begin_array();
  for (const auto& checksum : checksums) {
    out.begin_object();
    out.member("algorithm", checksum.algorithm);
    out.member("checksumValue", checksum.value);
    out.end_object();
  }
  out.end_array();
}

void write_annotations(TreeWriter& out, const std::vector<Spdx2Annotation>& annotations) {
  if (annotations.empty()) {
    return;
  }
  out.key("annotations");
  out.begin_array();
  for (const auto& annotation : annotations) {
    out.begin_object();
    out.member("annotationDate", annotation.date);
    out.member("annotationType", annotation.type);
    out.member("annotator", annotation.annotator);
    out.member("comment", annotation.comment);
    out.end_object();
  }
  out.end_array();
}

void write_package(TreeWriter& out, const Spdx2Package& package) {
  out.begin_object();
  out.member("name", package.name);
  out.member("SPDXID", package.spdx_id);
  out.optional_member("versionInfo", package.version_info);
  out.optional_member("packageFileName", package.package_file_name);
  out.optional_member("supplier", package.supplier);
  out.optional_member("originator", package.originator);
  out.member("downloadLocation", package.download_location);
  if (package.files_analyzed) {
    out.boolean_member("filesAnalyzed", *package.files_analyzed);
  }
  if (!package.verification_code.empty()) {
    out.key("packageVerificationCode");
    out.begin_object();
    out.member("packageVerificationCodeValue", package.verification_code);
    out.end_object();
  }
  write_checksums(out, package.checksums);
  out.optional_member("homepage", package.homepage);
  out.optional_member("sourceInfo", package.source_info);
  out.optional_member("licenseConcluded", package.license_concluded);
  out.optional_member("licenseDeclared", package.license_declared);
  out.optional_string_array("licenseInfoFromFiles", package.license_info_from_files);
  out.optional_member("licenseComments", package.license_comments);
  out.optional_member("copyrightText", package.copyright_text);
  out.optional_member("summary", package.summary);
  out.optional_member("description", package.description);
  out.optional_member("comment", package.comment);
  if (!package.external_refs.empty()) {
    out.key("externalRefs");
    out.begin_array();
    for (const auto& reference : package.external_refs) {
      out.begin_object();
      out.member("referenceCategory", reference.category);
      out.member("referenceType", reference.type);
      out.member("referenceLocator", reference.locator);
      out.optional_member("comment", reference.comment);
      out.end_object();
    }
    out.end_array();
  }
  out.optional_member("primaryPackagePurpose", package.primary_purpose);
  write_annotations(out, package.annotations);
  out.end_object();
}

void write_tree(TreeWriter& out, const Spdx2Document& document) {
  out.begin_object();
  out.member("spdxVersion", "SPDX-" + document.version);
  out.member("dataLicense", document.data_license);
  out.member("SPDXID", document.spdx_id);
  out.member("name", document.name);
  out.member("documentNamespace", document.document_namespace);
  out.optional_member("comment", document.comment);
  out.key("creationInfo");
  out.begin_object();
  out.member("created", document.created);
  out.optional_string_array("creators", document.creators);
  out.optional_member("licenseListVersion", document.license_list_version);
  out.optional_member("comment", document.creator_comment);
  out.end_object();
  write_annotations(out, document.annotations);
  out.key("packages");
  out.begin_array();
  common::write_items(out, document.packages, [](common::TreeWriter& into, const auto& package) {
    write_package(into, package);
  });
  out.end_array();
  if (!document.files.empty()) {
    out.key("files");
    out.begin_array();
    for (const auto& file : document.files) {
      out.begin_object();
      out.member("fileName", file.file_name);
      out.member("SPDXID", file.spdx_id);
      write_checksums(out, file.checksums);
      out.optional_member("licenseConcluded", file.license_concluded);
      out.optional_string_array("licenseInfoInFiles", file.license_info_in_files);
      out.optional_member("copyrightText", file.copyright_text);
      out.optional_member("comment", file.comment);
      write_annotations(out, file.annotations);
      out.end_object();
    }
    out.end_array();
  }
  if (!document.extracted_licenses.empty()) {
    out.key("hasExtractedLicensingInfos");
    out.begin_array();
    for (const auto& license : document.extracted_licenses) {
      out.begin_object();
      out.member("licenseId", license.license_id);
      out.member("extractedText", license.extracted_text);
      out.optional_member("name", license.name);
      out.optional_string_array("seeAlsos", license.see_alsos);
      out.optional_member("comment", license.comment);
      out.end_object();
    }
    out.end_array();
  }
  out.key("relationships");
  out.begin_array();
  common::write_items(out, document.relationships,
                      [](common::TreeWriter& into, const auto& relationship) {
                        into.begin_object();
                        into.member("spdxElementId", relationship.element);
                        into.member("relationshipType", relationship.type);
                        into.member("relatedSpdxElement", relationship.related);
                        into.optional_member("comment", relationship.comment);
                        into.end_object();
                      });
  out.end_array();
  out.end_object();
  out.finish();
}

// The document as SPDX JSON or YAML (the same tree) into `out`, its
// namespace hash filled in.
void render(const Spdx2Document& document, bool yaml, std::ostream& out) {
  util::TextSink buffer;
  {
    auto writer = yaml ? common::make_yaml_writer(buffer) : common::make_json_writer(buffer);
    write_tree(*writer, document);
  }
  fill_namespace_hash(buffer.pieces());
  common::put_text(out, buffer);
}

} // namespace

void write_json(const model::Document& document, std::string_view version, std::ostream& out,
                LossReport& losses) {
  render(to_spdx2(document, version, losses), false, out);
}

void write_yaml(const model::Document& document, std::string_view version, std::ostream& out,
                LossReport& losses) {
  render(to_spdx2(document, version, losses), true, out);
}

} // namespace kensa::format::spdx
