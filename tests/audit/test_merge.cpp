#include <kensa/audit/merge.hpp>
#include <kensa/model/graph.hpp>
#include <kensa/model/ids.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using kensa::model::Component;
using kensa::model::Document;

Component merge_package(const std::string& name, const std::string& version) {
  Component component;
  component.ecosystem = "npm";
  component.name = name;
  component.version = version;
  component.purl = "pkg:npm/" + name + "@" + version;
  component.id = kensa::model::component_id(component);
  return component;
}

std::vector<std::string> property_values(const Component& component, const std::string& name) {
  std::vector<std::string> values;
  for (const auto& property : component.properties) {
    if (property.name == name) {
      values.push_back(property.value);
    }
  }
  std::sort(values.begin(), values.end());
  return values;
}

// What the tests compare of two component lists: everything a merge could
// change.
std::vector<std::string> merge_summary(const std::vector<Component>& components) {
  std::vector<std::string> lines;
  for (const auto& component : components) {
    std::string line = component.id + " " + component.purl + " " + component.supplier.name + " " +
                       component.description;
    for (const auto& hash : component.hashes) {
      line += " " + hash.hex;
    }
    for (const auto& property : component.properties) {
      line += " " + property.name + "=" + property.value;
    }
    for (const auto& evidence : component.evidence) {
      line += " @" + evidence.location;
    }
    line += " licenses:" + std::to_string(component.licenses_declared.size());
    lines.push_back(std::move(line));
  }
  return lines;
}

const Component* find_purl(const Document& document, const std::string& purl) {
  for (const auto& component : document.components) {
    if (component.purl == purl) {
      return &component;
    }
  }
  return nullptr;
}

} // namespace

TEST_CASE("merge: one component per purl, conflicting values kept with their source",
          "[audit][merge]") {
  Document a;
  Document b;
  Component left = merge_package("left-pad", "1.3.0");
  left.supplier.name = "Azer";
  left.hashes = {{kensa::model::HashAlgorithm::sha256, std::string(64, 'a')}};
  left.evidence = {{"a/package-lock.json", "", "npm"}};
  Component right = merge_package("left-pad", "1.3.0");
  right.supplier.name = "Someone Else";
  right.hashes = {{kensa::model::HashAlgorithm::sha256, std::string(64, 'b')}};
  right.evidence = {{"b/package-lock.json", "", "npm"}};
  right.licenses_declared = {{"WTFPL", "", ""}};
  a.components = {left, merge_package("ms", "2.1.3")};
  b.components = {right};
  const std::vector<kensa::audit::MergeInput> inputs{{"a.cdx.json", &a}, {"b.spdx.json", &b}};
  const Document merged = kensa::audit::merge_documents(inputs, {});
  REQUIRE(merged.components.size() == 2);
  const Component* pad = find_purl(merged, "pkg:npm/left-pad@1.3.0");
  REQUIRE(pad != nullptr);
  CHECK(pad->supplier.name == "Azer");
  CHECK(property_values(*pad, "kensa:merge:conflict:supplier") ==
        std::vector<std::string>{"Azer (from a.cdx.json)", "Someone Else (from b.spdx.json)"});
  CHECK(property_values(*pad, "kensa:merge:conflict:hash:SHA-256") ==
        std::vector<std::string>{std::string(64, 'a') + " (from a.cdx.json)",
                                 std::string(64, 'b') + " (from b.spdx.json)"});
  CHECK(pad->hashes.size() == 2);
  CHECK(pad->evidence.size() == 2);
  CHECK(pad->licenses_declared.size() == 1);
}

