// SPDX 2 tag-value text into the SPDX JSON tree (see spdx2_tree.hpp). The
// tag tables below are the spec's tag names next to the JSON member each
// fills; a value's shape (a checksum, an external reference, a range) is
// split the way the spec's tag-value clauses describe it.
#include <kensa/format/spdx2_tree.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace kensa::format {

namespace {

using Json = nlohmann::json;

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

constexpr std::array k_document_tags{
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

constexpr std::array k_package_tags{
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

constexpr std::array k_file_tags{
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

constexpr std::array k_snippet_tags{
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

constexpr std::array k_license_tags{
    TagRule{"ExtractedText", "extractedText", Shape::text},
    TagRule{"LicenseName", "name", Shape::text},
    TagRule{"LicenseCrossReference", "seeAlsos", Shape::text_list},
    TagRule{"LicenseComment", "comment", Shape::text},
};

constexpr std::array k_review_tags{
    TagRule{"ReviewDate", "reviewDate", Shape::text},
    TagRule{"ReviewComment", "comment", Shape::text},
};

template <std::size_t N>
const TagRule* find_rule(const std::array<TagRule, N>& rules, std::string_view tag) {
  auto it = std::find_if(rules.begin(), rules.end(),
                         [&](const TagRule& rule) { return rule.tag == tag; });
  return it == rules.end() ? nullptr : &*it;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// Splits at runs of white space, at most `parts` pieces (the last keeps the
// rest of the text).
std::vector<std::string> split_words(std::string_view text, std::size_t parts) {
  std::vector<std::string> words;
  text = trim(text);
  while (!text.empty()) {
    if (words.size() + 1 == parts) {
      words.emplace_back(text);
      break;
    }
    auto end = text.find_first_of(" \t");
    words.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) {
      break;
    }
    text = trim(text.substr(end));
  }
  return words;
}

std::optional<Json> parse_checksum(std::string_view value) {
  auto colon = value.find(':');
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  return Json{{"algorithm", std::string(trim(value.substr(0, colon)))},
              {"checksumValue", std::string(trim(value.substr(colon + 1)))}};
}

std::optional<long long> parse_number(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 18) {
    return std::nullopt;
  }
  long long number = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    number = number * 10 + (c - '0');
  }
  return number;
}

// An annotation waits for the end of the document, since the element its
// SPDXREF names may come later.
struct PendingAnnotation {
  Json value = Json::object();
  std::map<std::string, std::size_t> member_lines;
  std::size_t line = 0;
  std::string target;
};

class TagValueReader {
 public:
  TagValueReader(const Spdx2TreeLimits& limits) : m_limits(limits) {
    m_tree.document = Json::object();
    m_tree.lines[""] = 1;
  }

  Status read(std::string_view text) {
    std::size_t line_number = 0;
    std::size_t position = 0;
    while (position < text.size()) {
      std::size_t end = text.find('\n', position);
      if (end == std::string_view::npos) {
        end = text.size();
      }
      ++line_number;
      std::string_view line = trim(text.substr(position, end - position));
      position = end + 1;
      if (line.empty() || line.front() == '#') {
        continue;
      }
      auto colon = line.find(':');
      if (colon == std::string_view::npos) {
        problem(line_number, "not a \"Tag: value\" line");
        continue;
      }
      std::string_view tag = trim(line.substr(0, colon));
      std::string_view value = trim(line.substr(colon + 1));
      std::string owned;
      std::size_t start_line = line_number;
      if (value.rfind("<text>", 0) == 0) {
        // Multi-line text runs to the first </text>, wherever it is.
        std::size_t value_start = static_cast<std::size_t>(value.data() - text.data()) +
                                  std::string_view("<text>").size();
        std::size_t close = text.find("</text>", value_start);
        if (close == std::string_view::npos) {
          problem(line_number, "<text> without </text>; the value runs to the end of the file");
          close = text.size();
        }
        owned = std::string(text.substr(value_start, close - value_start));
        line_number += static_cast<std::size_t>(std::count(owned.begin(), owned.end(), '\n'));
        std::size_t after = std::min(text.size(), close + std::string_view("</text>").size());
        std::size_t line_end = text.find('\n', after);
        if (line_end == std::string_view::npos) {
          line_end = text.size();
        }
        if (!trim(text.substr(after, line_end - after)).empty()) {
          problem(line_number, "text after </text> ignored");
        }
        position = line_end + 1;
        value = owned;
      }
      if (auto status = tag_line(tag, value, start_line); !status.ok()) {
        return status;
      }
    }
    return ok_status();
  }

  Spdx2Tree finish() && {
    place_annotations();
    if (m_dropped_problems > 0) {
      m_tree.problems.push_back(
          {0, std::to_string(m_dropped_problems) + " more problems not listed"});
    }
    return std::move(m_tree);
  }

 private:
  void problem(std::size_t line, std::string message) {
    if (m_tree.problems.size() >= m_limits.max_problems) {
      ++m_dropped_problems;
      return;
    }
    m_tree.problems.push_back({line, std::move(message)});
  }

  Status count_element() {
    if (++m_elements > m_limits.max_elements) {
      return fail("more than " + std::to_string(m_limits.max_elements) + " elements");
    }
    return ok_status();
  }

  // Appends a new object to the document array `array`; returns its pointer.
  std::string new_element(std::string_view array, std::size_t line) {
    auto& items = m_tree.document[std::string(array)];
    if (!items.is_array()) {
      items = Json::array();
      m_tree.lines["/" + std::string(array)] = line;
    }
    items.push_back(Json::object());
    std::string pointer = "/" + std::string(array) + "/" + std::to_string(items.size() - 1);
    m_tree.lines[pointer] = line;
    return pointer;
  }

  Json& at(const std::string& pointer) { return m_tree.document[Json::json_pointer(pointer)]; }

  void set_member(const std::string& element, std::string_view member, Json value, std::size_t line,
                  std::string_view tag) {
    Json& object = at(element);
    std::string name(member);
    if (object.contains(name)) {
      problem(line, std::string(tag) + " given twice for one element; the last value is kept");
    }
    object[name] = std::move(value);
    m_tree.lines[element + "/" + name] = line;
  }

  void append_member(const std::string& element, std::string_view member, Json value,
                     std::size_t line) {
    Json& object = at(element);
    std::string name(member);
    Json& items = object[name];
    if (!items.is_array()) {
      items = Json::array();
      m_tree.lines[element + "/" + name] = line;
    }
    items.push_back(std::move(value));
    m_tree.lines[element + "/" + name + "/" + std::to_string(items.size() - 1)] = line;
  }

  Status tag_line(std::string_view tag, std::string_view value, std::size_t line) {
    // Tags that start an element.
    if (tag == "PackageName" || tag == "FileName" || tag == "SnippetSPDXID" || tag == "LicenseID" ||
        tag == "Reviewer") {
      if (auto status = count_element(); !status.ok()) {
        return status;
      }
      m_annotation.reset();
      if (tag == "PackageName") {
        m_section = Section::package;
        m_element = new_element("packages", line);
        set_member(m_element, "name", std::string(value), line, tag);
      } else if (tag == "FileName") {
        m_section = Section::file;
        m_element = new_element("files", line);
        set_member(m_element, "fileName", std::string(value), line, tag);
      } else if (tag == "SnippetSPDXID") {
        m_section = Section::snippet;
        m_element = new_element("snippets", line);
        set_member(m_element, "SPDXID", std::string(value), line, tag);
      } else if (tag == "LicenseID") {
        m_section = Section::license;
        m_element = new_element("hasExtractedLicensingInfos", line);
        set_member(m_element, "licenseId", std::string(value), line, tag);
      } else {
        m_section = Section::review;
        m_element = new_element("revieweds", line);
        set_member(m_element, "reviewer", std::string(value), line, tag);
      }
      return ok_status();
    }
    if (tag == "Relationship") {
      if (auto status = count_element(); !status.ok()) {
        return status;
      }
      auto words = split_words(value, 3);
      if (words.size() != 3) {
        problem(line, "Relationship needs \"element TYPE related-element\"");
        return ok_status();
      }
      m_relationship = new_element("relationships", line);
      set_member(m_relationship, "spdxElementId", words[0], line, tag);
      set_member(m_relationship, "relationshipType", words[1], line, tag);
      set_member(m_relationship, "relatedSpdxElement", words[2], line, tag);
      return ok_status();
    }
    if (tag == "RelationshipComment") {
      if (m_relationship.empty()) {
        problem(line, "RelationshipComment before any Relationship");
      } else {
        set_member(m_relationship, "comment", std::string(value), line, tag);
      }
      return ok_status();
    }
    if (tag == "Annotator") {
      if (auto status = count_element(); !status.ok()) {
        return status;
      }
      m_annotations.emplace_back();
      m_annotation = m_annotations.size() - 1;
      m_annotations.back().line = line;
      annotation_member("annotator", value, line);
      return ok_status();
    }
    if (m_annotation && (tag == "AnnotationDate" || tag == "AnnotationType" || tag == "SPDXREF" ||
                         tag == "AnnotationComment")) {
      if (tag == "SPDXREF") {
        m_annotations[*m_annotation].target = std::string(value);
      } else {
        annotation_member(tag == "AnnotationDate"   ? "annotationDate"
                          : tag == "AnnotationType" ? "annotationType"
                                                    : "comment",
                          value, line);
      }
      return ok_status();
    }
    if (tag == "AnnotationDate" || tag == "AnnotationType" || tag == "SPDXREF" ||
        tag == "AnnotationComment") {
      problem(line, std::string(tag) + " before any Annotator");
      return ok_status();
    }

    const TagRule* rule = nullptr;
    switch (m_section) {
    case Section::package:
      rule = find_rule(k_package_tags, tag);
      break;
    case Section::file:
      rule = find_rule(k_file_tags, tag);
      break;
    case Section::snippet:
      rule = find_rule(k_snippet_tags, tag);
      break;
    case Section::license:
      rule = find_rule(k_license_tags, tag);
      break;
    case Section::review:
      rule = find_rule(k_review_tags, tag);
      break;
    case Section::document:
      break;
    }
    std::string element = m_element;
    if (rule == nullptr && (m_section == Section::document || tag != "SPDXID")) {
      // Document information may come after the first element too.
      rule = find_rule(k_document_tags, tag);
      element = "";
    }
    if (rule == nullptr) {
      problem(line, "unknown tag " + std::string(tag) + " (or not valid in this section)");
      return ok_status();
    }
    apply(*rule, element, value, line);
    return ok_status();
  }

  void annotation_member(std::string_view member, std::string_view value, std::size_t line) {
    auto& annotation = m_annotations[*m_annotation];
    annotation.value[std::string(member)] = std::string(value);
    annotation.member_lines[std::string(member)] = line;
  }

  void apply(const TagRule& rule, const std::string& element, std::string_view value,
             std::size_t line) {
    std::string text(value);
    switch (rule.shape) {
    case Shape::text:
      set_member(element, rule.member, text, line, rule.tag);
      break;
    case Shape::text_list:
      append_member(element, rule.member, text, line);
      break;
    case Shape::boolean:
      if (text == "true" || text == "false") {
        set_member(element, rule.member, text == "true", line, rule.tag);
      } else {
        // Kept as text, so that schema validation names the bad value.
        set_member(element, rule.member, text, line, rule.tag);
      }
      break;
    case Shape::checksum:
      if (auto checksum = parse_checksum(value)) {
        append_member(element, rule.member, std::move(*checksum), line);
      } else {
        problem(line, std::string(rule.tag) + " needs \"ALGORITHM: value\"");
      }
      break;
    case Shape::external_ref: {
      auto words = split_words(value, 3);
      if (words.size() != 3) {
        problem(line, "ExternalRef needs \"CATEGORY type locator\"");
        break;
      }
      // Tag-value spells the category with '-', JSON with '_' in 2.3.
      append_member(element, rule.member,
                    Json{{"referenceCategory", words[0]},
                         {"referenceType", words[1]},
                         {"referenceLocator", words[2]}},
                    line);
      break;
    }
    case Shape::external_ref_comment: {
      Json& object = at(element);
      if (!object.contains("externalRefs") || object["externalRefs"].empty()) {
        problem(line, "ExternalRefComment before any ExternalRef");
        break;
      }
      auto index = object["externalRefs"].size() - 1;
      object["externalRefs"][index]["comment"] = text;
      m_tree.lines[element + "/externalRefs/" + std::to_string(index) + "/comment"] = line;
      break;
    }
    case Shape::verification_code: {
      Json code = Json::object();
      auto open = value.find('(');
      code["packageVerificationCodeValue"] = std::string(trim(value.substr(0, open)));
      if (open != std::string_view::npos) {
        std::string_view inside = value.substr(open + 1);
        inside = inside.substr(0, inside.rfind(')'));
        auto colon = inside.find(':');
        std::string_view files =
            trim(colon == std::string_view::npos ? inside : inside.substr(colon + 1));
        Json excluded = Json::array();
        for (auto& word : split_words(files, 1000)) {
          if (!word.empty() && word.back() == ',') {
            word.pop_back();
          }
          excluded.push_back(word);
        }
        code["packageVerificationCodeExcludedFiles"] = std::move(excluded);
      }
      set_member(element, rule.member, std::move(code), line, rule.tag);
      break;
    }
    case Shape::purpose:
      std::replace(text.begin(), text.end(), '-', '_');
      set_member(element, rule.member, text, line, rule.tag);
      break;
    case Shape::byte_range:
    case Shape::line_range: {
      auto colon = value.find(':');
      auto from = parse_number(value.substr(0, colon));
      auto to =
          colon == std::string_view::npos ? std::nullopt : parse_number(value.substr(colon + 1));
      if (!from || !to) {
        problem(line, std::string(rule.tag) + " needs \"start:end\"");
        break;
      }
      std::string_view key = rule.shape == Shape::byte_range ? "offset" : "lineNumber";
      // The reference is the snippet's file, filled in when the document
      // ends (SnippetFromFileSPDXID may come later).
      append_member(element, rule.member,
                    Json{{"startPointer", {{std::string(key), *from}}},
                         {"endPointer", {{std::string(key), *to}}}},
                    line);
      break;
    }
    case Shape::external_document_ref: {
      auto words = split_words(value, 3);
      auto checksum = words.size() == 3 ? parse_checksum(words[2]) : std::nullopt;
      if (!checksum) {
        problem(line, "ExternalDocumentRef needs \"DocumentRef-id uri ALGORITHM: value\"");
        break;
      }
      append_member(element, rule.member,
                    Json{{"externalDocumentId", words[0]},
                         {"spdxDocument", words[1]},
                         {"checksum", std::move(*checksum)}},
                    line);
      break;
    }
    case Shape::creation_text:
    case Shape::creation_list: {
      Json& info = m_tree.document["creationInfo"];
      if (!info.is_object()) {
        info = Json::object();
        m_tree.lines["/creationInfo"] = line;
      }
      if (rule.shape == Shape::creation_text) {
        set_member("/creationInfo", rule.member, text, line, rule.tag);
      } else {
        append_member("/creationInfo", rule.member, text, line);
      }
      break;
    }
    }
  }

  // Puts each annotation into the element its SPDXREF names, and fills the
  // file reference of snippet ranges.
  void place_annotations() {
    std::map<std::string, std::string> element_of;
    for (std::string_view array : {"packages", "files", "snippets"}) {
      auto found = m_tree.document.find(std::string(array));
      if (found == m_tree.document.end() || !found->is_array()) {
        continue;
      }
      for (std::size_t i = 0; i < found->size(); ++i) {
        const Json& item = (*found)[i];
        if (item.contains("SPDXID") && item["SPDXID"].is_string()) {
          element_of.emplace(item["SPDXID"].get<std::string>(),
                             "/" + std::string(array) + "/" + std::to_string(i));
        }
      }
    }
    for (auto& annotation : m_annotations) {
      std::string element;
      if (auto it = element_of.find(annotation.target); it != element_of.end()) {
        element = it->second;
      } else if (annotation.target.empty()) {
        problem(annotation.line, "annotation without SPDXREF; kept as a document annotation");
      } else if (annotation.target != m_tree.document.value("SPDXID", "")) {
        problem(annotation.line, "annotation of " + annotation.target +
                                     ", which is not in the document; kept as a document "
                                     "annotation");
      }
      append_member(element, "annotations", annotation.value, annotation.line);
      std::string pointer =
          element + "/annotations/" + std::to_string(at(element)["annotations"].size() - 1);
      for (const auto& [member, member_line] : annotation.member_lines) {
        m_tree.lines[pointer + "/" + member] = member_line;
      }
    }
    auto snippets = m_tree.document.find("snippets");
    if (snippets != m_tree.document.end()) {
      for (auto& snippet : *snippets) {
        if (!snippet.contains("ranges") || !snippet.contains("snippetFromFile")) {
          continue;
        }
        for (auto& range : snippet["ranges"]) {
          range["startPointer"]["reference"] = snippet["snippetFromFile"];
          range["endPointer"]["reference"] = snippet["snippetFromFile"];
        }
      }
    }
  }

  const Spdx2TreeLimits& m_limits;
  Spdx2Tree m_tree;
  Section m_section = Section::document;
  std::string m_element;
  std::string m_relationship;
  std::vector<PendingAnnotation> m_annotations;
  std::optional<std::size_t> m_annotation;
  std::size_t m_elements = 0;
  std::size_t m_dropped_problems = 0;
};

} // namespace

std::size_t Spdx2Tree::line_of(std::string_view pointer) const {
  std::string at(pointer);
  while (true) {
    if (auto it = lines.find(at); it != lines.end()) {
      return it->second;
    }
    if (at.empty()) {
      return 0;
    }
    at.erase(at.rfind('/'));
  }
}

Result<Spdx2Tree> read_spdx2_tag_value_tree(std::string_view text, const Spdx2TreeLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return fail("larger than " + std::to_string(limits.max_bytes) + " bytes");
  }
  TagValueReader reader(limits);
  if (auto status = reader.read(text); !status.ok()) {
    return fail(status.error());
  }
  return std::move(reader).finish();
}

} // namespace kensa::format
