#include "cyclonedx_json_writer.hpp"

#include "../common/text_output.hpp"
#include "../common/tree_writer.hpp"
#include "cyclonedx_vocabulary.hpp"
#include "serial_number.hpp"
#include "to_cyclonedx.hpp"

#include <kensa/util/text_sink.hpp>

#include <array>
#include <cstddef>
#include <functional>
#include <optional>

namespace kensa::format::cyclonedx {

namespace {

using common::TreeWriter;

void write_contact(TreeWriter& out, const CdxContact& contact) {
  out.begin_object();
  out.optional_member("name", contact.name);
  out.optional_member("email", contact.email);
  out.optional_member("phone", contact.phone);
  out.end_object();
}

void write_contacts(TreeWriter& out, std::string_view name, const std::vector<CdxContact>& items) {
  if (items.empty()) {
    return;
  }
  out.key(name);
  out.begin_array();
  for (const auto& item : items) {
    write_contact(out, item);
  }
  out.end_array();
}

void write_licenses(TreeWriter& out, std::string_view name, const std::vector<CdxLicense>& items) {
  if (items.empty()) {
    return;
  }
  out.key(name);
  out.begin_array();
  for (const auto& license : items) {
    out.begin_object();
    if (!license.expression.empty()) {
      out.member("expression", license.expression);
      out.optional_member("acknowledgement", license.acknowledgement);
    } else {
      out.key("license");
      out.begin_object();
      if (!license.id.empty()) {
        out.member("id", license.id);
      } else {
        out.member("name", license.name);
      }
      out.optional_member("acknowledgement", license.acknowledgement);
      if (!license.text.empty()) {
        out.key("text");
        out.begin_object();
        out.member("contentType", "text/plain");
        out.member("content", license.text);
        out.end_object();
      }
      out.optional_member("url", license.url);
      out.end_object();
    }
    out.end_object();
  }
  out.end_array();
}

void write_properties(TreeWriter& out, const std::vector<CdxProperty>& properties) {
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

void write_component(TreeWriter& out, const CdxComponent& component) {
  out.begin_object();
  out.member("type", component.type);
  out.optional_member("mime-type", component.mime_type);
  out.optional_member("bom-ref", component.bom_ref);
  if (component.supplier) {
    const auto& supplier = *component.supplier;
    out.key("supplier");
    out.begin_object();
    out.optional_member("name", supplier.name);
    out.optional_string_array("url", supplier.urls);
    write_contacts(out, "contact", supplier.contacts);
    out.end_object();
  }
  write_contacts(out, "authors", component.authors);
  out.optional_member("author", component.author);
  out.optional_member("publisher", component.publisher);
  out.optional_member("group", component.group);
  out.member("name", component.name);
  out.optional_member("version", component.version);
  out.optional_member("description", component.description);
  out.optional_member("scope", component.scope);
  if (!component.hashes.empty()) {
    out.key("hashes");
    out.begin_array();
    for (const auto& hash : component.hashes) {
      out.begin_object();
      out.member("alg", hash.algorithm);
      out.member("content", hash.content);
      out.end_object();
    }
    out.end_array();
  }
  write_licenses(out, "licenses", component.licenses);
  out.optional_member("copyright", component.copyright);
  out.optional_member("cpe", component.cpe);
  out.optional_member("purl", component.purl);
  out.optional_string_array("omniborId", component.omnibor_ids);
  out.optional_string_array("swhid", component.swhids);
  if (!component.external_references.empty()) {
    out.key("externalReferences");
    out.begin_array();
    for (const auto& reference : component.external_references) {
      out.begin_object();
      out.member("url", reference.url);
      out.optional_member("comment", reference.comment);
      out.member("type", reference.type);
      out.end_object();
    }
    out.end_array();
  }
  write_properties(out, component.properties);
  if (!component.components.empty()) {
    out.key("components");
    out.begin_array();
    for (const auto& child : component.components) {
      write_component(out, child);
    }
    out.end_array();
  }
  if (!component.occurrences.empty() || !component.evidence_licenses.empty() ||
      !component.evidence_copyright.empty()) {
    out.key("evidence");
    out.begin_object();
    if (!component.occurrences.empty()) {
      out.key("occurrences");
      out.begin_array();
      for (const auto& occurrence : component.occurrences) {
        out.begin_object();
        out.member("location", occurrence.location);
        out.optional_member("additionalContext", occurrence.additional_context);
        out.end_object();
      }
      out.end_array();
    }
    write_licenses(out, "licenses", component.evidence_licenses);
    if (!component.evidence_copyright.empty()) {
      out.key("copyright");
      out.begin_array();
      for (const auto& text : component.evidence_copyright) {
        out.begin_object();
        out.member("text", text);
        out.end_object();
      }
      out.end_array();
    }
    out.end_object();
  }
  out.optional_string_array("tags", component.tags);
  out.end_object();
}

void write_tools(TreeWriter& out, const CdxBom& bom) {
  if (bom.tools.empty()) {
    return;
  }
  out.key("tools");
  if (minor_version(bom.spec_version) < 5) {
    out.begin_array();
    for (const auto& tool : bom.tools) {
      out.begin_object();
      out.optional_member("vendor", tool.vendor);
      out.optional_member("name", tool.name);
      out.optional_member("version", tool.version);
      out.end_object();
    }
    out.end_array();
    return;
  }
  out.begin_object();
  out.key("components");
  out.begin_array();
  for (const auto& tool : bom.tools) {
    out.begin_object();
    out.member("type", "application");
    if (!tool.vendor.empty()) {
      out.key("supplier");
      out.begin_object();
      out.member("name", tool.vendor);
      out.end_object();
    }
    out.member("name", tool.name);
    out.optional_member("version", tool.version);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_metadata(TreeWriter& out, const CdxBom& bom) {
  out.key("metadata");
  out.begin_object();
  out.optional_member("timestamp", bom.timestamp);
  if (!bom.lifecycle_phases.empty() || !bom.lifecycle_names.empty()) {
    out.key("lifecycles");
    out.begin_array();
    for (const auto& phase : bom.lifecycle_phases) {
      out.begin_object();
      out.member("phase", phase);
      out.end_object();
    }
    for (const auto& name : bom.lifecycle_names) {
      out.begin_object();
      out.member("name", name);
      out.end_object();
    }
    out.end_array();
  }
  write_tools(out, bom);
  write_contacts(out, "authors", bom.authors);
  if (bom.component) {
    out.key("component");
    write_component(out, *bom.component);
  }
  write_properties(out, bom.metadata_properties);
  out.end_object();
}

// One dependency entry; `target(item)` gives each target's ref.
template <typename Targets, typename Target>
void write_dependency(TreeWriter& out, std::string_view ref, const Targets& targets,
                      Target target) {
  out.begin_object();
  out.member("ref", ref);
  out.key("dependsOn");
  out.begin_array();
  for (const auto& item : targets) {
    out.string(target(item));
  }
  out.end_array();
  out.end_object();
}

// Items of the BOM's arrays: write(into, index, half) writes item `index`,
// as common::write_items_made calls it.
using WriteItemAt = std::function<void(TreeWriter&, std::size_t, int)>;

// How the BOM's top-level components and dependency entries are written.
struct BomItems {
  std::size_t component_count = 0;
  WriteItemAt write_component_at;
  std::size_t dependency_count = 0;
  WriteItemAt write_dependency_at;
};

// `bom` as JSON, its components and dependencies written by `items`
// (bom.components and bom.dependencies are not read).
void write_bom(const CdxBom& bom, const BomItems& items, std::ostream& out) {
  // Into an output that spills to its file as it fills (cli/document_output),
  // the text goes straight there: the serial number, a digest of the whole
  // text, is taken as the text is written and put in its place at the end.
  auto* sink = dynamic_cast<util::TextSink*>(&out);
  const bool streamed =
      sink != nullptr && sink->spill() != nullptr && sink->empty() && bom.serial_number.empty();
  util::TextSink local;
  util::TextSink& buffer = streamed ? *sink : local;
  std::optional<SerialDigest> digest;
  // The spill stops watching when this ends, an exception included: the
  // digest goes with it.
  struct StopWatching {
    util::TextSpill* spill = nullptr;
    StopWatching() = default;
    StopWatching(const StopWatching&) = delete;
    StopWatching& operator=(const StopWatching&) = delete;
    ~StopWatching() {
      if (spill != nullptr) {
        spill->watch({});
      }
    }
  } stop_watching;
  if (streamed) {
    digest.emplace();
    sink->spill()->watch([&digest](std::string_view bytes) { digest->update(bytes); });
    stop_watching.spill = sink->spill();
  }
  auto writer = common::make_json_writer(buffer);
  writer->begin_object();
  writer->member("$schema", "http://cyclonedx.org/schema/bom-" + bom.spec_version + ".schema.json");
  writer->member("bomFormat", "CycloneDX");
  writer->member("specVersion", bom.spec_version);
  writer->member("serialNumber",
                 bom.serial_number.empty() ? k_serial_placeholder : bom.serial_number);
  writer->integer_member("version", bom.version);
  write_metadata(*writer, bom);
  writer->key("components");
  writer->begin_array();
  common::write_items_made(*writer, items.component_count, items.write_component_at);
  writer->end_array();
  writer->key("dependencies");
  writer->begin_array();
  common::write_items_made(*writer, items.dependency_count, items.write_dependency_at);
  writer->end_array();
  if (!bom.compositions.empty()) {
    writer->key("compositions");
    writer->begin_array();
    for (const auto& composition : bom.compositions) {
      writer->begin_object();
      writer->member("aggregate", composition.aggregate);
      writer->optional_string_array("assemblies", composition.assemblies);
      writer->optional_string_array("dependencies", composition.dependencies);
      writer->end_object();
    }
    writer->end_array();
  }
  writer->end_object();
  writer->finish();
  if (streamed) {
    sink->flush_spill();
    util::TextSpill& spill = *sink->spill();
    spill.watch({});
    stop_watching.spill = nullptr;
    fill_streamed_serial_number(sink->spilled_head(), digest->finish(), spill);
    return;
  }
  if (bom.serial_number.empty()) {
    fill_serial_number(buffer.pieces());
  }
  common::put_text(out, buffer);
}

} // namespace

void write_cyclonedx_json(const CdxBom& bom, std::ostream& out) {
  BomItems items;
  items.component_count = bom.components.size();
  items.write_component_at = [&bom](TreeWriter& into, std::size_t index, int /*half*/) {
    write_component(into, bom.components[index]);
  };
  items.dependency_count = bom.dependencies.size();
  items.write_dependency_at = [&bom](TreeWriter& into, std::size_t index, int /*half*/) {
    const CdxDependency& dependency = bom.dependencies[index];
    write_dependency(into, dependency.ref, dependency.depends_on,
                     [](const std::string& target) -> std::string_view { return target; });
  };
  write_bom(bom, items, out);
}

void write_json(const model::Document& document, std::string_view version, std::ostream& out,
                LossReport& losses) {
  // Each top-level component is mapped as it is written, and dropped; each
  // dependency entry is sorted as it is written, from refs the mapping
  // holds.
  CdxBomMapping mapping(document, version, losses);
  std::array<LossReport, 2> half_losses;
  BomItems items;
  items.component_count = mapping.component_count();
  items.write_component_at = [&](TreeWriter& into, std::size_t index, int half) {
    write_component(into,
                    mapping.take_component(index, half_losses.at(static_cast<std::size_t>(half))));
  };
  items.dependency_count = mapping.dependency_count();
  items.write_dependency_at = [&](TreeWriter& into, std::size_t index, int /*half*/) {
    const CdxDependencyView dependency = mapping.take_dependency(index);
    write_dependency(into, dependency.ref, dependency.depends_on,
                     [](const std::string* target) -> std::string_view { return *target; });
  };
  write_bom(mapping.bom(), items, out);
  losses.merge(half_losses[0]);
  losses.merge(half_losses[1]);
}

} // namespace kensa::format::cyclonedx