TEST_CASE("merge: a document merged with itself is itself", "[audit][merge]") {
  Document a;
  Component app = merge_package("app", "1.0.0");
  Component dependency = merge_package("ms", "2.1.3");
  dependency.supplier.name = "Vercel";
  a.metadata.subject = app;
  a.metadata.timestamp = "2023-11-14T22:13:20Z";
  a.metadata.tools = {{"kensa", "kensa", "1.0"}};
  a.components = {dependency};
  a.relationships = {{app.id, dependency.id, kensa::model::RelationshipType::describes}};
  const std::vector<kensa::audit::MergeInput> once{{"a.json", &a}};
  const std::vector<kensa::audit::MergeInput> twice{{"a.json", &a}, {"a.json", &a}};
  const Document single = kensa::audit::merge_documents(once, {});
  const Document doubled = kensa::audit::merge_documents(twice, {});
  CHECK(merge_summary(doubled.components) == merge_summary(single.components));
  CHECK(doubled.relationships == single.relationships);
  CHECK(doubled.metadata.subject->id == app.id);
  CHECK(doubled.metadata.tools.size() == 1);
  CHECK(merge_summary(single.components) == merge_summary(a.components));
  CHECK(single.relationships == a.relationships);
}

TEST_CASE("merge: --hierarchical keeps each input as an assembly", "[audit][merge]") {
  Document a;
  Document b;
  Component service_a = merge_package("service-a", "1.0.0");
  Component service_b = merge_package("service-b", "2.0.0");
  a.metadata.subject = service_a;
  b.metadata.subject = service_b;
  a.components = {merge_package("ms", "2.1.3"), merge_package("debug", "4.3.4")};
  b.components = {merge_package("ms", "2.1.3")};
  const std::string debug_id = merge_package("debug", "4.3.4").id;
  a.relationships = {{service_a.id, debug_id, kensa::model::RelationshipType::describes}};
  const std::vector<kensa::audit::MergeInput> inputs{{"a.json", &a}, {"b.json", &b}};
  kensa::audit::MergeOptions options;
  options.hierarchical = true;
  options.source_name = "platform";
  options.source_version = "2026.1";
  const Document merged = kensa::audit::merge_documents(inputs, options);
  REQUIRE(merged.metadata.subject);
  CHECK(merged.metadata.subject->name == "platform");
  CHECK(merged.metadata.subject->version == "2026.1");
  // Two assemblies and two packages, ms once.
  CHECK(merged.components.size() == 4);
  auto contains = [&](const std::string& from, const std::string& to) {
    return std::find(
               merged.relationships.begin(), merged.relationships.end(),
               kensa::model::Relationship{from, to, kensa::model::RelationshipType::contains}) !=
           merged.relationships.end();
  };
  const std::string ms = merge_package("ms", "2.1.3").id;
  CHECK(contains(merged.metadata.subject->id, service_a.id));
  CHECK(contains(merged.metadata.subject->id, service_b.id));
  CHECK(contains(service_a.id, ms));
  CHECK(contains(service_b.id, ms));
  CHECK(contains(service_a.id, merge_package("debug", "4.3.4").id));
  CHECK_FALSE(contains(service_b.id, merge_package("debug", "4.3.4").id));
  // What the input's subject described, its assembly depends on: only the
  // merged document's subject describes anything.
  CHECK(std::find(merged.relationships.begin(), merged.relationships.end(),
                  kensa::model::Relationship{service_a.id, debug_id,
                                             kensa::model::RelationshipType::depends_on}) !=
        merged.relationships.end());
}

TEST_CASE("merge: incompleteness and omissions carry over", "[audit][merge]") {
  Document a;
  Document b;
  a.metadata.completeness = kensa::model::Completeness::complete;
  b.metadata.completeness = kensa::model::Completeness::incomplete;
  b.metadata.omissions = {{"image.tar!/layer", "damaged archive"}};
  b.metadata.omitted = 3;
  const std::vector<kensa::audit::MergeInput> inputs{{"a.json", &a}, {"b.json", &b}};
  const Document merged = kensa::audit::merge_documents(inputs, {});
  CHECK(merged.metadata.completeness == kensa::model::Completeness::incomplete);
  REQUIRE(merged.metadata.omissions.size() == 1);
  CHECK(merged.metadata.omissions[0].location == "image.tar!/layer");
  CHECK(merged.metadata.omitted == 3);
}

