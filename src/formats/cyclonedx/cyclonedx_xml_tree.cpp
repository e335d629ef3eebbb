#include <kensa/format/cyclonedx_xml_tree.hpp>

#include <climits>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>

namespace kensa::format::cyclonedx {

namespace {

using Json = nlohmann::json;

std::string_view name_of(const xmlNode* node) {
  return reinterpret_cast<const char*>(node->name);
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) {
    return {};
  }
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

std::string content(const xmlNode* node) {
  xmlChar* value = xmlNodeGetContent(node);
  if (value == nullptr) {
    return {};
  }
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  // Element text in CycloneDX XML is whitespace-collapsed by the schema for
  // most fields; trim the ends as readers of the JSON form expect.
  auto begin = text.find_first_not_of(" \t\r\n");
  auto end = text.find_last_not_of(" \t\r\n");
  return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
}

// Element children of `node`, in order.
template <typename Visit>
void each_child(const xmlNode* node, Visit visit) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      visit(child);
    }
  }
}

const xmlNode* child_named(const xmlNode* node, std::string_view name) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && name_of(child) == name) {
      return child;
    }
  }
  return nullptr;
}

void set_text(Json& out, const xmlNode* node, std::string_view child, std::string_view key) {
  if (const xmlNode* found = child_named(node, child)) {
    out[std::string(key)] = content(found);
  }
}

Json properties(const xmlNode* node) {
  Json out = Json::array();
  each_child(node, [&](const xmlNode* property) {
    out.push_back({{"name", attribute(property, "name")}, {"value", content(property)}});
  });
  return out;
}

Json licenses(const xmlNode* node) {
  Json out = Json::array();
  each_child(node, [&](const xmlNode* entry) {
    if (name_of(entry) == "expression") {
      Json item{{"expression", content(entry)}};
      if (auto acknowledgement = attribute(entry, "acknowledgement"); !acknowledgement.empty()) {
        item["acknowledgement"] = acknowledgement;
      }
      out.push_back(std::move(item));
    } else if (name_of(entry) == "license") {
      Json license = Json::object();
      set_text(license, entry, "id", "id");
      set_text(license, entry, "name", "name");
      set_text(license, entry, "url", "url");
      if (auto acknowledgement = attribute(entry, "acknowledgement"); !acknowledgement.empty()) {
        license["acknowledgement"] = acknowledgement;
      }
      out.push_back({{"license", std::move(license)}});
    }
  });
  return out;
}

Json contact(const xmlNode* node) {
  Json out = Json::object();
  set_text(out, node, "name", "name");
  set_text(out, node, "email", "email");
  set_text(out, node, "phone", "phone");
  return out;
}

Json entity(const xmlNode* node) {
  Json out = Json::object();
  set_text(out, node, "name", "name");
  Json urls = Json::array();
  Json contacts = Json::array();
  each_child(node, [&](const xmlNode* child) {
    if (name_of(child) == "url") {
      urls.push_back(content(child));
    } else if (name_of(child) == "contact") {
      contacts.push_back(contact(child));
    }
  });
  if (!urls.empty()) {
    out["url"] = std::move(urls);
  }
  if (!contacts.empty()) {
    out["contact"] = std::move(contacts);
  }
  return out;
}

