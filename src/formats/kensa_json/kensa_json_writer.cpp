#include "kensa_json_writer.hpp"

#include "../common/tree_writer.hpp"
#include "kensa_json_names.hpp"

#include <cmath>

namespace kensa::format::kensa_json {

namespace {

using common::TreeWriter;

void write_party(TreeWriter& out, const model::Party& party) {
  out.begin_object();
  out.optional_member("name", party.name);
  out.optional_member("email", party.email);
  out.optional_member("url", party.url);
  if (party.is_organization) {
    out.boolean_member("organization", true);
  }
  out.end_object();
}

void write_parties(TreeWriter& out, std::string_view name, const std::vector<model::Party>& items) {
  if (items.empty()) {
    return;
  }
  out.key(name);
  out.begin_array();
  for (const auto& party : items) {
    write_party(out, party);
  }
  out.end_array();
}

void write_licenses(TreeWriter& out, std::string_view name,
                    const std::vector<model::License>& licenses) {
  if (licenses.empty()) {
    return;
  }
  out.key(name);
  out.begin_array();
  for (const auto& license : licenses) {
    out.begin_object();
    out.optional_member("expression", license.expression);
    out.optional_member("name", license.name);
    out.optional_member("url", license.url);
    out.end_object();
  }
  out.end_array();
}

void write_hashes(TreeWriter& out, const std::vector<model::Hash>& hashes) {
  if (hashes.empty()) {
    return;
  }
  out.key("hashes");
  out.begin_array();
  for (const auto& hash : hashes) {
    out.begin_object();
    out.member("algorithm", model::hash_algorithm_name(hash.algorithm));
    out.member("hex", hash.hex);
    out.end_object();
  }
  out.end_array();
}

void write_properties(TreeWriter& out, const std::vector<model::Property>& properties) {
  if (properties.empty()) {
    return;
  }
  out.key("properties");
  out.begin_array();
  for (const auto& property : properties) {
    out.begin_object();
    out.member("name", property.name);
    out.member("value", property.value);
    out.end_object();
  }
  out.end_array();
}

void write_component(TreeWriter& out, const model::Component& component) {
  out.begin_object();
  out.optional_member("id", component.id);
  out.member("type", model::component_type_name(component.type));
  out.optional_member("ecosystem", component.ecosystem);
  out.optional_member("group", component.group);
  out.member("name", component.name);
  out.optional_member("version", component.version);
  out.optional_member("purl", component.purl);
  out.optional_member("bomRef", component.bom_ref);
  out.optional_string_array("cpes", component.cpes);
  write_licenses(out, "licensesDeclared", component.licenses_declared);
  write_licenses(out, "licensesConcluded", component.licenses_concluded);
  if (!component.license_evidence.empty()) {
    out.key("licenseEvidence");
    out.begin_array();
    for (const auto& evidence : component.license_evidence) {
      out.begin_object();
      out.member("expression", evidence.expression);
      out.member("location", evidence.location);
      // Thousandths: the model keeps three decimals, and an integer reads
      // back exactly.
      out.integer_member("scorePerMille", std::llround(evidence.score * 1000));
      out.member("method", model::license_match_method_name(evidence.method));
      out.optional_member("text", evidence.text);
      out.end_object();
    }
    out.end_array();
  }
  out.optional_string_array("copyrights", component.copyrights);
  write_hashes(out, component.hashes);
  if (!component.supplier.empty() || component.supplier.is_organization) {
    out.key("supplier");
    write_party(out, component.supplier);
  }
  write_parties(out, "authors", component.authors);
  out.optional_member("description", component.description);
  if (!component.external_references.empty()) {
    out.key("externalReferences");
    out.begin_array();
    for (const auto& reference : component.external_references) {
      out.begin_object();
      out.member("type", reference.type);
      out.member("url", reference.url);
      out.end_object();
    }
    out.end_array();
  }
  if (component.scope != model::Scope::unknown) {
    out.member("scope", model::scope_name(component.scope));
  }
  if (component.development) {
    out.boolean_member("development", true);
  }
  write_properties(out, component.properties);
  if (!component.evidence.empty()) {
    out.key("evidence");
    out.begin_array();
    for (const auto& evidence : component.evidence) {
      out.begin_object();
      out.optional_member("location", evidence.location);
      out.optional_member("layer", evidence.layer);
      out.optional_member("foundBy", evidence.found_by);
      out.end_object();
    }
    out.end_array();
  }
  out.end_object();
}

void write_metadata(TreeWriter& out, const model::DocumentMetadata& metadata) {
  out.key("metadata");
  out.begin_object();
  out.optional_member("timestamp", metadata.timestamp);
  if (!metadata.tools.empty()) {
    out.key("tools");
    out.begin_array();
    for (const auto& tool : metadata.tools) {
      out.begin_object();
      out.optional_member("vendor", tool.vendor);
      out.optional_member("name", tool.name);
      out.optional_member("version", tool.version);
      out.end_object();
    }
    out.end_array();
  }
  write_parties(out, "authors", metadata.authors);
  if (metadata.subject) {
    out.key("subject");
    write_component(out, *metadata.subject);
  }
  out.optional_member("lifecycle", metadata.lifecycle);
  out.member("completeness", completeness_name(metadata.completeness));
  if (metadata.omitted > 0 || !metadata.omissions.empty()) {
    out.key("omissions");
    out.begin_array();
    for (const auto& omission : metadata.omissions) {
      out.begin_object();
      out.optional_member("location", omission.location);
      out.member("reason", omission.reason);
      out.end_object();
    }
    out.end_array();
    out.integer_member("omitted", static_cast<std::int64_t>(metadata.omitted));
  }
  write_properties(out, metadata.properties);
  out.end_object();
}

} // namespace

void write_kensa_json(const model::Document& document, std::string_view, std::ostream& out,
                      LossReport&) {
  auto writer = common::make_json_writer(out);
  writer->begin_object();
  writer->member("kensaJson", k_kensa_json_version);
  write_metadata(*writer, document.metadata);
  writer->key("components");
  writer->begin_array();
  for (const auto& component : document.components) {
    write_component(*writer, component);
  }
  writer->end_array();
  writer->key("relationships");
  writer->begin_array();
  for (const auto& relationship : document.relationships) {
    writer->begin_object();
    writer->member("from", relationship.from);
    writer->member("to", relationship.to);
    writer->member("type", model::relationship_type_name(relationship.type));
    writer->end_object();
  }
  writer->end_array();
  if (!document.files.empty()) {
    writer->key("files");
    writer->begin_array();
    for (const auto& file : document.files) {
      writer->begin_object();
      writer->member("path", file.path);
      write_hashes(*writer, file.hashes);
      writer->optional_string_array("ownerIds", file.owner_ids);
      writer->end_object();
    }
    writer->end_array();
  }
  if (!document.diagnostics.empty()) {
    writer->key("diagnostics");
    writer->begin_array();
    for (const auto& diagnostic : document.diagnostics) {
      writer->begin_object();
      writer->member("severity", severity_name(diagnostic.severity));
      writer->optional_member("location", diagnostic.location);
      writer->member("message", diagnostic.message);
      writer->end_object();
    }
    writer->end_array();
  }
  writer->end_object();
  writer->finish();
}

} // namespace kensa::format::kensa_json
