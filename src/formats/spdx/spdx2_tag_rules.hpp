#pragma once

#include <algorithm>
#include <array>
#include <string_view>

// The SPDX 2 tag-value tags, section by section: each tag's name in the
// spec next to the JSON member it fills and the shape its value has (a
// checksum, an external reference, a range), as the spec's tag-value
// clauses describe them.
namespace kensa::format::tag_value {

enum class Section { document, package, file, snippet, license, review };

// How a tag's value goes into its element.
enum class Shape {
  text,
  // Appended to an array member.
  text_list,
  boolean,
  checksum,
  external_ref,
  external_ref_comment,
  verification_code,
  purpose,
  byte_range,
  line_range,
  external_document_ref,
  // A creationInfo member of the document.
  creation_text,
  creation_list,
};

struct TagRule {
  std::string_view tag;
  std::string_view member;
  Shape shape;
};

inline constexpr std::array k_document_tags{
    TagRule{"SPDXVersion", "spdxVersion", Shape::text},
    TagRule{"DataLicense", "dataLicense", Shape::text},
    TagRule{"SPDXID", "SPDXID", Shape::text},
    TagRule{"DocumentName", "name", Shape::text},
    TagRule{"DocumentNamespace", "documentNamespace", Shape::text},
    TagRule{"DocumentComment", "comment", Shape::text},
    TagRule{"ExternalDocumentRef", "externalDocumentRefs", Shape::external_document_ref},
    TagRule{"LicenseListVersion", "licenseListVersion", Shape::creation_text},
    TagRule{"Creator", "creators", Shape::creation_list},
    TagRule{"Created", "created", Shape::creation_text},
    TagRule{"CreatorComment", "comment", Shape::creation_text},
};

inline constexpr std::array k_package_tags{
    TagRule{"SPDXID", "SPDXID", Shape::text},
    TagRule{"PackageVersion", "versionInfo", Shape::text},
    TagRule{"PackageFileName", "packageFileName", Shape::text},
    TagRule{"PackageSupplier", "supplier", Shape::text},
    TagRule{"PackageOriginator", "originator", Shape::text},
    TagRule{"PackageDownloadLocation", "downloadLocation", Shape::text},
    TagRule{"FilesAnalyzed", "filesAnalyzed", Shape::boolean},
    TagRule{"PackageVerificationCode", "packageVerificationCode", Shape::verification_code},
    TagRule{"PackageChecksum", "checksums", Shape::checksum},
    TagRule{"PackageHomePage", "homepage", Shape::text},
    TagRule{"PackageSourceInfo", "sourceInfo", Shape::text},
    TagRule{"PackageLicenseConcluded", "licenseConcluded", Shape::text},
    TagRule{"PackageLicenseInfoFromFiles", "licenseInfoFromFiles", Shape::text_list},
    TagRule{"PackageLicenseDeclared", "licenseDeclared", Shape::text},
    TagRule{"PackageLicenseComments", "licenseComments", Shape::text},
    TagRule{"PackageCopyrightText", "copyrightText", Shape::text},
    TagRule{"PackageSummary", "summary", Shape::text},
    TagRule{"PackageDescription", "description", Shape::text},
    TagRule{"PackageComment", "comment", Shape::text},
    TagRule{"ExternalRef", "externalRefs", Shape::external_ref},
    TagRule{"ExternalRefComment", "externalRefs", Shape::external_ref_comment},
    TagRule{"PackageAttributionText", "attributionTexts", Shape::text_list},
    TagRule{"PrimaryPackagePurpose", "primaryPackagePurpose", Shape::purpose},
    TagRule{"ReleaseDate", "releaseDate", Shape::text},
    TagRule{"BuiltDate", "builtDate", Shape::text},
    TagRule{"ValidUntilDate", "validUntilDate", Shape::text},
};

inline constexpr std::array k_file_tags{
    TagRule{"SPDXID", "SPDXID", Shape::text},
    TagRule{"FileType", "fileTypes", Shape::text_list},
    TagRule{"FileChecksum", "checksums", Shape::checksum},
    TagRule{"LicenseConcluded", "licenseConcluded", Shape::text},
    TagRule{"LicenseInfoInFile", "licenseInfoInFiles", Shape::text_list},
    TagRule{"LicenseComments", "licenseComments", Shape::text},
    TagRule{"FileCopyrightText", "copyrightText", Shape::text},
    TagRule{"FileComment", "comment", Shape::text},
    TagRule{"FileNotice", "noticeText", Shape::text},
    TagRule{"FileContributor", "fileContributors", Shape::text_list},
    TagRule{"FileAttributionText", "attributionTexts", Shape::text_list},
    TagRule{"FileDependency", "fileDependencies", Shape::text_list},
};

inline constexpr std::array k_snippet_tags{
    TagRule{"SnippetFromFileSPDXID", "snippetFromFile", Shape::text},
    TagRule{"SnippetByteRange", "ranges", Shape::byte_range},
    TagRule{"SnippetLineRange", "ranges", Shape::line_range},
    TagRule{"SnippetLicenseConcluded", "licenseConcluded", Shape::text},
    TagRule{"LicenseInfoInSnippet", "licenseInfoInSnippets", Shape::text_list},
    TagRule{"SnippetLicenseComments", "licenseComments", Shape::text},
    TagRule{"SnippetCopyrightText", "copyrightText", Shape::text},
    TagRule{"SnippetComment", "comment", Shape::text},
    TagRule{"SnippetName", "name", Shape::text},
    TagRule{"SnippetAttributionText", "attributionTexts", Shape::text_list},
};

inline constexpr std::array k_license_tags{
    TagRule{"ExtractedText", "extractedText", Shape::text},
    TagRule{"LicenseName", "name", Shape::text},
    TagRule{"LicenseCrossReference", "seeAlsos", Shape::text_list},
    TagRule{"LicenseComment", "comment", Shape::text},
};

inline constexpr std::array k_review_tags{
    TagRule{"ReviewDate", "reviewDate", Shape::text},
    TagRule{"ReviewComment", "comment", Shape::text},
};

// The rule of `tag` in `rules`, or nullptr.
template <std::size_t N>
const TagRule* find_rule(const std::array<TagRule, N>& rules, std::string_view tag) {
  auto it = std::find_if(rules.begin(), rules.end(),
                         [&](const TagRule& rule) { return rule.tag == tag; });
  return it == rules.end() ? nullptr : &*it;
}

} // namespace kensa::format::tag_value
