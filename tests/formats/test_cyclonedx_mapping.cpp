#include "../../src/formats/cyclonedx/cyclonedx_json_writer.hpp"
#include "../../src/formats/cyclonedx/to_cyclonedx.hpp"
#include "format_fixture.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/util/two_halves.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace kensa;

namespace {

struct Written {
  std::string text;
  format::LossReport losses;
};

// The JSON writer as kensa runs it: each top-level component mapped as it
// is written.
Written mapped_as_written(const model::Document& document, std::string_view version) {
  Written out;
  std::ostringstream text;
  format::cyclonedx::write_json(document, version, text, out.losses);
  out.text = text.str();
  return out;
}

// The whole BOM mapped first, then written (what the XML writer does).
Written mapped_whole(const model::Document& document, std::string_view version) {
  Written out;
  std::ostringstream text;
  format::cyclonedx::write_cyclonedx_json(
      format::cyclonedx::to_cyclonedx(document, version, out.losses), text);
  out.text = text.str();
  return out;
}

// Enough components for two threads, each owning a file and every third
// one nested in the one before, some files owned by nobody.
model::Document big_nested_document() {
  model::ComponentGraph graph;
  std::string previous;
  for (std::size_t i = 0; i < 2 * k_two_halves_threshold; ++i) {
    // CycloneDX 1.5 has no field for an image layer: one loss each.
    std::string id = graph.add(testing::numbered_package(i));
    model::FileEntry file;
    file.path = "usr/lib/package-" + std::to_string(10000 + i) + "/index.js";
    file.hashes.push_back({model::HashAlgorithm::sha256, std::string(64, 'a')});
    if (i % 5 != 0) {
      file.owner_ids.push_back(id);
    }
    graph.add_file(std::move(file));
    if (!previous.empty()) {
      graph.relate(previous, id,
                   i % 3 == 0 ? model::RelationshipType::contains
                              : model::RelationshipType::dev_depends_on);
      if (i % 7 == 0) {
        // The same target twice: one entry in dependsOn.
        graph.relate(previous, id, model::RelationshipType::depends_on);
      }
    }
    previous = id;
  }
  return std::move(graph).finish({});
}

} // namespace

TEST_CASE("cyclonedx json: components mapped as they are written give the whole BOM's text",
          "[formats][cyclonedx]") {
  const model::Document every_field = testing::every_field_document();
  for (std::string_view version : {"1.4", "1.5", "1.6", "1.7"}) {
    INFO(version);
    const Written as_written = mapped_as_written(every_field, version);
    const Written whole = mapped_whole(every_field, version);
    CHECK(as_written.text == whole.text);
    CHECK(as_written.losses.entries() == whole.losses.entries());
  }

  // Nested components and files, on two threads: each half counts its
  // losses apart, and the counts add up to the whole BOM's.
  const model::Document big = big_nested_document();
  const Written as_written = mapped_as_written(big, "1.5");
  const Written whole = mapped_whole(big, "1.5");
  CHECK(as_written.text == whole.text);
  CHECK(as_written.losses.entries() == whole.losses.entries());
  CHECK(as_written.losses.entries().at(
            "image layer of a component's location (CycloneDX 1.5 has no field for it)") ==
        2 * k_two_halves_threshold);
  CHECK(as_written.text.find("\"file:usr/lib/package-10001/index.js\"") != std::string::npos);
  // package-10006 depends on package-10007 twice over, listed once.
  CHECK(as_written.text.find("\"ref\": \"pkg:npm/package-10006@1.0.0\",\n      \"dependsOn\": [\n"
                             "        \"pkg:npm/package-10007@1.0.0\"\n      ]") !=
        std::string::npos);
}
