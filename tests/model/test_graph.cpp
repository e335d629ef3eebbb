#include <kensa/model/graph.hpp>
#include <kensa/model/ids.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kensa::model;

namespace {

Component npm_package(std::string name, std::string version, std::string location) {
  Component component;
  component.ecosystem = "npm";
  component.name = std::move(name);
  component.version = std::move(version);
  component.purl = "pkg:npm/" + component.name + "@" + component.version;
  component.evidence.push_back(Evidence{std::move(location), "", "npm"});
  return component;
}

} // namespace

TEST_CASE("graph: one component per purl, evidence lists every place", "[model][graph]") {
  ComponentGraph graph;
  auto first = npm_package("ms", "2.1.3", "a/package-lock.json");
  first.scope = Scope::excluded;
  first.development = true;
  auto second = npm_package("ms", "2.1.3", "b/package-lock.json");
  second.scope = Scope::required;
  second.hashes.push_back(Hash{HashAlgorithm::sha1, "aa"});
  auto id_first = graph.add(first);
  auto id_second = graph.add(second);
  CHECK(id_first == id_second);
  CHECK(graph.component_count() == 1);

  auto document = std::move(graph).finish({});
  REQUIRE(document.components.size() == 1);
  const auto& merged = document.components.front();
  REQUIRE(merged.evidence.size() == 2);
  CHECK(merged.evidence[0].location == "a/package-lock.json");
  CHECK(merged.evidence[1].location == "b/package-lock.json");
  // Required somewhere means required; development only if dev everywhere.
  CHECK(merged.scope == Scope::required);
  CHECK_FALSE(merged.development);
  CHECK(merged.hashes.size() == 1);
}

TEST_CASE("graph: ids are content-derived and stable", "[model][graph]") {
  auto a = npm_package("left-pad", "1.3.0", "x/package-lock.json");
  auto b = npm_package("left-pad", "1.3.0", "elsewhere/package-lock.json");
  CHECK(component_id(a) == component_id(b)); // same purl, same id
  CHECK(component_id(a).size() == 16);
  CHECK(component_id(a) == content_hash_id("purl\npkg:npm/left-pad@1.3.0"));

  Component no_purl;
  no_purl.name = "thing";
  no_purl.evidence.push_back(Evidence{"one/place", "", "test"});
  Component elsewhere = no_purl;
  elsewhere.evidence.front().location = "other/place";
  CHECK(component_id(no_purl) != component_id(elsewhere));
  CHECK(component_id(no_purl) == component_id(Component(no_purl)));
}

TEST_CASE("graph: output is sorted and independent of insertion order", "[model][graph]") {
  auto build = [](bool reversed) {
    ComponentGraph graph;
    std::vector<Component> items{npm_package("b", "1.0.0", "l"), npm_package("a", "2.0.0", "l"),
                                 npm_package("c", "0.1.0", "l")};
    if (reversed) {
      std::reverse(items.begin(), items.end());
    }
    std::vector<std::string> ids;
    for (auto& item : items) {
      ids.push_back(graph.add(item));
    }
    graph.relate(ids[0], ids[1], RelationshipType::depends_on);
    graph.relate(ids[2], ids[1], RelationshipType::depends_on);
    return std::move(graph).finish({});
  };
  auto forward = build(false);
  auto backward = build(true);
  REQUIRE(forward.components.size() == 3);
  CHECK(forward.components[0].name == "a");
  CHECK(forward.components[2].name == "c");
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(forward.components[i].id == backward.components[i].id);
  }
  CHECK(forward.relationships.size() == 2);
}

TEST_CASE("graph: edges to unknown components are dropped, self edges ignored", "[model][graph]") {
  ComponentGraph graph;
  auto id = graph.add(npm_package("a", "1.0.0", "l"));
  graph.relate(id, id, RelationshipType::depends_on);
  graph.relate(id, "ffffffffffffffff", RelationshipType::depends_on);
  auto document = std::move(graph).finish({});
  CHECK(document.relationships.empty());
}

TEST_CASE("graph: a component added with its id merges with the same one added without",
          "[model][graph]") {
  ComponentGraph graph;
  Component mapped = npm_package("a", "1.0.0", "first/package.json");
  mapped.id = component_id(mapped);
  const std::string id = graph.add_identified(std::move(mapped));
  CHECK(graph.add(npm_package("a", "1.0.0", "second/package.json")) == id);
  auto document = std::move(graph).finish({});
  REQUIRE(document.components.size() == 1);
  CHECK(document.components[0].id == id);
  CHECK(document.components[0].evidence.size() == 2);
}