Json component(const xmlNode* node) {
  Json out = Json::object();
  for (const char* name : {"type", "bom-ref", "mime-type"}) {
    if (auto value = attribute(node, name); !value.empty()) {
      out[name] = value;
    }
  }
  each_child(node, [&](const xmlNode* child) {
    std::string_view name = name_of(child);
    if (name == "supplier" || name == "manufacturer") {
      out[std::string(name)] = entity(child);
    } else if (name == "swid") {
      Json swid = Json::object();
      for (const char* key : {"tagId", "name", "version"}) {
        if (auto value = attribute(child, key); !value.empty()) {
          swid[key] = value;
        }
      }
      out["swid"] = std::move(swid);
    } else if (name == "authors") {
      Json authors = Json::array();
      each_child(child, [&](const xmlNode* author) { authors.push_back(contact(author)); });
      out["authors"] = std::move(authors);
    } else if (name == "author" || name == "publisher" || name == "group" || name == "name" ||
               name == "version" || name == "versionRange" || name == "description" ||
               name == "scope" || name == "copyright" || name == "cpe" || name == "purl") {
      out[std::string(name)] = content(child);
    } else if (name == "omniborId" || name == "swhid") {
      out[std::string(name)].push_back(content(child));
    } else if (name == "hashes") {
      Json hashes = Json::array();
      each_child(child, [&](const xmlNode* hash) {
        hashes.push_back({{"alg", attribute(hash, "alg")}, {"content", content(hash)}});
      });
      out["hashes"] = std::move(hashes);
    } else if (name == "licenses") {
      out["licenses"] = licenses(child);
    } else if (name == "externalReferences") {
      Json references = Json::array();
      each_child(child, [&](const xmlNode* reference) {
        Json item{{"type", attribute(reference, "type")}};
        set_text(item, reference, "url", "url");
        set_text(item, reference, "comment", "comment");
        references.push_back(std::move(item));
      });
      out["externalReferences"] = std::move(references);
    } else if (name == "properties") {
      out["properties"] = properties(child);
    } else if (name == "components") {
      Json components = Json::array();
      each_child(child, [&](const xmlNode* nested) {
        if (name_of(nested) == "component") {
          components.push_back(component(nested));
        }
      });
      out["components"] = std::move(components);
    } else if (name == "tags") {
      Json tags = Json::array();
      each_child(child, [&](const xmlNode* tag) { tags.push_back(content(tag)); });
      out["tags"] = std::move(tags);
    } else if (name == "evidence") {
      Json evidence = Json::object();
      each_child(child, [&](const xmlNode* part) {
        std::string_view part_name = name_of(part);
        if (part_name == "licenses") {
          evidence["licenses"] = licenses(part);
        } else if (part_name == "copyright") {
          Json texts = Json::array();
          each_child(part, [&](const xmlNode* text) {
            texts.push_back({{"text", content(text)}});
          });
          evidence["copyright"] = std::move(texts);
        } else if (part_name == "occurrences") {
          Json occurrences = Json::array();
          each_child(part, [&](const xmlNode* occurrence) {
            Json item = Json::object();
            set_text(item, occurrence, "location", "location");
            set_text(item, occurrence, "additionalContext", "additionalContext");
            occurrences.push_back(std::move(item));
          });
          evidence["occurrences"] = std::move(occurrences);
        }
      });
      out["evidence"] = std::move(evidence);
    }
  });
  return out;
}

Json metadata(const xmlNode* node) {
  Json out = Json::object();
  each_child(node, [&](const xmlNode* child) {
    std::string_view name = name_of(child);
    if (name == "timestamp") {
      out["timestamp"] = content(child);
    } else if (name == "manufacturer" || name == "manufacture" || name == "supplier") {
      out[std::string(name)] = entity(child);
    } else if (name == "lifecycles") {
      Json lifecycles = Json::array();
      each_child(child, [&](const xmlNode* lifecycle) {
        Json item = Json::object();
        set_text(item, lifecycle, "phase", "phase");
        set_text(item, lifecycle, "name", "name");
        lifecycles.push_back(std::move(item));
      });
      out["lifecycles"] = std::move(lifecycles);
    } else if (name == "tools") {
      // 1.4 and earlier: <tool> elements; 1.5 and later: components and
      // services.
      Json legacy = Json::array();
      Json modern = Json::object();
      each_child(child, [&](const xmlNode* tool) {
        if (name_of(tool) == "tool") {
          Json item = Json::object();
          set_text(item, tool, "vendor", "vendor");
          set_text(item, tool, "name", "name");
          set_text(item, tool, "version", "version");
          legacy.push_back(std::move(item));
        } else if (name_of(tool) == "components") {
          Json components = Json::array();
          each_child(tool, [&](const xmlNode* nested) { components.push_back(component(nested)); });
          modern["components"] = std::move(components);
        } else if (name_of(tool) == "services") {
          Json services = Json::array();
          each_child(tool, [&](const xmlNode*) { services.push_back(Json::object()); });
          modern["services"] = std::move(services);
        }
      });
      out["tools"] = modern.empty() ? std::move(legacy) : std::move(modern);
    } else if (name == "authors") {
      Json authors = Json::array();
      each_child(child, [&](const xmlNode* author) { authors.push_back(contact(author)); });
      out["authors"] = std::move(authors);
    } else if (name == "component") {
      out["component"] = component(child);
    } else if (name == "properties") {
      out["properties"] = properties(child);
    }
  });
  return out;
}

