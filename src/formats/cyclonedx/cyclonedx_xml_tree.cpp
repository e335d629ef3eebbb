// CycloneDX XML into the JSON shape of the same BOM, written straight into a
// json::Document as the elements are visited (see cyclonedx_xml_tree.hpp).
// pugixml reads the text into a compact tree several times faster than a
// libxml2 DOM (docs/dependencies.md); libxml2 stays the XSD validator.
#include "../common/xml_text.hpp"

#include <kensa/format/cyclonedx_xml_tree.hpp>
#include <kensa/util/json_builder.hpp>

#include <algorithm>
#include <new>
#include <pugixml.hpp>
#include <string>

namespace kensa::format::cyclonedx {

namespace {

// Nested components deeper than this make the read fail; real BOMs nest a
// handful of levels.
constexpr std::size_t k_max_component_nesting = 128;

// Element and attribute names without a namespace prefix ("bom:component"
// is "component"), as a namespace-aware parser reports them.
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view trim_xml_space(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) {
    return {};
  }
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

std::size_t line_at(std::string_view text, std::ptrdiff_t offset) {
  const auto end = static_cast<std::size_t>(
      std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text.size())));
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) {
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_element && local_name(child) == name) {
      return child;
    }
  }
  return {};
}

// Element children of `node`, in order.
template <typename Visit>
void each_child(const pugi::xml_node& node, Visit visit) {
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_element) {
      visit(child);
    }
  }
}

class BomShape {
 public:
  // `text` is what pugixml parsed, for the line of an error.
  BomShape(json::Builder& out, std::string_view text) : m_out(out), m_text(text) {}

  const std::string& error() const { return m_error; }

  void bom(const pugi::xml_node& root) {
    m_out.begin_object();
    m_out.key("bomFormat");
    m_out.string("CycloneDX");
    attribute_member(root, "serialNumber", "serialNumber");
    each_child(root, [&](const pugi::xml_node& child) {
      const std::string_view name = local_name(child);
      if (name == "metadata") {
        m_out.key("metadata");
        metadata(child);
      } else if (name == "components") {
        m_out.key("components");
        components(child, 0);
      } else if (name == "dependencies") {
        m_out.key("dependencies");
        objects_of_children(child, [&](const pugi::xml_node& dependency) {
          m_out.key("ref");
          m_out.string(attribute(dependency, "ref"));
          m_out.key("dependsOn");
          ref_attributes(dependency, "dependency");
          if (child_named(dependency, "provides")) {
            m_out.key("provides");
            ref_attributes(dependency, "provides");
          }
        });
      } else if (name == "compositions") {
        m_out.key("compositions");
        objects_of_children(child, [&](const pugi::xml_node& composition) {
          attribute_member(composition, "bom-ref", "bom-ref");
          text_member(composition, "aggregate", "aggregate");
          for (const char* list : {"assemblies", "dependencies", "vulnerabilities"}) {
            if (const pugi::xml_node refs = child_named(composition, list)) {
              m_out.key(list);
              m_out.begin_array();
              each_child(refs, [&](const pugi::xml_node& entry) {
                m_out.string(attribute(entry, "ref"));
              });
              m_out.end();
            }
          }
        });
      } else if (name == "services") {
        m_out.key("services");
        services(child, 0);
      } else if (name == "vulnerabilities") {
        m_out.key("vulnerabilities");
        vulnerabilities(child);
      } else if (name == "annotations") {
        m_out.key("annotations");
        annotations(child);
      } else if (name == "formulation") {
        m_out.key(name);
        empty_objects(child);
      } else if (name == "declarations" || name == "definitions") {
        m_out.key(name);
        m_out.begin_object();
        m_out.end();
      }
    });
    m_out.end();
  }

 private:
  void string_of(const pugi::xml_node& node) { m_out.string(content(node)); }

  // The first problem of the document, with the line of `node`; the shape
  // goes on being written (and is thrown away).
  void problem(const pugi::xml_node& node, const std::string& what) {
    if (m_error.empty()) {
      m_error = "line " + std::to_string(line_at(m_text, node.offset_debug())) +
                ": not well-formed XML: " + what;
    }
  }