// A reader hands its whole list of mapped components over: the graph, the
// places and the finished document are those of adding them one by one,
// duplicates merged into the first, entries without id left out; into a
// graph that has components already too.
TEST_CASE("graph: components added at once are those added one by one", "[model][graph]") {
  const auto identified = [](Component component) {
    component.id = component_id(component);
    return component;
  };
  std::vector<Component> list;
  list.push_back(identified(npm_package("b", "1.0.0", "first")));
  list.push_back(identified(npm_package("a", "1.0.0", "first")));
  list.push_back(Component{}); // A file entry: no id.
  Component duplicate = identified(npm_package("b", "1.0.0", "second"));
  duplicate.hashes.push_back(Hash{HashAlgorithm::sha1, "aa"});
  duplicate.description = "filled from the duplicate";
  list.push_back(std::move(duplicate));
  list.push_back(identified(npm_package("c", "1.0.0", "first")));

  for (const bool start_empty : {true, false}) {
    INFO("graph empty before: " << start_empty);
    ComponentGraph one_by_one;
    ComponentGraph at_once;
    if (!start_empty) {
      one_by_one.add(npm_package("z", "1.0.0", "before"));
      at_once.add(npm_package("z", "1.0.0", "before"));
    }
    const std::size_t first_new = at_once.component_count();
    for (const Component& component : list) {
      if (!component.id.empty()) {
        one_by_one.add_identified(component);
      }
    }
    const std::vector<ComponentGraph::Added> added = at_once.add_identified_all(list);
    REQUIRE(added.size() == list.size());
    CHECK(added[0].place == first_new);
    CHECK(added[1].place == first_new + 1);
    CHECK(added[2].place == ComponentGraph::k_not_added);
    CHECK(added[3].place == first_new); // Merged into the first "b".
    CHECK(added[4].place == first_new + 2);
    for (std::size_t i = 0; i < added.size(); ++i) {
      INFO(i);
      CHECK(added[i].merged == (i == 3));
    }
    CHECK(at_once.component_count() == one_by_one.component_count());
    CHECK(at_once.component_at(added[3].place).hashes.size() == 1);
    CHECK(at_once.component_at(added[4].place).name == "c");

    const Document expected = std::move(one_by_one).finish({});
    const Document got = std::move(at_once).finish({});
    REQUIRE(got.components.size() == expected.components.size());
    for (std::size_t i = 0; i < got.components.size(); ++i) {
      INFO(i);
      CHECK(got.components[i].id == expected.components[i].id);
      CHECK(got.components[i].evidence == expected.components[i].evidence);
      CHECK(got.components[i].hashes == expected.components[i].hashes);
      CHECK(got.components[i].description == expected.components[i].description);
    }
  }
}

// Past a few thousand components, finish() sorts components and
// relationships on two threads: the result is the same as for a small graph.
TEST_CASE("graph: a big graph finishes sorted, with unknown ends dropped", "[model][graph]") {
  constexpr std::size_t k_count = 5000;
  ComponentGraph graph;
  std::vector<std::string> ids;
  // Added in an order the sort must change (7 and k_count are coprime).
  for (std::size_t i = 0; i < k_count; ++i) {
    const std::size_t n = (i * 7) % k_count;
    ids.push_back(graph.add(npm_package("p" + std::to_string(n), "1.0.0", "l")));
  }
  for (std::size_t i = 0; i + 1 < k_count; ++i) {
    graph.relate(ids[i + 1], ids[i], RelationshipType::depends_on);
    graph.relate(ids[i + 1], ids[i], RelationshipType::depends_on);
  }
  graph.relate(ids[0], "ffffffffffffffff", RelationshipType::depends_on);
  auto document = std::move(graph).finish({});
  REQUIRE(document.components.size() == k_count);
  CHECK(std::is_sorted(document.components.begin(), document.components.end(),
                       [](const Component& a, const Component& b) { return a.purl < b.purl; }));
  REQUIRE(document.relationships.size() == k_count - 1);
  CHECK(std::is_sorted(document.relationships.begin(), document.relationships.end()));
  CHECK(std::adjacent_find(document.relationships.begin(), document.relationships.end()) ==
        document.relationships.end());
  REQUIRE(document.diagnostics.size() == 1);
  CHECK(document.diagnostics[0].message.find("dropped a relationship") != std::string::npos);
  for (const auto& relationship : document.relationships) {
    REQUIRE(document.find(relationship.from) != nullptr);
    REQUIRE(document.find(relationship.to) != nullptr);
  }
}

