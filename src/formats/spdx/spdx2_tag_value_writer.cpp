#include "../common/text_output.hpp"
#include "../common/tree_writer.hpp"
#include "spdx2_writers.hpp"
#include "spdx_ids.hpp"
#include "to_spdx2.hpp"

namespace kensa::format::spdx {

namespace {

class TagValueWriter {
 public:
  explicit TagValueWriter(std::string& out) : m_out(out) {}

  // A single-line field: a line break would end the value early, so any
  // becomes a space.
  void line(std::string_view tag, std::string_view value) {
    m_out += tag;
    m_out += ": ";
    std::string valid;
    common::append_valid_utf8(valid, value);
    for (char c : valid) {
      m_out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    m_out += '\n';
  }

  void optional_line(std::string_view tag, std::string_view value) {
    if (!value.empty()) {
      line(tag, value);
    }
  }

  // A field that may span lines: wrapped in <text>...</text> when it does,
  // or when surrounding white space would otherwise be lost.
  void text(std::string_view tag, std::string_view value) {
    if (value.empty()) {
      return;
    }
    bool wrap = value.find_first_of("\r\n") != std::string_view::npos || value.front() == ' ' ||
                value.back() == ' ' || value.starts_with("<text>");
    if (!wrap) {
      line(tag, value);
      return;
    }
    std::string valid;
    common::append_valid_utf8(valid, value);
    // The format has no escape for its closing tag.
    for (auto at = valid.find("</text>"); at != std::string::npos; at = valid.find("</text>", at)) {
      valid.replace(at, 7, "</ text>");
    }
    m_out += tag;
    m_out += ": <text>";
    m_out += valid;
    m_out += "</text>\n";
  }

  void comment(std::string_view text) {
    m_out += "\n## ";
    m_out += text;
    m_out += '\n';
  }

  void annotations(const std::vector<Spdx2Annotation>& annotations, std::string_view spdx_id) {
    for (const auto& annotation : annotations) {
      line("Annotator", annotation.annotator);
      line("AnnotationDate", annotation.date);
      line("AnnotationType", annotation.type);
      line("SPDXREF", spdx_id);
      text("AnnotationComment", annotation.comment);
    }
  }

  void checksums(std::string_view tag, const std::vector<Spdx2Checksum>& checksums) {
    for (const auto& checksum : checksums) {
      line(tag, checksum.algorithm + ": " + checksum.value);
    }
  }

 private:
  std::string& m_out;
};

std::string tag_value_purpose(std::string_view purpose) {
  // The tag-value spelling has a hyphen where JSON has an underscore.
  return purpose == "OPERATING_SYSTEM" ? "OPERATING-SYSTEM" : std::string(purpose);
}

} // namespace

std::string spdx2_tag_value_text(const Spdx2Document& document) {
  std::string text;
  TagValueWriter out(text);
  out.line("SPDXVersion", "SPDX-" + document.version);
  out.line("DataLicense", document.data_license);
  out.line("SPDXID", document.spdx_id);
  out.line("DocumentName", document.name);
  out.line("DocumentNamespace", document.document_namespace);
  out.text("DocumentComment", document.comment);
  out.comment("Creation Information");
  for (const auto& creator : document.creators) {
    out.line("Creator", creator);
  }
  out.line("Created", document.created);
  out.text("CreatorComment", document.creator_comment);
  out.optional_line("LicenseListVersion", document.license_list_version);
  out.annotations(document.annotations, document.spdx_id);

  // Files come first: in tag-value a file placed after a package belongs to
  // it, and ownership is stated by CONTAINS relationships instead.
  for (const auto& file : document.files) {
    out.comment("File");
    out.line("FileName", file.file_name);
    out.line("SPDXID", file.spdx_id);
    out.checksums("FileChecksum", file.checksums);
    out.optional_line("LicenseConcluded", file.license_concluded);
    for (const auto& license : file.license_info_in_files) {
      out.line("LicenseInfoInFile", license);
    }
    out.text("FileCopyrightText", file.copyright_text);
    out.text("FileComment", file.comment);
    out.annotations(file.annotations, file.spdx_id);
  }

  for (const auto& package : document.packages) {
    out.comment("Package");
    out.line("PackageName", package.name);
    out.line("SPDXID", package.spdx_id);
    out.optional_line("PackageVersion", package.version_info);
    out.optional_line("PackageFileName", package.package_file_name);
    out.optional_line("PackageSupplier", package.supplier);
    out.optional_line("PackageOriginator", package.originator);
    out.line("PackageDownloadLocation", package.download_location);
    if (package.files_analyzed) {
      out.line("FilesAnalyzed", *package.files_analyzed ? "true" : "false");
    }
    out.optional_line("PackageVerificationCode", package.verification_code);
    out.checksums("PackageChecksum", package.checksums);
    out.optional_line("PackageHomePage", package.homepage);
    out.text("PackageSourceInfo", package.source_info);
    out.optional_line("PackageLicenseConcluded", package.license_concluded);
    for (const auto& license : package.license_info_from_files) {
      out.line("PackageLicenseInfoFromFiles", license);
    }
    out.optional_line("PackageLicenseDeclared", package.license_declared);
    out.text("PackageLicenseComments", package.license_comments);
    out.text("PackageCopyrightText", package.copyright_text);
    out.text("PackageSummary", package.summary);
    out.text("PackageDescription", package.description);
    out.text("PackageComment", package.comment);
    for (const auto& reference : package.external_refs) {
      out.line("ExternalRef", reference.category + " " + reference.type + " " + reference.locator);
      out.text("ExternalRefComment", reference.comment);
    }
    if (!package.primary_purpose.empty()) {
      out.line("PrimaryPackagePurpose", tag_value_purpose(package.primary_purpose));
    }
    out.annotations(package.annotations, package.spdx_id);
  }

  if (!document.extracted_licenses.empty()) {
    out.comment("Licenses not on the SPDX License List");
    for (const auto& license : document.extracted_licenses) {
      out.line("LicenseID", license.license_id);
      // ExtractedText is always wrapped: license texts are prose.
      text += "ExtractedText: <text>";
      std::string valid;
      common::append_valid_utf8(valid, license.extracted_text);
      for (auto at = valid.find("</text>"); at != std::string::npos;
           at = valid.find("</text>", at)) {
        valid.replace(at, 7, "</ text>");
      }
      text += valid;
      text += "</text>\n";
      out.optional_line("LicenseName", license.name);
      for (const auto& see_also : license.see_alsos) {
        out.line("LicenseCrossReference", see_also);
      }
      out.text("LicenseComment", license.comment);
    }
  }

  out.comment("Relationships");
  for (const auto& relationship : document.relationships) {
    out.line("Relationship",
             relationship.element + " " + relationship.type + " " + relationship.related);
    out.text("RelationshipComment", relationship.comment);
  }
  fill_namespace_hash(text);
  return text;
}

void write_tag_value(const model::Document& document, std::string_view version, std::ostream& out,
                     LossReport& losses) {
  common::put_text(out, spdx2_tag_value_text(to_spdx2(document, version, losses)));
}

} // namespace kensa::format::spdx