  // Raw text from pugixml, references decoded (see common/xml_text.hpp).
  std::string_view decoded(const pugi::xml_node& node, std::string_view raw, std::string& scratch) {
    auto text = common::decode_xml_text(raw, scratch);
    if (!text.ok()) {
      problem(node, text.error());
      return {};
    }
    return *text;
  }

  std::string_view attribute(const pugi::xml_node& node, const char* name) {
    return decoded(node, node.attribute(name).value(), m_attribute);
  }

  // One piece of an element's text: character data decoded, a CDATA
  // section as it is.
  std::string_view piece(const pugi::xml_node& node, std::string& scratch) {
    if (node.type() == pugi::node_cdata) {
      if (auto checked = common::check_xml_characters(node.value()); !checked.ok()) {
        problem(node, checked.error());
        return {};
      }
      return node.value();
    }
    return decoded(node, node.value(), scratch);
  }

  // The text inside an element, trimmed at both ends as readers of the
  // JSON form expect (the schema collapses white space in most fields).
  // Text split by comments, CDATA sections or child elements is joined, as
  // XPath's string() joins it.
  std::string_view content(const pugi::xml_node& node) {
    const pugi::xml_node first = node.first_child();
    if (!first) {
      return {};
    }
    if (!first.next_sibling() &&
        (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata)) {
      return trim_xml_space(piece(first, m_piece));
    }
    m_joined.clear();
    // Iterative walk of the descendants, in document order.
    pugi::xml_node current = first;
    while (current && current != node) {
      if (current.type() == pugi::node_pcdata || current.type() == pugi::node_cdata) {
        m_joined += piece(current, m_piece);
      }
      if (current.first_child()) {
        current = current.first_child();
        continue;
      }
      while (current != node && !current.next_sibling()) {
        current = current.parent();
      }
      if (current != node) {
        current = current.next_sibling();
      }
    }
    return trim_xml_space(m_joined);
  }

  // `key` with the text of the first `child` element, when there is one.
  void text_member(const pugi::xml_node& node, std::string_view child, std::string_view key) {
    if (const pugi::xml_node found = child_named(node, child)) {
      m_out.key(key);
      string_of(found);
    }
  }

  // `key` with the attribute's value, when it is not empty.
  void attribute_member(const pugi::xml_node& node, const char* name, std::string_view key) {
    const std::string_view value = attribute(node, name);
    if (!value.empty()) {
      m_out.key(key);
      m_out.string(value);
    }
  }

  // An array of one object per element child of `node`; `fill` writes
  // each object's members.
  template <typename Fill>
  void objects_of_children(const pugi::xml_node& node, Fill fill) {
    m_out.begin_array();
    each_child(node, [&](const pugi::xml_node& child) {
      m_out.begin_object();
      fill(child);
      m_out.end();
    });
    m_out.end();
  }

  // Present and counted, not read.
  void empty_objects(const pugi::xml_node& node) {
    objects_of_children(node, [](const pugi::xml_node&) {});
  }

  // The "ref" attributes of `node`'s children called `name`, as an array.
  void ref_attributes(const pugi::xml_node& node, std::string_view name) {
    m_out.begin_array();
    each_child(node, [&](const pugi::xml_node& child) {
      if (local_name(child) == name) {
        m_out.string(attribute(child, "ref"));
      }
    });
    m_out.end();
  }

  // Services: what references and bom-ref rules need (their bom-ref, name
  // and nested services); the rest of a service is not read.
  void services(const pugi::xml_node& node, std::size_t nesting) {
    named_children(node, "service", [&](const pugi::xml_node& service) {
      m_out.begin_object();
      if (nesting > k_max_component_nesting) {
        m_error = "services nested deeper than " + std::to_string(k_max_component_nesting);
        m_out.end();
        return;
      }
      attribute_member(service, "bom-ref", "bom-ref");
      for (const char* name : {"group", "name", "version"}) {
        text_member(service, name, name);
      }
      if (const pugi::xml_node nested = child_named(service, "services")) {
        m_out.key("services");
        services(nested, nesting + 1);
      }
      m_out.end();
    });
  }