Json bom(const xmlNode* root) {
  Json out = Json::object();
  out["bomFormat"] = "CycloneDX";
  if (auto serial = attribute(root, "serialNumber"); !serial.empty()) {
    out["serialNumber"] = serial;
  }
  each_child(root, [&](const xmlNode* child) {
    std::string_view name = name_of(child);
    if (name == "metadata") {
      out["metadata"] = metadata(child);
    } else if (name == "components") {
      Json components = Json::array();
      each_child(child, [&](const xmlNode* item) {
        if (name_of(item) == "component") {
          components.push_back(component(item));
        }
      });
      out["components"] = std::move(components);
    } else if (name == "dependencies") {
      Json dependencies = Json::array();
      each_child(child, [&](const xmlNode* dependency) {
        Json targets = Json::array();
        each_child(dependency,
                   [&](const xmlNode* target) { targets.push_back(attribute(target, "ref")); });
        dependencies.push_back({{"ref", attribute(dependency, "ref")}, {"dependsOn", targets}});
      });
      out["dependencies"] = std::move(dependencies);
    } else if (name == "compositions") {
      Json compositions = Json::array();
      each_child(child, [&](const xmlNode* composition) {
        Json item = Json::object();
        set_text(item, composition, "aggregate", "aggregate");
        compositions.push_back(std::move(item));
      });
      out["compositions"] = std::move(compositions);
    } else if (name == "services" || name == "vulnerabilities" || name == "annotations" ||
               name == "formulation") {
      Json items = Json::array();
      each_child(child, [&](const xmlNode*) { items.push_back(Json::object()); });
      out[std::string(name)] = std::move(items);
    } else if (name == "declarations" || name == "definitions") {
      out[std::string(name)] = Json::object();
    }
  });
  return out;
}

struct DocumentDeleter {
  void operator()(xmlDoc* document) const { xmlFreeDoc(document); }
};

} // namespace

} // namespace kensa::format::cyclonedx

namespace kensa::format {

using cyclonedx::bom;
using cyclonedx::DocumentDeleter;
using cyclonedx::name_of;

Result<nlohmann::json> cyclonedx_xml_tree(std::string_view text, std::string_view source_name) {
  if (text.size() > static_cast<std::size_t>(INT_MAX)) {
    return fail(std::string(source_name) + ": too large for the XML parser");
  }
  std::unique_ptr<xmlDoc, DocumentDeleter> document(
      xmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!document) {
    const xmlError* error = xmlGetLastError();
    std::string where = error != nullptr ? "line " + std::to_string(error->line) + ": " : "";
    std::string message =
        error != nullptr && error->message != nullptr ? error->message : "not well-formed XML";
    while (!message.empty() && message.back() == '\n') {
      message.pop_back();
    }
    return fail(std::string(source_name) + ": " + where + message);
  }
  const xmlNode* root = xmlDocGetRootElement(document.get());
  if (root == nullptr || name_of(root) != "bom") {
    return fail(std::string(source_name) + ": the root element is not <bom>");
  }
  return bom(root);
}

} // namespace kensa::format
