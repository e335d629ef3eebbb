// SPDX 2 tag-value text into the SPDX JSON tree (see spdx2_tree.hpp), tag
// by tag as the tables of spdx2_tag_rules.hpp say; a value's shape (a
// checksum, an external reference, a range) is split the way the spec's
// tag-value clauses describe it.
//
// The text is first read into a draft whose strings point into the text
// (annotations and snippet ranges can only be completed once the whole
// document is known, spdx2_tag_value_draft.hpp), then written once into
// the flat json::Document.
#include "../common/utf8_text.hpp"
#include "spdx2_tag_rules.hpp"
#include "spdx2_tag_value_draft.hpp"

#include <kensa/format/spdx2_tree.hpp>
#include <kensa/util/json_builder.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace kensa::format {

namespace {

using namespace tag_value;

// Where an element is: an item of one of the document's arrays, or the
// document itself (an empty array name).
struct ElementRef {
  std::string_view array;
  std::size_t index = 0;
};

// An annotation waits for the end of the document, since the element its
// SPDXREF names may come later.
struct PendingAnnotation {
  DraftValue value = DraftValue::object();
  std::size_t line = 0;
  std::string_view target;
};

class TagValueReader {
 public:
  TagValueReader(const Spdx2TreeLimits& limits) : m_limits(limits) { m_document.line = 1; }