  // Vulnerabilities: their bom-ref and the refs they affect.
  void vulnerabilities(const pugi::xml_node& node) {
    named_children(node, "vulnerability", [&](const pugi::xml_node& vulnerability) {
      m_out.begin_object();
      attribute_member(vulnerability, "bom-ref", "bom-ref");
      text_member(vulnerability, "id", "id");
      if (const pugi::xml_node affects = child_named(vulnerability, "affects")) {
        m_out.key("affects");
        named_children(affects, "target", [&](const pugi::xml_node& target) {
          m_out.begin_object();
          text_member(target, "ref", "ref");
          m_out.end();
        });
      }
      m_out.end();
    });
  }

  // Annotations: their bom-ref, subjects and the bom-ref of the annotator.
  void annotations(const pugi::xml_node& node) {
    named_children(node, "annotation", [&](const pugi::xml_node& annotation) {
      m_out.begin_object();
      attribute_member(annotation, "bom-ref", "bom-ref");
      if (child_named(annotation, "subjects")) {
        m_out.key("subjects");
        ref_attributes(child_named(annotation, "subjects"), "subject");
      }
      if (const pugi::xml_node annotator = child_named(annotation, "annotator")) {
        m_out.key("annotator");
        m_out.begin_object();
        each_child(annotator, [&](const pugi::xml_node& who) {
          m_out.key(local_name(who));
          m_out.begin_object();
          attribute_member(who, "bom-ref", "bom-ref");
          text_member(who, "name", "name");
          m_out.end();
        });
        m_out.end();
      }
      m_out.end();
    });
  }

  void texts(const pugi::xml_node& node) {
    m_out.begin_array();
    each_child(node, [&](const pugi::xml_node& item) { string_of(item); });
    m_out.end();
  }

  void properties(const pugi::xml_node& node) {
    objects_of_children(node, [&](const pugi::xml_node& property) {
      m_out.key("name");
      m_out.string(attribute(property, "name"));
      m_out.key("value");
      string_of(property);
    });
  }

  void licenses(const pugi::xml_node& node) {
    m_out.begin_array();
    each_child(node, [&](const pugi::xml_node& entry) {
      const std::string_view name = local_name(entry);
      if (name == "expression") {
        m_out.begin_object();
        m_out.key("expression");
        string_of(entry);
        attribute_member(entry, "acknowledgement", "acknowledgement");
        m_out.end();
      } else if (name == "license") {
        m_out.begin_object();
        m_out.key("license");
        m_out.begin_object();
        text_member(entry, "id", "id");
        text_member(entry, "name", "name");
        if (const pugi::xml_node text = child_named(entry, "text")) {
          m_out.key("text");
          m_out.begin_object();
          attribute_member(text, "content-type", "contentType");
          attribute_member(text, "encoding", "encoding");
          m_out.key("content");
          string_of(text);
          m_out.end();
        }
        text_member(entry, "url", "url");
        attribute_member(entry, "acknowledgement", "acknowledgement");
        m_out.end();
        m_out.end();
      }
    });
    m_out.end();
  }

  void contact_members(const pugi::xml_node& node) {
    text_member(node, "name", "name");
    text_member(node, "email", "email");
    text_member(node, "phone", "phone");
  }

  void contacts(const pugi::xml_node& node) {
    objects_of_children(node, [&](const pugi::xml_node& person) { contact_members(person); });
  }

  // Arrays of the elements called `name` among `node`'s children.
  template <typename Write>
  void named_children(const pugi::xml_node& node, std::string_view name, Write write) {
    m_out.begin_array();
    each_child(node, [&](const pugi::xml_node& child) {
      if (local_name(child) == name) {
        write(child);
      }
    });
    m_out.end();
  }