// kensa merge hands each document it read over to the merger, which moves
// its contents instead of copying them: the result is the same.
TEST_CASE("merge: documents handed over merge as copies do", "[audit][merge]") {
  auto inputs = [] {
    Document a;
    Document b;
    Component app = merge_package("app", "1.0.0");
    Component left = merge_package("left-pad", "1.3.0");
    left.supplier.name = "Azer";
    Component right = merge_package("left-pad", "1.3.0");
    right.supplier.name = "Someone Else";
    Component ms = merge_package("ms", "2.1.3");
    a.metadata.subject = app;
    a.components = {left, ms};
    a.relationships = {{app.id, left.id, kensa::model::RelationshipType::describes},
                       {left.id, ms.id, kensa::model::RelationshipType::depends_on}};
    a.files = {{"lib/index.js", {}, {left.id}}};
    b.components = {right, merge_package("debug", "4.3.4")};
    b.relationships = {{right.id, ms.id, kensa::model::RelationshipType::depends_on}};
    return std::vector<Document>{a, b};
  };
  for (const bool hierarchical : {false, true}) {
    CAPTURE(hierarchical);
    kensa::audit::MergeOptions options;
    options.hierarchical = hierarchical;
    const std::vector<Document> copies = inputs();
    const std::vector<kensa::audit::MergeInput> listed{{"a.json", &copies[0]},
                                                       {"b.json", &copies[1]}};
    const Document copied = kensa::audit::merge_documents(listed, options);
    std::vector<Document> handed = inputs();
    kensa::audit::DocumentMerger merger(options);
    merger.add("a.json", std::move(handed[0]));
    merger.add("b.json", std::move(handed[1]));
    const Document moved = std::move(merger).finish();
    CHECK(merge_summary(moved.components) == merge_summary(copied.components));
    CHECK(moved.relationships == copied.relationships);
    REQUIRE(moved.files.size() == 1);
    CHECK(moved.files[0].path == copied.files[0].path);
    CHECK(moved.files[0].owner_ids == copied.files[0].owner_ids);
    const Component* pad = find_purl(moved, "pkg:npm/left-pad@1.3.0");
    REQUIRE(pad != nullptr);
    CHECK(property_values(*pad, "kensa:merge:conflict:supplier") ==
          std::vector<std::string>{"Azer (from a.json)", "Someone Else (from b.json)"});
  }
}

// Big inputs take other paths: the first document's list becomes the
// merged one's at once, and relationships are added beside components.
// The merge is the one of the same documents as copies (one by one),
// every edge of both is there, conflicts are kept, and a first document
// with a purl twice still records what its two copies disagree on.
TEST_CASE("merge: big documents merge as copies of them do", "[audit][merge]") {
  constexpr std::size_t k_count = 5000;
  const auto chain = [](std::size_t first, std::size_t count, const std::string& supplier) {
    Document document;
    std::string previous;
    for (std::size_t i = first; i < first + count; ++i) {
      Component component = merge_package("p" + std::to_string(i), "1.0.0");
      component.supplier.name = supplier;
      if (!previous.empty()) {
        document.relationships.push_back(
            {previous, component.id, kensa::model::RelationshipType::depends_on});
      }
      previous = component.id;
      document.components.push_back(std::move(component));
    }
    return document;
  };
  const auto inputs = [&] {
    Document a = chain(0, k_count, "A");
    Component twice = a.components.front();
    twice.supplier.name = "A again";
    a.components.push_back(twice);
    return std::vector<Document>{a, chain(k_count / 2, k_count, "B")};
  };
  const std::vector<Document> copies = inputs();
  std::vector<kensa::model::Relationship> every_edge = copies[0].relationships;
  every_edge.insert(every_edge.end(), copies[1].relationships.begin(),
                    copies[1].relationships.end());
  std::sort(every_edge.begin(), every_edge.end());
  every_edge.erase(std::unique(every_edge.begin(), every_edge.end()), every_edge.end());

  const std::vector<kensa::audit::MergeInput> listed{{"a.json", &copies[0]},
                                                     {"b.json", &copies[1]}};
  const Document copied = kensa::audit::merge_documents(listed, {});
  std::vector<Document> handed = inputs();
  kensa::audit::DocumentMerger merger({});
  merger.add("a.json", std::move(handed[0]));
  merger.add("b.json", std::move(handed[1]));
  const Document moved = std::move(merger).finish();

  CHECK(moved.components.size() == k_count * 3 / 2);
  CHECK(merge_summary(moved.components) == merge_summary(copied.components));
  CHECK(moved.relationships == every_edge);
  CHECK(copied.relationships == every_edge);
  const Component* first = find_purl(moved, "pkg:npm/p0@1.0.0");
  REQUIRE(first != nullptr);
  CHECK(property_values(*first, "kensa:merge:conflict:supplier") ==
        std::vector<std::string>{"A (from a.json)", "A again (from a.json)"});
  const Component* shared = find_purl(moved, "pkg:npm/p" + std::to_string(k_count / 2) + "@1.0.0");
  REQUIRE(shared != nullptr);
  CHECK(property_values(*shared, "kensa:merge:conflict:supplier") ==
        std::vector<std::string>{"A (from a.json)", "B (from b.json)"});
}