  Status read(std::string_view text) {
    m_text = text;
    note_invalid_utf8(text);
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
        value = text.substr(value_start, close - value_start);
        line_number += static_cast<std::size_t>(std::count(value.begin(), value.end(), '\n'));
        std::size_t after = std::min(text.size(), close + std::string_view("</text>").size());
        std::size_t line_end = text.find('\n', after);
        if (line_end == std::string_view::npos) {
          line_end = text.size();
        }
        if (!trim(text.substr(after, line_end - after)).empty()) {
          problem(line_number, "text after </text> ignored");
        }
        position = line_end + 1;
      }
      if (auto status = tag_line(tag, value, start_line); !status.ok()) {
        return status;
      }
    }
    return ok_status();
  }

  Spdx2Tree finish() && {
    place_annotations();
    complete_snippet_ranges();
    if (m_dropped_problems > 0) {
      m_problems.push_back({0, std::to_string(m_dropped_problems) + " more problems not listed"});
    }
    Spdx2Tree tree;
    json::Builder builder;
    builder.borrow_from(m_text);
    DraftSize size;
    measure_draft(m_document, builder, size);
    builder.reserve(size.nodes, size.items, size.string_bytes);
    tree.node_lines.reserve(size.nodes);
    write_draft(m_document, builder, tree.node_lines);
    m_document = {};
    tree.document = std::move(builder).finish();
    tree.problems = std::move(m_problems);
    return tree;
  }

 private:
  void problem(std::size_t line, std::string message) {
    if (m_problems.size() >= m_limits.max_problems) {
      ++m_dropped_problems;
      return;
    }
    m_problems.push_back({line, std::move(message)});
  }

  // The tree's strings are views into the text, so invalid UTF-8 reaches
  // the model as it is, and a writer puts U+FFFD in its place. Each line
  // that has some is a problem, so that neither `kensa validate` nor
  // `kensa convert` lets it pass unnoticed (JSON with it does not parse).
  void note_invalid_utf8(std::string_view text) {
    std::size_t line = 1;
    std::size_t counted_to = 0;
    std::size_t noted_line = 0;
    for (std::size_t at = common::find_invalid_utf8(text); at != std::string_view::npos;
         at = common::find_invalid_utf8(text, at + 1)) {
      line += static_cast<std::size_t>(
          std::count(text.begin() + static_cast<std::ptrdiff_t>(counted_to),
                     text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
      counted_to = at;
      if (line == noted_line) {
        continue;
      }
      noted_line = line;
      const std::size_t line_start = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
      const std::size_t column = line_start == std::string_view::npos ? at + 1 : at - line_start;
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[at]));
      problem(line, "invalid UTF-8 (byte " + std::string(byte) + " in column " +
                        std::to_string(column) + "); a converted document has U+FFFD in its place");
    }
  }

  Status count_element() {
    if (++m_elements > m_limits.max_elements) {
      return fail("more than " + std::to_string(m_limits.max_elements) + " elements");
    }
    return ok_status();
  }

  DraftValue& element(const ElementRef& where) {
    DraftValue* items = where.array.empty() ? nullptr : m_document.find(where.array);
    if (items == nullptr || where.index >= items->item_count()) {
      return m_document; // Only an empty reference gets here.
    }
    return items->item(where.index);
  }

  // Appends a new object to the document array `array`.
  ElementRef new_element(std::string_view array, std::size_t line) {
    DraftValue* items = m_document.find(array);
    if (items == nullptr) {
      m_document.add(array, DraftValue::array(line));
      items = &m_document.children.back().value;
    } else if (items->kind != DraftValue::Kind::array) {
      *items = DraftValue::array(line);
    }
    items->push_item(DraftValue::object(line));
    // One allocation for the members a package (a dozen or so) or another
    // element (three or four) usually gets.
    items->last_item().children.reserve(array == "packages" ? k_package_members : 4);
    return {array, items->item_count() - 1};
  }

  void set_member(DraftValue& object, std::string_view member, DraftValue value, std::size_t line,
                  std::string_view tag) {
    value.line = static_cast<std::uint32_t>(line);
    if (object.set(member, std::move(value))) {
      problem(line, std::string(tag) + " given twice for one element; the last value is kept");
    }
  }

  void append_member(DraftValue& object, std::string_view member, DraftValue value,
                     std::size_t line) {
    DraftValue* items = object.find(member);
    if (items == nullptr) {
      object.add(member, DraftValue::array(line));
      items = &object.children.back().value;
    } else if (items->kind != DraftValue::Kind::array) {
      *items = DraftValue::array(line);
    }
    value.line = static_cast<std::uint32_t>(line);
    items->push_item(std::move(value));
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
        set_member(element(m_element), "name", DraftValue::of_text(value), line, tag);
      } else if (tag == "FileName") {
        m_section = Section::file;
        m_element = new_element("files", line);
        set_member(element(m_element), "fileName", DraftValue::of_text(value), line, tag);
      } else if (tag == "SnippetSPDXID") {
        m_section = Section::snippet;
        m_element = new_element("snippets", line);
        set_member(element(m_element), "SPDXID", DraftValue::of_text(value), line, tag);
      } else if (tag == "LicenseID") {
        m_section = Section::license;
        m_element = new_element("hasExtractedLicensingInfos", line);
        set_member(element(m_element), "licenseId", DraftValue::of_text(value), line, tag);
      } else {
        m_section = Section::review;
        m_element = new_element("revieweds", line);
        set_member(element(m_element), "reviewer", DraftValue::of_text(value), line, tag);
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
      DraftValue& relationship = element(*m_relationship);
      set_member(relationship, "spdxElementId", DraftValue::of_text(words[0]), line, tag);
      set_member(relationship, "relationshipType", DraftValue::of_text(words[1]), line, tag);
      set_member(relationship, "relatedSpdxElement", DraftValue::of_text(words[2]), line, tag);
      return ok_status();
    }
    if (tag == "RelationshipComment") {
      if (!m_relationship) {
        problem(line, "RelationshipComment before any Relationship");
      } else {
        set_member(element(*m_relationship), "comment", DraftValue::of_text(value), line, tag);
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
        m_annotations[*m_annotation].target = value;
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
    ElementRef where = m_element;
    if (rule == nullptr && (m_section == Section::document || tag != "SPDXID")) {
      // Document information may come after the first element too.
      rule = find_rule(k_document_tags, tag);
      where = {};
    }
    if (rule == nullptr) {
      problem(line, "unknown tag " + std::string(tag) + " (or not valid in this section)");
      return ok_status();
    }
    apply(*rule, element(where), value, line);
    return ok_status();
  }

  void annotation_member(std::string_view member, std::string_view value, std::size_t line) {
    m_annotations[*m_annotation].value.set(member, DraftValue::of_text(value, line));
  }

  void apply(const TagRule& rule, DraftValue& target, std::string_view value, std::size_t line) {
    switch (rule.shape) {
    case Shape::text:
      set_member(target, rule.member, DraftValue::of_text(value), line, rule.tag);
      break;
    case Shape::text_list:
      append_member(target, rule.member, DraftValue::of_text(value), line);
      break;
    case Shape::boolean:
      if (value == "true" || value == "false") {
        set_member(target, rule.member, DraftValue::of_boolean(value == "true", line), line,
                   rule.tag);
      } else {
        // Kept as text, so that schema validation names the bad value.
        set_member(target, rule.member, DraftValue::of_text(value), line, rule.tag);
      }
      break;
    case Shape::checksum:
      apply_checksum(rule, target, value, line);
      break;
    case Shape::external_ref:
      apply_external_ref(rule, target, value, line);
      break;
    case Shape::external_ref_comment:
      apply_external_ref_comment(target, value, line);
      break;
    case Shape::verification_code:
      set_member(target, rule.member, verification_code_of(value), line, rule.tag);
      break;
    case Shape::purpose: {
      std::string& purpose = m_owned.emplace_back(value);
      std::replace(purpose.begin(), purpose.end(), '-', '_');
      set_member(target, rule.member, DraftValue::of_text(purpose), line, rule.tag);
      break;
    }
    case Shape::byte_range:
    case Shape::line_range:
      apply_range(rule, target, value, line);
      break;
    case Shape::external_document_ref:
      apply_external_document_ref(rule, target, value, line);
      break;
    case Shape::creation_text:
    case Shape::creation_list:
      apply_creation_info(rule, value, line);
      break;
    }
  }

  void apply_checksum(const TagRule& rule, DraftValue& target, std::string_view value,
                      std::size_t line) {
    bool ok = false;
    DraftValue checksum = checksum_of(value, ok);
    if (ok) {
      append_member(target, rule.member, std::move(checksum), line);
    } else {
      problem(line, std::string(rule.tag) + " needs \"ALGORITHM: value\"");
    }
  }

  void apply_external_ref(const TagRule& rule, DraftValue& target, std::string_view value,
                          std::size_t line) {
    auto words = split_words(value, 3);
    if (words.size() != 3) {
      problem(line, "ExternalRef needs \"CATEGORY type locator\"");
      return;
    }
    // Tag-value spells the category with '-', JSON with '_' in 2.3.
    DraftValue reference = DraftValue::object();
    reference.children.reserve(4);
    reference.add("referenceCategory", DraftValue::of_text(words[0]));
    reference.add("referenceType", DraftValue::of_text(words[1]));
    reference.add("referenceLocator", DraftValue::of_text(words[2]));
    append_member(target, rule.member, std::move(reference), line);
  }

  void apply_external_ref_comment(DraftValue& target, std::string_view value, std::size_t line) {
    DraftValue* references = target.find("externalRefs");
    if (references == nullptr || references->item_count() == 0) {
      problem(line, "ExternalRefComment before any ExternalRef");
      return;
    }
    references->last_item().set("comment", DraftValue::of_text(value, line));
  }

  void apply_range(const TagRule& rule, DraftValue& target, std::string_view value,
                   std::size_t line) {
    auto colon = value.find(':');
    auto from = parse_number(value.substr(0, colon));
    auto to =
        colon == std::string_view::npos ? std::nullopt : parse_number(value.substr(colon + 1));
    if (!from || !to) {
      problem(line, std::string(rule.tag) + " needs \"start:end\"");
      return;
    }
    std::string_view key = rule.shape == Shape::byte_range ? "offset" : "lineNumber";
    // The reference is the snippet's file, filled in when the document
    // ends (SnippetFromFileSPDXID may come later).
    DraftValue range = DraftValue::object();
    DraftValue start = DraftValue::object();
    start.add(key, DraftValue::of_number(value.substr(0, colon)));
    DraftValue end = DraftValue::object();
    end.add(key, DraftValue::of_number(value.substr(colon + 1)));
    range.add("startPointer", std::move(start));
    range.add("endPointer", std::move(end));
    append_member(target, rule.member, std::move(range), line);
  }

  void apply_external_document_ref(const TagRule& rule, DraftValue& target, std::string_view value,
                                   std::size_t line) {
    auto words = split_words(value, 3);
    bool ok = false;
    DraftValue checksum = words.size() == 3 ? checksum_of(words[2], ok) : DraftValue::object();
    if (!ok) {
      problem(line, "ExternalDocumentRef needs \"DocumentRef-id uri ALGORITHM: value\"");
      return;
    }
    DraftValue reference = DraftValue::object();
    reference.add("externalDocumentId", DraftValue::of_text(words[0]));
    reference.add("spdxDocument", DraftValue::of_text(words[1]));
    reference.add("checksum", std::move(checksum));
    append_member(target, rule.member, std::move(reference), line);
  }

  // Always the document's creationInfo, whatever element is open.
  void apply_creation_info(const TagRule& rule, std::string_view value, std::size_t line) {
    DraftValue* info = m_document.find("creationInfo");
    if (info == nullptr) {
      m_document.add("creationInfo", DraftValue::object(line));
      info = &m_document.children.back().value;
    } else if (info->kind != DraftValue::Kind::object) {
      *info = DraftValue::object(line);
    }
    if (rule.shape == Shape::creation_text) {
      set_member(*info, rule.member, DraftValue::of_text(value), line, rule.tag);
    } else {
      append_member(*info, rule.member, DraftValue::of_text(value), line);
    }
  }

  // Puts each annotation into the element its SPDXREF names.
  void place_annotations() {
    std::unordered_map<std::string_view, ElementRef> element_of;
    for (std::string_view array : {"packages", "files", "snippets"}) {
      const DraftValue* items = m_document.find(array);
      if (items == nullptr) {
        continue;
      }
      for (std::size_t i = 0; i < items->item_count(); ++i) {
        const DraftValue* id = items->item(i).find("SPDXID");
        if (id != nullptr && id->kind == DraftValue::Kind::text) {
          element_of.emplace(id->text, ElementRef{array, i});
        }
      }
    }
    const DraftValue* document_id = m_document.find("SPDXID");
    for (auto& annotation : m_annotations) {
      ElementRef where;
      if (auto it = element_of.find(annotation.target); it != element_of.end()) {
        where = it->second;
      } else if (annotation.target.empty()) {
        problem(annotation.line, "annotation without SPDXREF; kept as a document annotation");
      } else if (document_id == nullptr || annotation.target != document_id->text) {
        problem(annotation.line, "annotation of " + std::string(annotation.target) +
                                     ", which is not in the document; kept as a document "
                                     "annotation");
      }
      append_member(element(where), "annotations", std::move(annotation.value), annotation.line);
      // `document_id` may have moved with the document's members.
      document_id = m_document.find("SPDXID");
    }
    m_annotations.clear();
  }

  // A snippet range's pointers name the snippet's file.
  void complete_snippet_ranges() {
    DraftValue* snippets = m_document.find("snippets");
    if (snippets == nullptr) {
      return;
    }
    for (std::size_t i = 0; i < snippets->item_count(); ++i) {
      DraftValue& snippet = snippets->item(i);
      DraftValue* ranges = snippet.find("ranges");
      const DraftValue* file = snippet.find("snippetFromFile");
      if (ranges == nullptr || file == nullptr) {
        continue;
      }
      DraftValue reference = *file;
      reference.line = 0;
      for (std::size_t r = 0; r < ranges->item_count(); ++r) {
        DraftValue& range = ranges->item(r);
        for (std::string_view end : {"startPointer", "endPointer"}) {
          if (DraftValue* pointer = range.find(end)) {
            pointer->add("reference", reference);
          }
        }
      }
    }
  }

  const Spdx2TreeLimits& m_limits;
  // What is being read: the tree keeps views into it.
  std::string_view m_text;
  DraftValue m_document;
  std::vector<Spdx2TreeProblem> m_problems;
  // Values the reader had to change (a purpose spelled with '-').
  std::deque<std::string> m_owned;
  Section m_section = Section::document;
  ElementRef m_element;
  std::optional<ElementRef> m_relationship;
  std::vector<PendingAnnotation> m_annotations;
  std::optional<std::size_t> m_annotation;
  std::size_t m_elements = 0;
  std::size_t m_dropped_problems = 0;
};

} // namespace

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