// What a merge of two sorted documents adds: a sorted run, then another
// (the second's new items). finish() merges the runs instead of sorting
// all; the order is the one a full sort gives, duplicates removed.
TEST_CASE("graph: two sorted runs finish as one sorted whole", "[model][graph]") {
  auto build = [](const std::vector<std::string>& names) {
    ComponentGraph graph;
    std::vector<std::string> ids;
    for (const auto& name : names) {
      ids.push_back(graph.add(npm_package(name, "1.0.0", "l")));
    }
    // Edges in two sorted runs (by source id), one of them twice.
    std::vector<Relationship> first;
    std::vector<Relationship> second;
    for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
      auto& run = i % 2 == 0 ? first : second;
      run.push_back({ids[i], ids[i + 1], RelationshipType::depends_on});
    }
    second.push_back(first.front());
    std::sort(first.begin(), first.end());
    std::sort(second.begin(), second.end());
    for (const auto& run : {first, second}) {
      for (const auto& edge : run) {
        graph.relate(edge.from, edge.to, edge.type);
      }
    }
    return std::move(graph).finish({});
  };
  // "a" to "f" sorted, then "bb", "cc", "g" sorted: two runs.
  const auto runs = build({"a", "b", "c", "d", "e", "f", "bb", "cc", "g"});
  const auto shuffled = build({"g", "c", "bb", "a", "f", "cc", "e", "b", "d"});
  std::vector<std::string> names;
  for (const auto& component : runs.components) {
    names.push_back(component.name);
  }
  CHECK(names == std::vector<std::string>{"a", "b", "bb", "c", "cc", "d", "e", "f", "g"});
  CHECK(std::is_sorted(runs.relationships.begin(), runs.relationships.end()));
  CHECK(std::adjacent_find(runs.relationships.begin(), runs.relationships.end()) ==
        runs.relationships.end());
  CHECK(runs.relationships.size() == 8);
  for (std::size_t i = 0; i < runs.components.size(); ++i) {
    CHECK(runs.components[i].id == shuffled.components[i].id);
  }
}

// finish() sorts relationships by keys that hold the first eight bytes of
// each end's id, and compares whole ids only on a tie: the order must be
// the one std::sort gives, for ids that share their first eight bytes and
// for the same two ends joined by edges of two types.
TEST_CASE("graph: relationships finish in the order a full sort gives", "[model][graph]") {
  ComponentGraph graph;
  std::vector<std::string> ids;
  for (int n = 0; n < 40; ++n) {
    ids.push_back(graph.add(npm_package("p" + std::to_string(n), "1.0.0", "l")));
  }
  // The subject may have any id: one that starts as a component's does,
  // and ends otherwise.
  DocumentMetadata metadata;
  metadata.subject = Component{};
  metadata.subject->id = ids[3].substr(0, 8) + "0";
  std::vector<Relationship> expected;
  const auto relate = [&](const std::string& from, const std::string& to, RelationshipType type) {
    graph.relate(from, to, type);
    expected.push_back({from, to, type});
  };
  // A sorted run first, as a document kensa wrote starts; then the rest in
  // no order, some twice.
  relate(ids[0], ids[1], RelationshipType::depends_on);
  for (std::size_t k = 0; k < 200; ++k) {
    const std::string& from = ids[(k * 7) % ids.size()];
    const std::string& to = ids[(k * 13 + 5) % ids.size()];
    relate(from, to, k % 3 == 0 ? RelationshipType::dev_depends_on : RelationshipType::depends_on);
  }
  for (std::size_t k = 0; k < ids.size(); k += 3) {
    relate(metadata.subject->id, ids[k], RelationshipType::describes);
    relate(ids[3], ids[k], RelationshipType::depends_on);
  }
  std::erase_if(expected, [](const Relationship& relationship) {
    return relationship.from == relationship.to;
  });
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  auto document = std::move(graph).finish(std::move(metadata));
  CHECK(document.relationships == expected);
}

// finish() sorts components by keys holding eight bytes of each purl past
// the start all purls share: purls alike for longer than that, purls that
// are a prefix of another, and components without a purl (no shared
// start at all) must still come in the order of a full comparison.
TEST_CASE("graph: components finish in purl order past a long shared start", "[model][graph]") {
  const std::vector<std::string> names{"package-10000000a", "package-10000000b", "package-1",
                                       "package-10000000",  "package-2",         "package-100"};
  const auto finished_purls = [&](bool with_unnamed) {
    ComponentGraph graph;
    for (const auto& name : names) {
      graph.add(npm_package(name, "1.0.0", "l"));
      graph.add(npm_package(name, "1.0.0-rc", "l"));
    }
    if (with_unnamed) {
      Component unnamed;
      unnamed.name = "no-purl";
      graph.add(std::move(unnamed));
    }
    std::vector<std::string> purls;
    for (const auto& component : std::move(graph).finish({}).components) {
      purls.push_back(component.purl);
    }
    return purls;
  };
  for (const bool with_unnamed : {false, true}) {
    const auto purls = finished_purls(with_unnamed);
    std::vector<std::string> expected;
    for (const auto& name : names) {
      expected.push_back("pkg:npm/" + name + "@1.0.0");
      expected.push_back("pkg:npm/" + name + "@1.0.0-rc");
    }
    if (with_unnamed) {
      expected.emplace_back();
    }
    std::sort(expected.begin(), expected.end());
    CHECK(purls == expected);
  }
}