// A component without a purl has an id that digests its first evidence; a
// graph takes it when the component is added, before finish() sorts the
// evidence, so the document's own id can differ from the one it takes in
// the merge. Its edges and files follow it there, with either id.
TEST_CASE("merge: components without a purl keep their edges and files", "[audit][merge]") {
  auto input = [] {
    kensa::model::ComponentGraph graph;
    Component app = merge_package("app", "1.0.0");
    Component vendored;
    vendored.name = "vendored-zlib";
    vendored.version = "1.3";
    vendored.evidence = {{"z/zlib.h", "", "c"}, {"a/zlib.h", "", "c"}};
    Component inner;
    inner.name = "inner";
    inner.version = "2";
    inner.evidence = {{"m/inner.c", "", "c"}};
    const std::string app_id = graph.add(app);
    const std::string vendored_id = graph.add(vendored);
    const std::string inner_id = graph.add(inner);
    graph.relate(app_id, vendored_id, kensa::model::RelationshipType::depends_on);
    graph.relate(vendored_id, inner_id, kensa::model::RelationshipType::depends_on);
    graph.add_file({"z/zlib.h", {}, {vendored_id}});
    return std::move(graph).finish({});
  };
  const Document a = input();
  REQUIRE(a.relationships.size() == 2);
  // The situation this is about: the document names the component by an
  // id it would not be given now.
  const Component* vendored = nullptr;
  for (const auto& component : a.components) {
    if (component.name == "vendored-zlib") {
      vendored = &component;
    }
  }
  REQUIRE(vendored != nullptr);
  REQUIRE(vendored->id != kensa::model::component_id(*vendored));

  const auto check = [](const Document& merged) {
    REQUIRE(merged.components.size() == 3);
    CHECK(merged.relationships.size() == 2);
    for (const auto& relationship : merged.relationships) {
      INFO(relationship.from << " -> " << relationship.to);
      const auto named = [&](const std::string& id) {
        return std::any_of(merged.components.begin(), merged.components.end(),
                           [&](const Component& component) { return component.id == id; });
      };
      CHECK(named(relationship.from));
      CHECK(named(relationship.to));
    }
    REQUIRE(merged.files.size() == 1);
    REQUIRE(merged.files[0].owner_ids.size() == 1);
    const std::string& owner = merged.files[0].owner_ids[0];
    CHECK(std::any_of(merged.components.begin(), merged.components.end(),
                      [&](const Component& component) {
                        return component.id == owner && component.name == "vendored-zlib";
                      }));
  };
  const std::vector<kensa::audit::MergeInput> once{{"a.json", &a}};
  const std::vector<kensa::audit::MergeInput> twice{{"a.json", &a}, {"a.json", &a}};
  check(kensa::audit::merge_documents(once, {}));
  check(kensa::audit::merge_documents(twice, {}));
  kensa::audit::DocumentMerger merger({});
  merger.add("a.json", input());
  merger.add("b.json", input());
  check(std::move(merger).finish());
}