  void entity(const pugi::xml_node& node) {
    m_out.begin_object();
    text_member(node, "name", "name");
    if (child_named(node, "url")) {
      m_out.key("url");
      named_children(node, "url", [&](const pugi::xml_node& url) { string_of(url); });
    }
    if (child_named(node, "contact")) {
      m_out.key("contact");
      named_children(node, "contact", [&](const pugi::xml_node& person) {
        m_out.begin_object();
        contact_members(person);
        m_out.end();
      });
    }
    m_out.end();
  }

  void components(const pugi::xml_node& node, std::size_t nesting) {
    named_children(node, "component",
                   [&](const pugi::xml_node& item) { component(item, nesting); });
  }

  void evidence(const pugi::xml_node& node) {
    m_out.begin_object();
    each_child(node, [&](const pugi::xml_node& part) {
      const std::string_view name = local_name(part);
      if (name == "licenses") {
        m_out.key("licenses");
        licenses(part);
      } else if (name == "copyright") {
        m_out.key("copyright");
        objects_of_children(part, [&](const pugi::xml_node& text) {
          m_out.key("text");
          string_of(text);
        });
      } else if (name == "occurrences") {
        m_out.key("occurrences");
        objects_of_children(part, [&](const pugi::xml_node& occurrence) {
          text_member(occurrence, "location", "location");
          text_member(occurrence, "additionalContext", "additionalContext");
        });
      }
    });
    m_out.end();
  }

  void component(const pugi::xml_node& node, std::size_t nesting) {
    m_out.begin_object();
    if (nesting > k_max_component_nesting) {
      m_error = "components nested deeper than " + std::to_string(k_max_component_nesting);
      m_out.end();
      return;
    }
    for (const char* name : {"type", "bom-ref", "mime-type"}) {
      attribute_member(node, name, name);
    }
    // 1.7: an external component may give a versionRange.
    if (const std::string_view external = attribute(node, "isExternal"); !external.empty()) {
      m_out.key("isExternal");
      m_out.boolean(external == "true" || external == "1");
    }
    // Identifiers that may be given several times become one array.
    bool omnibor_written = false;
    bool swhid_written = false;
    each_child(node, [&](const pugi::xml_node& child) {
      const std::string_view name = local_name(child);
      if (name == "supplier" || name == "manufacturer") {
        m_out.key(name);
        entity(child);
      } else if (name == "swid") {
        m_out.key("swid");
        m_out.begin_object();
        for (const char* key : {"tagId", "name", "version"}) {
          attribute_member(child, key, key);
        }
        m_out.end();
      } else if (name == "authors") {
        m_out.key("authors");
        contacts(child);
      } else if (name == "author" || name == "publisher" || name == "group" || name == "name" ||
                 name == "version" || name == "versionRange" || name == "description" ||
                 name == "scope" || name == "copyright" || name == "cpe" || name == "purl") {
        m_out.key(name);
        string_of(child);
      } else if (name == "omniborId" || name == "swhid") {
        bool& written = name == "omniborId" ? omnibor_written : swhid_written;
        if (!written) {
          written = true;
          m_out.key(name);
          named_children(node, name, [&](const pugi::xml_node& id) { string_of(id); });
        }
      } else if (name == "hashes") {
        m_out.key("hashes");
        objects_of_children(child, [&](const pugi::xml_node& hash) {
          m_out.key("alg");
          m_out.string(attribute(hash, "alg"));
          m_out.key("content");
          string_of(hash);
        });
      } else if (name == "licenses") {
        m_out.key("licenses");
        licenses(child);
      } else if (name == "externalReferences") {
        m_out.key("externalReferences");
        objects_of_children(child, [&](const pugi::xml_node& reference) {
          m_out.key("type");
          m_out.string(attribute(reference, "type"));
          text_member(reference, "url", "url");
          text_member(reference, "comment", "comment");
        });
      } else if (name == "properties") {
        m_out.key("properties");
        properties(child);
      } else if (name == "components") {
        m_out.key("components");
        components(child, nesting + 1);
      } else if (name == "tags") {
        m_out.key("tags");
        texts(child);
      } else if (name == "evidence") {
        m_out.key("evidence");
        evidence(child);
      }
    });
    m_out.end();
  }

