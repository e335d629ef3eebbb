// FileParserScanner, the base of every scanner that reads files: which rule
// a file goes to, in what order files and sets are read, what reaches the
// content parser, and how a parser that throws is contained.
#include "../support/component_lookup.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/scanner/file_parser_scanner.hpp>

#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>
#include <string>
#include <vector>

using namespace kensa;

namespace {

// What the parsers below saw, in order.
std::vector<std::string> g_seen;

void read_lock(scanner::FileReport& report, const source::SourceFile& file) {
  if (file.contents == "throw") {
    throw std::out_of_range("basic_string_view::substr");
  }
  if (file.contents == "bad") {
    report.warn("a bad line");
  }
  g_seen.push_back("lock " + file.location);
}

void read_manifests(scanner::ScanContext&, const scanner::FileSet& files) {
  std::string names;
  for (const auto& file : files) {
    names += " " + file.location;
  }
  g_seen.push_back("manifests" + names);
}

void read_throwing_set(scanner::ScanContext&, const scanner::FileSet&) {
  throw std::runtime_error("a set nobody foresaw");
}

void read_executable(scanner::FileReport&, const source::SourceFile& file) {
  g_seen.push_back("executable " + file.location);
}

void run_out_of_memory(scanner::FileReport&, const source::SourceFile&) {
  throw std::bad_alloc();
}

bool outside_vendor(const scanner::ScanContext&, const source::SourceFile& file) {
  return !file.location.starts_with("vendor/");
}

bool wants_anything(std::string_view) {
  return true;
}

std::string keep(std::string_view contents) {
  return std::string(contents);
}

} // namespace

TEST_CASE("file parser scanner: each file to the first rule that takes it, sets after",
          "[scanner][framework]") {
  using scanner::EvidenceKind;
  scanner::FileParserScanner::Rules rules{{
      scanner::each_file(scanner::patterns_of_kind({"**/app.lock"}, EvidenceKind::declared),
                         &read_lock, &outside_vendor),
      scanner::file_set(
          "manifests",
          scanner::patterns_of_kind({"**/*.lock", "**/manifest.json"}, EvidenceKind::declared),
          &read_manifests),
  }};
  rules.content =
      scanner::FileParserScanner::ContentFiles{{&wants_anything, &keep}, &read_executable};
  scanner::FileParserScanner parser(std::move(rules));
  // Every rule's globs, in order, are what the scan asks for.
  REQUIRE(parser.patterns().size() == 3);
  CHECK(parser.patterns()[0].glob == "**/app.lock");
  CHECK(parser.patterns()[2].glob == "**/manifest.json");
  REQUIRE(parser.content_rule() != nullptr);

  const std::vector<source::SourceFile> files{
      testing::file("a/app.lock"),        testing::file("a/manifest.json"),
      testing::file("b/app.lock", "bad"), testing::file("b/other.lock"),
      testing::file("bin/tool"),          testing::file("c/app.lock", "throw"),
      testing::file("d/app.lock"),        testing::file("vendor/app.lock"),
  };
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "test", "subject");
  g_seen.clear();
  parser.scan(context, files);

  CHECK(g_seen == std::vector<std::string>{
                      "lock a/app.lock",
                      "lock b/app.lock",
                      "executable bin/tool",
                      "lock d/app.lock",
                      // A file the filter turns away goes on to the next rule.
                      "manifests a/manifest.json b/other.lock vendor/app.lock",
                  });
  const model::Document document = std::move(graph).finish({});
  CHECK(testing::diagnostic_lines(document) ==
        std::vector<std::string>{"b/app.lock: a bad line",
                                 "c/app.lock: cannot parse: basic_string_view::substr"});
  REQUIRE(document.metadata.omissions.size() == 1);
  CHECK(document.metadata.omissions[0].location == "c/app.lock");
}

TEST_CASE("file parser scanner: a set that throws is reported by its name, the next still read",
          "[scanner][framework]") {
  using scanner::EvidenceKind;
  scanner::FileParserScanner parser(scanner::FileParserScanner::Rules{{
      scanner::file_set("broken set",
                        scanner::patterns_of_kind({"**/*.x"}, EvidenceKind::installed),
                        &read_throwing_set),
      scanner::file_set("manifests", scanner::patterns_of_kind({"**/*.y"}, EvidenceKind::installed),
                        &read_manifests),
  }});
  const std::vector<source::SourceFile> files{testing::file("a.x"), testing::file("b.y")};
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "test", "subject");
  g_seen.clear();
  parser.scan(context, files);
  CHECK(g_seen == std::vector<std::string>{"manifests b.y"});
  const model::Document document = std::move(graph).finish({});
  CHECK(testing::diagnostic_lines(document) ==
        std::vector<std::string>{"broken set: cannot parse: a set nobody foresaw"});
}

TEST_CASE("file parser scanner: running out of memory is not turned into a warning",
          "[scanner][framework]") {
  scanner::FileParserScanner parser(scanner::FileParserScanner::Rules{{
      scanner::each_file(scanner::patterns_of_kind({"**"}, scanner::EvidenceKind::declared),
                         &run_out_of_memory),
  }});
  const std::vector<source::SourceFile> files{testing::file("a")};
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "test", "subject");
  CHECK_THROWS_AS(parser.scan(context, files), std::bad_alloc);
}

TEST_CASE("file parser scanner: a set reads each of its files on its own when asked",
          "[scanner][framework]") {
  const std::vector<source::SourceFile> files{
      testing::file("a/app.lock"), testing::file("a/package.json"),
      testing::file("b/app.lock", "throw"), testing::file("c/app.lock")};
  const scanner::FileSet set{std::span<const source::SourceFile>(files)};
  CHECK(set.size() == 4);
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "test", "subject");
  g_seen.clear();
  set.read_each(context, "**/app.lock", &read_lock);
  CHECK(g_seen == std::vector<std::string>{"lock a/app.lock", "lock c/app.lock"});
  const model::Document document = std::move(graph).finish({});
  CHECK(testing::diagnostic_lines(document) ==
        std::vector<std::string>{"b/app.lock: cannot parse: basic_string_view::substr"});
}
