// FileReport, the one way a scanner reports a problem with a file: where the
// message goes, what a line or a prefix adds, what an omission records, and
// what a parser's capped problem list turns into.
#include "../support/component_lookup.hpp"

#include <kensa/model/graph.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/scanner/scanner.hpp>

#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>
#include <string>
#include <vector>

using namespace kensa;

TEST_CASE("file report: warnings name the file, with a line or a prefix", "[scanner][report]") {
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "test", "subject");
  const source::SourceFile file{"app/package-lock.json", "package-lock.json", "", "{}"};
  scanner::FileReport report(context, file);
  CHECK(report.location() == "app/package-lock.json");
  report.warn("a warning");
  report.warn_at(4, "a warning on a line");
  report.warn_at(0, "a warning without a line");
  scanner::FileReport part(report, "Go build information, ");
  part.warn("a warning about one part");
  scanner::FileReport line(part, "line 2: ");
  line.warn("prefixes add up");
  scanner::FileReport elsewhere(context, "installed packages");
  elsewhere.warn("a warning about a place that is no file");

  const model::Document document = std::move(graph).finish({});
  CHECK(testing::diagnostic_lines(document) ==
        std::vector<std::string>{
            "app/package-lock.json: Go build information, a warning about one part",
            "app/package-lock.json: Go build information, line 2: prefixes add up",
            "app/package-lock.json: a warning",
            "app/package-lock.json: a warning without a line",
            "app/package-lock.json: line 4: a warning on a line",
            "installed packages: a warning about a place that is no file",
        });
  CHECK(document.metadata.completeness != model::Completeness::incomplete);
}

TEST_CASE("file report: an omission is a warning and makes the document incomplete",
          "[scanner][report]") {
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "test", "subject");
  scanner::FileReport report(context, std::string("bun.lock"));
  report.omit_at(3, "not valid JSON: expected ',' or '}' after an object member (column 7)");

  const model::Document document = std::move(graph).finish({});
  CHECK(testing::diagnostic_lines(document) ==
        std::vector<std::string>{"bun.lock: line 3: not valid JSON: expected ',' or '}' after an "
                                 "object member (column 7)"});
  CHECK(document.metadata.completeness == model::Completeness::incomplete);
  REQUIRE(document.metadata.omissions.size() == 1);
  CHECK(document.metadata.omissions[0].location == "bun.lock");
}

TEST_CASE("file report: a parser's problems are reported up to the cap, the rest counted",
          "[scanner][report]") {
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "test", "subject");
  scanner::ProblemList problems;
  for (int number = 1; number <= 30'000; ++number) {
    problems.push_back("line " + std::to_string(number) + ": require needs a module path");
  }
  scanner::FileReport(context, std::string("go.mod")).warn_all(problems);

  const model::Document document = std::move(graph).finish({});
  std::size_t kept = 0;
  std::string summary;
  for (const auto& diagnostic : document.diagnostics) {
    if (diagnostic.message.starts_with("line ")) {
      ++kept;
    } else {
      summary = diagnostic.message;
    }
  }
  CHECK(kept == model::k_max_diagnostics_per_kind);
  CHECK(summary.find("29,980 more") != std::string::npos);
}

TEST_CASE("file report: read_guarded turns a parser's exception into an omission",
          "[scanner][report]") {
  model::ComponentGraph graph;
  scanner::ScanContext context(graph, "test", "subject");
  scanner::FileReport report(context, std::string("deno.lock"));
  bool after = false;
  scanner::read_guarded(report, [] { throw std::out_of_range("basic_string::substr"); });
  scanner::read_guarded(report, [&] { after = true; });
  CHECK(after);
  CHECK_THROWS_AS(scanner::read_guarded(report, [] { throw std::bad_alloc(); }), std::bad_alloc);

  const model::Document document = std::move(graph).finish({});
  CHECK(testing::diagnostic_lines(document) ==
        std::vector<std::string>{"deno.lock: cannot parse: basic_string::substr"});
  CHECK(document.metadata.completeness == model::Completeness::incomplete);
}
