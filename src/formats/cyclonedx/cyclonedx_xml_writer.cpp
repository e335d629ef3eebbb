#include "cyclonedx_xml_writer.hpp"

#include "../common/text_output.hpp"
#include "../common/xml_writer.hpp"
#include "cyclonedx_vocabulary.hpp"
#include "serial_number.hpp"
#include "to_cyclonedx.hpp"

namespace kensa::format::cyclonedx {

namespace {

using common::XmlWriter;

void write_contact(XmlWriter& out, std::string_view element, const CdxContact& contact) {
  out.start(element);
  out.optional_text_element("name", contact.name);
  out.optional_text_element("email", contact.email);
  out.optional_text_element("phone", contact.phone);
  out.end();
}

void write_licenses(XmlWriter& out, const std::vector<CdxLicense>& licenses) {
  if (licenses.empty()) {
    return;
  }
  out.start("licenses");
  for (const auto& license : licenses) {
    if (!license.expression.empty()) {
      out.start("expression");
      if (!license.acknowledgement.empty()) {
        out.attribute("acknowledgement", license.acknowledgement);
      }
      out.text(license.expression);
      out.end();
      continue;
    }
    out.start("license");
    if (!license.acknowledgement.empty()) {
      out.attribute("acknowledgement", license.acknowledgement);
    }
    if (!license.id.empty()) {
      out.text_element("id", license.id);
    } else {
      out.text_element("name", license.name);
    }
    if (!license.text.empty()) {
      out.start("text");
      out.attribute("content-type", "text/plain");
      out.text(license.text);
      out.end();
    }
    out.optional_text_element("url", license.url);
    out.end();
  }
  out.end();
}

void write_properties(XmlWriter& out, const std::vector<CdxProperty>& properties) {
  if (properties.empty()) {
    return;
  }
  out.start("properties");
  for (const auto& property : properties) {
    out.start("property");
    out.attribute("name", property.name);
    out.text(property.value);
    out.end();
  }
  out.end();
}

void write_component(XmlWriter& out, const CdxComponent& component);

void write_components(XmlWriter& out, const std::vector<CdxComponent>& components) {
  out.start("components");
  for (const auto& component : components) {
    write_component(out, component);
  }
  out.end();
}

void write_component(XmlWriter& out, const CdxComponent& component) {
  out.start("component");
  out.attribute("type", component.type);
  if (!component.mime_type.empty()) {
    out.attribute("mime-type", component.mime_type);
  }
  if (!component.bom_ref.empty()) {
    out.attribute("bom-ref", component.bom_ref);
  }
  if (component.supplier) {
    const auto& supplier = *component.supplier;
    out.start("supplier");
    out.optional_text_element("name", supplier.name);
    for (const auto& url : supplier.urls) {
      out.text_element("url", url);
    }
    for (const auto& contact : supplier.contacts) {
      write_contact(out, "contact", contact);
    }
    out.end();
  }
  if (!component.authors.empty()) {
    out.start("authors");
    for (const auto& author : component.authors) {
      write_contact(out, "author", author);
    }
    out.end();
  }
  out.optional_text_element("author", component.author);
  out.optional_text_element("publisher", component.publisher);
  out.optional_text_element("group", component.group);
  out.text_element("name", component.name);
  out.optional_text_element("version", component.version);
  out.optional_text_element("description", component.description);
  out.optional_text_element("scope", component.scope);
  if (!component.hashes.empty()) {
    out.start("hashes");
    for (const auto& hash : component.hashes) {
      out.start("hash");
      out.attribute("alg", hash.algorithm);
      out.text(hash.content);
      out.end();
    }
    out.end();
  }
  write_licenses(out, component.licenses);
  out.optional_text_element("copyright", component.copyright);
  out.optional_text_element("cpe", component.cpe);
  out.optional_text_element("purl", component.purl);
  for (const auto& id : component.omnibor_ids) {
    out.text_element("omniborId", id);
  }
  for (const auto& id : component.swhids) {
    out.text_element("swhid", id);
  }
  if (!component.external_references.empty()) {
    out.start("externalReferences");
    for (const auto& reference : component.external_references) {
      out.start("reference");
      out.attribute("type", reference.type);
      out.text_element("url", reference.url);
      out.optional_text_element("comment", reference.comment);
      out.end();
    }
    out.end();
  }
  write_properties(out, component.properties);
  if (!component.components.empty()) {
    write_components(out, component.components);
  }
  if (!component.occurrences.empty() || !component.evidence_licenses.empty() ||
      !component.evidence_copyright.empty()) {
    out.start("evidence");
    if (!component.occurrences.empty()) {
      out.start("occurrences");
      for (const auto& occurrence : component.occurrences) {
        out.start("occurrence");
        out.text_element("location", occurrence.location);
        out.optional_text_element("additionalContext", occurrence.additional_context);
        out.end();
      }
      out.end();
    }
    write_licenses(out, component.evidence_licenses);
    if (!component.evidence_copyright.empty()) {
      out.start("copyright");
      for (const auto& text : component.evidence_copyright) {
        out.text_element("text", text);
      }
      out.end();
    }
    out.end();
  }
  if (!component.tags.empty()) {
    out.start("tags");
    for (const auto& tag : component.tags) {
      out.text_element("tag", tag);
    }
    out.end();
  }
  out.end();
}

void write_metadata(XmlWriter& out, const CdxBom& bom) {
  out.start("metadata");
  out.optional_text_element("timestamp", bom.timestamp);
  if (!bom.lifecycle_phases.empty() || !bom.lifecycle_names.empty()) {
    out.start("lifecycles");
    for (const auto& phase : bom.lifecycle_phases) {
      out.start("lifecycle");
      out.text_element("phase", phase);
      out.end();
    }
    for (const auto& name : bom.lifecycle_names) {
      out.start("lifecycle");
      out.text_element("name", name);
      out.end();
    }
    out.end();
  }
  if (!bom.tools.empty()) {
    out.start("tools");
    if (minor_version(bom.spec_version) < 5) {
      for (const auto& tool : bom.tools) {
        out.start("tool");
        out.optional_text_element("vendor", tool.vendor);
        out.optional_text_element("name", tool.name);
        out.optional_text_element("version", tool.version);
        out.end();
      }
    } else {
      out.start("components");
      for (const auto& tool : bom.tools) {
        out.start("component");
        out.attribute("type", "application");
        if (!tool.vendor.empty()) {
          out.start("supplier");
          out.text_element("name", tool.vendor);
          out.end();
        }
        out.text_element("name", tool.name);
        out.optional_text_element("version", tool.version);
        out.end();
      }
      out.end();
    }
    out.end();
  }
  if (!bom.authors.empty()) {
    out.start("authors");
    for (const auto& author : bom.authors) {
      write_contact(out, "author", author);
    }
    out.end();
  }
  if (bom.component) {
    write_component(out, *bom.component);
  }
  write_properties(out, bom.metadata_properties);
  out.end();
}

} // namespace

void write_cyclonedx_xml(const CdxBom& bom, std::ostream& out) {
  std::string text;
  XmlWriter xml(text);
  xml.declaration();
  xml.start("bom");
  xml.attribute("xmlns", "http://cyclonedx.org/schema/bom/" + bom.spec_version);
  xml.attribute("serialNumber",
                bom.serial_number.empty() ? k_serial_placeholder : bom.serial_number);
  xml.attribute("version", std::to_string(bom.version));
  write_metadata(xml, bom);
  write_components(xml, bom.components);
  xml.start("dependencies");
  for (const auto& dependency : bom.dependencies) {
    xml.start("dependency");
    xml.attribute("ref", dependency.ref);
    for (const auto& target : dependency.depends_on) {
      xml.empty_element("dependency", "ref", target);
    }
    xml.end();
  }
  xml.end();
  if (!bom.compositions.empty()) {
    xml.start("compositions");
    for (const auto& composition : bom.compositions) {
      xml.start("composition");
      xml.text_element("aggregate", composition.aggregate);
      if (!composition.assemblies.empty()) {
        xml.start("assemblies");
        for (const auto& ref : composition.assemblies) {
          xml.empty_element("assembly", "ref", ref);
        }
        xml.end();
      }
      if (!composition.dependencies.empty()) {
        xml.start("dependencies");
        for (const auto& ref : composition.dependencies) {
          xml.empty_element("dependency", "ref", ref);
        }
        xml.end();
      }
      xml.end();
    }
    xml.end();
  }
  xml.end();
  text += '\n';
  if (bom.serial_number.empty()) {
    fill_serial_number(text);
  }
  common::put_text(out, std::move(text));
}

void write_xml(const model::Document& document, std::string_view version, std::ostream& out,
               LossReport& losses) {
  write_cyclonedx_xml(to_cyclonedx(document, version, losses), out);
}

} // namespace kensa::format::cyclonedx
