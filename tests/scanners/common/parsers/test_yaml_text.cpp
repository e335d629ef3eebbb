// The one YAML reader of the scanners: the tree it reads, aliases shared
// and budgeted, the caps, and how a broken file is reported.
#include "../../../../src/scanners/common/parsers/yaml_text.hpp"

#include <kensa/model/graph.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kensa;
using scanner::YamlKind;
using scanner::YamlNode;

namespace {

// What reading one text gave: the document (when read) and the warnings.
struct YamlReading {
  std::optional<scanner::YamlDocument> document;
  std::vector<std::string> warnings;
  bool incomplete = false;
};

// Reads `text` as the file "app/x.yaml" with `read`, a function of the
// text and the report.
template <typename Read>
YamlReading read_yaml_with(std::string_view text, Read read) {
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "test", "subject");
  scanner::FileReport report(context, std::string("app/x.yaml"));
  YamlReading reading;
  reading.document = read(text, report);
  const model::Document document = std::move(graph).finish({});
  for (const auto& diagnostic : document.diagnostics) {
    reading.warnings.push_back(diagnostic.location + ": " + diagnostic.message);
  }
  reading.incomplete = document.metadata.completeness == model::Completeness::incomplete;
  return reading;
}

YamlReading read_yaml_text(std::string_view text) {
  return read_yaml_with(text, [](std::string_view yaml, scanner::FileReport& report) {
    return scanner::load_yaml(yaml, report);
  });
}

// A map anchored as &big with `entries` entries, and `aliases` entries
// naming it.
std::string aliased_map(int entries, int aliases) {
  std::string text = "shared: &big\n";
  for (int i = 0; i < entries; ++i) {
    text += "  k" + std::to_string(i) + ": v\n";
  }
  text += "users:\n";
  for (int i = 0; i < aliases; ++i) {
    text += "  - *big\n";
  }
  return text;
}

} // namespace

TEST_CASE("yaml text: scalars, nulls, maps and lists with their lines", "[scanner][yaml]") {
  const auto reading = read_yaml_text("name: app\n"
                                      "empty:\n"
                                      "tilde: ~\n"
                                      "quoted: 'null'\n"
                                      "version: \"1.0\"\n"
                                      "list:\n"
                                      "  - a\n"
                                      "  - {b: c}\n"
                                      "name: again\n");
  REQUIRE(reading.document);
  CHECK(reading.warnings.empty());
  const YamlNode root = reading.document->root();
  REQUIRE(root.is_map());
  CHECK(root.size() == 7);
  CHECK(root.line() == 1);
  // The first of two entries with one name, as a lookup by name gives.
  CHECK(scanner::scalar(root.child("name")) == "app");
  CHECK(root.child("empty").is_null());
  CHECK(root.child("tilde").is_null());
  CHECK(root.child("quoted").is_scalar());
  CHECK(root.child("quoted").text() == "null");
  CHECK(root.child("version").text() == "1.0");
  CHECK_FALSE(root.child("missing").defined());
  CHECK_FALSE(root.child("missing").is_null());
  CHECK_FALSE(root.child("name").child("x").defined());

  const YamlNode list = root.child("list");
  REQUIRE(list.is_sequence());
  CHECK(list.line() == 7);
  std::vector<std::string> items;
  for (const scanner::YamlEntry item : list.entries()) {
    CHECK_FALSE(item.key.defined());
    items.push_back(item.value.is_scalar() ? std::string(item.value.text())
                                           : scanner::scalar(item.value.child("b")));
  }
  CHECK(items == std::vector<std::string>{"a", "c"});

  std::vector<std::string> keys;
  for (const scanner::YamlEntry entry : root.entries()) {
    keys.push_back(scanner::scalar(entry.key));
  }
  CHECK(keys ==
        std::vector<std::string>{"name", "empty", "tilde", "quoted", "version", "list", "name"});
}

TEST_CASE("yaml text: an empty text is a null document, and only the first document is read",
          "[scanner][yaml]") {
  const auto empty = read_yaml_text("");
  REQUIRE(empty.document);
  CHECK(empty.document->root().is_null());

  const auto two = read_yaml_text("---\na: 1\n---\nb: 2\n");
  REQUIRE(two.document);
  CHECK(two.document->root().child("a").text() == "1");
  CHECK_FALSE(two.document->root().child("b").defined());
}

TEST_CASE("yaml text: an alias is the node it names, not a copy", "[scanner][yaml]") {
  const auto reading = read_yaml_text("base: &base\n  x: 1\none: *base\ntwo: *base\n");
  REQUIRE(reading.document);
  const YamlNode root = reading.document->root();
  for (const char* name : {"one", "two"}) {
    const YamlNode aliased = root.child(name);
    REQUIRE(aliased.is_map());
    CHECK(aliased.child("x").text() == "1");
    // The anchored node itself, with its line (where its anchor is).
    CHECK(aliased.line() == 1);
  }
}

