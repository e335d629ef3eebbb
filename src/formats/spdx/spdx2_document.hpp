#pragma once

#include <optional>
#include <string>
#include <vector>

// SPDX 2.2 and 2.3 as their serializations see them: the model mapped onto
// SPDX fields (to_spdx2), or what a reader found in a document (from_spdx2
// maps it back). The JSON, YAML and tag-value writers and readers only
// translate between this and text.
namespace kensa::format::spdx {

struct Spdx2Checksum {
  // SPDX spelling: "SHA256", "SHA3-256", "BLAKE2b-256".
  std::string algorithm;
  std::string value;
};

struct Spdx2ExternalRef {
  // "PACKAGE-MANAGER", "SECURITY", "PERSISTENT-ID" or "OTHER".
  std::string category;
  std::string type;
  std::string locator;
  std::string comment;
};

struct Spdx2Annotation {
  std::string annotator;
  std::string date;
  std::string type;
  std::string comment;
};

struct Spdx2Package {
  std::string spdx_id;
  std::string name;
  std::string version_info;
  std::string package_file_name;
  std::string supplier;
  std::string originator;
  std::string download_location = "NOASSERTION";
  // Empty when the document left it out (which SPDX 2.x reads as true).
  std::optional<bool> files_analyzed;
  std::string verification_code;
  std::vector<Spdx2Checksum> checksums;
  std::string homepage;
  std::string source_info;
  std::string license_concluded;
  std::string license_declared;
  std::vector<std::string> license_info_from_files;
  std::string license_comments;
  std::string copyright_text;
  std::string summary;
  std::string description;
  std::string comment;
  std::vector<Spdx2ExternalRef> external_refs;
  // 2.3 only; JSON spelling ("OPERATING_SYSTEM").
  std::string primary_purpose;
  std::vector<Spdx2Annotation> annotations;
};

struct Spdx2File {
  std::string spdx_id;
  std::string file_name;
  std::vector<Spdx2Checksum> checksums;
  std::string license_concluded;
  std::vector<std::string> license_info_in_files;
  std::string copyright_text;
  std::string comment;
  std::vector<Spdx2Annotation> annotations;
};

struct Spdx2Relationship {
  std::string element;
  std::string type;
  std::string related;
  std::string comment;
};

struct Spdx2ExtractedLicense {
  std::string license_id;
  std::string extracted_text;
  std::string name;
  std::vector<std::string> see_alsos;
  std::string comment;
};

struct Spdx2Document {
  // "2.2" or "2.3".
  std::string version;
  std::string data_license = "CC0-1.0";
  std::string spdx_id = "SPDXRef-DOCUMENT";
  std::string name;
  std::string document_namespace;
  std::string comment;
  std::vector<std::string> creators;
  std::string created;
  std::string creator_comment;
  std::string license_list_version;
  // JSON's shorthand for DESCRIBES relationships; readers fold it in.
  std::vector<std::string> document_describes;
  std::vector<Spdx2Package> packages;
  std::vector<Spdx2File> files;
  std::vector<Spdx2Relationship> relationships;
  std::vector<Spdx2ExtractedLicense> extracted_licenses;
  std::vector<Spdx2Annotation> annotations;
  // What a reader saw but the structure above does not hold (snippets,
  // external document references, ...), counted per kind.
  std::vector<std::pair<std::string, std::size_t>> skipped;
};

} // namespace kensa::format::spdx
