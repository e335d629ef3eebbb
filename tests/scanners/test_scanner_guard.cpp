#include <kensa/model/graph.hpp>
#include <kensa/scanner/scanner.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <new>
#include <stdexcept>
#include <string>

using namespace kensa;

namespace {

// A scanner that finds one component per file, and throws at the file named
// "boom": the kind of failure the driver must contain.
class FragileScanner : public scanner::Scanner {
 public:
  std::span<const scanner::FilePattern> patterns() const override { return m_patterns; }
  void scan(scanner::ScanContext& context, std::span<const source::SourceFile> files) override {
    for (const auto& file : files) {
      if (file.path == "boom") {
        throw std::out_of_range("basic_string_view::substr");
      }
      model::Component component;
      component.name = file.path;
      component.version = "1.0";
      context.graph().add(std::move(component));
    }
  }

 private:
  std::vector<scanner::FilePattern> m_patterns{{"**", scanner::EvidenceKind::declared}};
};

class HungryScanner : public FragileScanner {
 public:
  void scan(scanner::ScanContext&, std::span<const source::SourceFile>) override {
    throw std::bad_alloc();
  }
};

} // namespace

TEST_CASE("scanner guard: a scanner that throws leaves a warning, the next still runs",
          "[scanner][guard]") {
  model::ComponentGraph graph;
  FragileScanner fragile;
  const std::array files{source::SourceFile{"a", "a", "", ""},
                         source::SourceFile{"boom", "boom", "", ""},
                         source::SourceFile{"c", "c", "", ""}};
  scanner::ScanContext first(graph, "fragile", "subject");
  scanner::run_scanner(fragile, first, files);

  FragileScanner other;
  scanner::ScanContext second(graph, "other", "subject");
  const std::array later{source::SourceFile{"d", "d", "", ""}};
  scanner::run_scanner(other, second, later);

  model::DocumentMetadata metadata;
  const model::Document document = std::move(graph).finish(std::move(metadata));
  std::vector<std::string> names;
  for (const auto& component : document.components) {
    names.push_back(component.name);
  }
  // What the failing scanner found before it stopped is kept; the other
  // scanner ran.
  CHECK(names == std::vector<std::string>{"a", "d"});
  REQUIRE(document.diagnostics.size() == 1);
  CHECK(document.diagnostics[0].location == "scanner fragile");
  CHECK(document.diagnostics[0].message ==
        "stopped: basic_string_view::substr; what it found before is kept, the files after were "
        "not read");
}

TEST_CASE("scanner guard: running out of memory is not turned into a warning", "[scanner][guard]") {
  model::ComponentGraph graph;
  HungryScanner hungry;
  scanner::ScanContext context(graph, "hungry", "subject");
  const std::array files{source::SourceFile{"a", "a", "", ""}};
  CHECK_THROWS_AS(scanner::run_scanner(hungry, context, files), std::bad_alloc);
}