TEST_CASE("yaml text: aliases are budgeted as what walking them would cost",
          "[scanner][yaml][hostile]") {
  // 1,000 aliases of a 1,000-entry map: 2 million nodes to walk.
  const auto nodes = read_yaml_text(aliased_map(1'000, 1'000));
  CHECK_FALSE(nodes.document);
  REQUIRE(nodes.warnings.size() == 1);
  CHECK(nodes.warnings[0] ==
        "app/x.yaml: line 1502: aliases add more than 1000000 nodes to the document; not read");
  CHECK(nodes.incomplete);

  // 100 aliases of a 1 MiB scalar: a hundred nodes, but 100 MiB to copy.
  std::string text = "big: &big " + std::string(1 << 20, 'x') + "\nusers:\n";
  for (int i = 0; i < 100; ++i) {
    text += "  - *big\n";
  }
  const auto bytes = read_yaml_text(text);
  CHECK_FALSE(bytes.document);
  REQUIRE(bytes.warnings.size() == 1);
  CHECK(bytes.warnings[0] == "app/x.yaml: line 67: aliases add more than 67108864 bytes of "
                             "text to the document; not read");

  // Within both budgets, every alias reads.
  const auto within = read_yaml_text(aliased_map(100, 100));
  REQUIRE(within.document);
  CHECK(within.warnings.empty());
  CHECK(within.document->root().child("users").size() == 100);
}

TEST_CASE("yaml text: an alias inside the node it names, or naming nothing, is refused",
          "[scanner][yaml][hostile]") {
  const auto loop = read_yaml_text("a: &loop\n  b: *loop\n");
  CHECK_FALSE(loop.document);
  CHECK(loop.warnings == std::vector<std::string>{
                             "app/x.yaml: line 2: an alias inside the node it names; not read"});

  const auto unknown = read_yaml_text("a: 1\nb: *nowhere\n");
  CHECK_FALSE(unknown.document);
  CHECK(unknown.warnings ==
        std::vector<std::string>{"app/x.yaml: line 2: alias *nowhere names no anchor; not read"});
}

TEST_CASE("yaml text: nesting past the cap is refused, block or flow", "[scanner][yaml][hostile]") {
  const std::size_t over = scanner::k_max_yaml_depth + 1;
  const auto flow = read_yaml_text(std::string(over, '[') + std::string(over, ']'));
  CHECK_FALSE(flow.document);
  CHECK(flow.warnings ==
        std::vector<std::string>{"app/x.yaml: line 1: nested deeper than 128 levels; not read"});

  std::string block;
  for (std::size_t level = 0; level < over; ++level) {
    block += std::string(level, ' ') + "k:\n";
  }
  const auto indented = read_yaml_text(block);
  CHECK_FALSE(indented.document);
  REQUIRE(indented.warnings.size() == 1);
  CHECK(indented.warnings[0].find("nested deeper than 128 levels") != std::string::npos);

  // A million brackets cost no more than the 129 that are read.
  const std::size_t many = 1'000'000;
  const auto deep = read_yaml_text(std::string(many, '['));
  CHECK_FALSE(deep.document);

  const std::size_t within = scanner::k_max_yaml_depth;
  const auto fine = read_yaml_text(std::string(within, '[') + std::string(within, ']'));
  CHECK(fine.document);
}

TEST_CASE("yaml text: a syntax error is one omission with its line", "[scanner][yaml]") {
  const auto broken = read_yaml_text("a: 1\nb: [unclosed\nc: 2\n");
  CHECK_FALSE(broken.document);
  REQUIRE(broken.warnings.size() == 1);
  CHECK(broken.warnings[0].starts_with("app/x.yaml: line "));
  CHECK(broken.warnings[0].find("not valid YAML: ") != std::string::npos);
  CHECK(broken.incomplete);

  const auto comma = read_yaml_text(",a: 1\n");
  CHECK_FALSE(comma.document);
  CHECK(comma.warnings.size() == 1);
}

TEST_CASE("yaml text: the lockfile opening: a top-level map, a section, a capped loop",
          "[scanner][yaml]") {
  const auto list = read_yaml_with("- a\n", [](std::string_view text, scanner::FileReport& report) {
    return scanner::load_yaml_map(text, report, "a pubspec.lock");
  });
  CHECK_FALSE(list.document);
  CHECK(list.warnings ==
        std::vector<std::string>{"app/x.yaml: not a pubspec.lock: the top level is not a map"});

  std::vector<std::string> seen;
  const auto sections = read_yaml_with(
      "packages: [a, b, c]\nnone: ~\nmap: {a: 1}\n",
      [&](std::string_view text, scanner::FileReport& report) {
        auto document = scanner::load_yaml_map(text, report, "a lockfile");
        REQUIRE(document);
        const YamlNode root = document->root();
        CHECK_FALSE(
            scanner::yaml_section(root, "none", YamlKind::sequence, "none", report).defined());
        CHECK_FALSE(
            scanner::yaml_section(root, "absent", YamlKind::sequence, "absent", report).defined());
        CHECK_FALSE(
            scanner::yaml_section(root, "map", YamlKind::sequence, "\"map\"", report).defined());
        const YamlNode packages =
            scanner::yaml_section(root, "packages", YamlKind::sequence, "packages", report);
        scanner::for_each_capped(packages, 2, "packages", report,
                                 [&](const scanner::YamlEntry& entry, std::size_t index) {
                                   seen.push_back(std::to_string(index) + " " +
                                                  scanner::scalar(entry.value));
                                   return true;
                                 });
        return document;
      });
  CHECK(seen == std::vector<std::string>{"1 a", "2 b"});
  CHECK(sections.warnings ==
        std::vector<std::string>{"app/x.yaml: \"map\" is not a list",
                                 "app/x.yaml: more than 2 packages; the rest is not read"});
}