  void tools(const pugi::xml_node& node) {
    // 1.4 and earlier: <tool> elements; 1.5 and later: components and
    // services.
    if (!child_named(node, "components") && !child_named(node, "services")) {
      named_children(node, "tool", [&](const pugi::xml_node& tool) {
        m_out.begin_object();
        text_member(tool, "vendor", "vendor");
        text_member(tool, "name", "name");
        text_member(tool, "version", "version");
        m_out.end();
      });
      return;
    }
    m_out.begin_object();
    each_child(node, [&](const pugi::xml_node& part) {
      if (local_name(part) == "components") {
        m_out.key("components");
        m_out.begin_array();
        each_child(part, [&](const pugi::xml_node& tool) { component(tool, 0); });
        m_out.end();
      } else if (local_name(part) == "services") {
        m_out.key("services");
        services(part, 0);
      }
    });
    m_out.end();
  }

  void metadata(const pugi::xml_node& node) {
    m_out.begin_object();
    each_child(node, [&](const pugi::xml_node& child) {
      const std::string_view name = local_name(child);
      if (name == "timestamp") {
        m_out.key("timestamp");
        string_of(child);
      } else if (name == "manufacturer" || name == "manufacture" || name == "supplier") {
        m_out.key(name);
        entity(child);
      } else if (name == "lifecycles") {
        m_out.key("lifecycles");
        objects_of_children(child, [&](const pugi::xml_node& lifecycle) {
          text_member(lifecycle, "phase", "phase");
          text_member(lifecycle, "name", "name");
        });
      } else if (name == "tools") {
        m_out.key("tools");
        tools(child);
      } else if (name == "authors") {
        m_out.key("authors");
        contacts(child);
      } else if (name == "component") {
        m_out.key("component");
        component(child, 0);
      } else if (name == "properties") {
        m_out.key("properties");
        properties(child);
      }
    });
    m_out.end();
  }

  json::Builder& m_out;
  std::string_view m_text;
  // Scratch for text joined from several pieces, for one piece decoded,
  // and for an attribute's value decoded.
  std::string m_joined;
  std::string m_piece;
  std::string m_attribute;
  std::string m_error;
};

} // namespace

} // namespace kensa::format::cyclonedx

namespace kensa::format {

namespace {

// The JSON tree of a parsed document; `text` is what was parsed, for the
// line of an error.
Result<json::Document> tree_of(const pugi::xml_document& document,
                               const pugi::xml_parse_result& parsed, std::string_view text,
                               std::string_view source_name) {
  if (parsed.status == pugi::status_out_of_memory) {
    throw std::bad_alloc();
  }
  if (!parsed) {
    return fail(std::string(source_name) + ": line " +
                std::to_string(cyclonedx::line_at(text, parsed.offset)) +
                ": not well-formed XML: " + parsed.description());
  }
  const pugi::xml_node root = document.document_element();
  if (!root || cyclonedx::local_name(root) != "bom") {
    return fail(std::string(source_name) + ": the root element is not <bom>");
  }
  json::Builder builder;
  cyclonedx::BomShape shape(builder, text);
  shape.bom(root);
  if (!shape.error().empty()) {
    return fail(std::string(source_name) + ": " + shape.error());
  }
  return std::move(builder).finish();
}

} // namespace

// CDATA kept, line ends normalised, white space in attributes made spaces;
// references are left for BomShape to decode and check. A DOCTYPE is
// skipped, so no entity it declares is ever expanded and nothing external
// is loaded.
constexpr unsigned k_parse_options = pugi::parse_default & ~pugi::parse_escapes;

Result<json::Document> cyclonedx_xml_tree(std::string_view text, std::string_view source_name) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(text.data(), text.size(), k_parse_options, pugi::encoding_auto);
  return tree_of(document, parsed, text, source_name);
}

Result<json::Document> cyclonedx_xml_tree_in_place(std::string& text,
                                                   std::string_view source_name) {
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer_inplace(text.data(), text.size(), k_parse_options, pugi::encoding_auto);
  return tree_of(document, parsed, text, source_name);
}

} // namespace kensa::format
