// The caps on diagnostics: per location, per kind, overall, and on a
// message's length, with one summary line for what was left out.
#include <kensa/model/diagnostic_budget.hpp>
#include <kensa/model/graph.hpp>
#include <kensa/scanner/problem_list.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kensa::model;

namespace {

Diagnostic warning(std::string location, std::string message) {
  return Diagnostic{Severity::warning, std::move(location), std::move(message)};
}

std::vector<std::string> messages_about(const Document& document, const std::string& location) {
  std::vector<std::string> messages;
  for (const auto& diagnostic : document.diagnostics) {
    if (diagnostic.location == location) {
      messages.push_back(diagnostic.message);
    }
  }
  return messages;
}

} // namespace

TEST_CASE("diagnostic budget: a kind is what is left once numbers and quotes are set aside",
          "[model][diagnostics]") {
  CHECK(diagnostic_kind("line 12: package \"a-b\" has no name") ==
        "line #: package \"\" has no name");
  CHECK(diagnostic_kind("item 3 of 'x' at 4096") == "item # of '' at #");
  CHECK(diagnostic_kind("an unclosed 'quote 12") == "an unclosed 'quote 12");
  for (std::string_view message :
       {"line 12: package \"a-b\" has no name", "x 1 'y' 2", "an unclosed 'quote 12", "", "7"}) {
    INFO(message);
    CHECK(is_of_kind(message, diagnostic_kind(message)));
  }
  CHECK_FALSE(is_of_kind("line 12: package \"a\" has no name", "line #: package \"\" has a name"));
  CHECK_FALSE(is_of_kind("line 12", "line #: more"));
  CHECK(with_thousands(0) == "0");
  CHECK(with_thousands(999) == "999");
  CHECK(with_thousands(2'999'900) == "2,999,900");
}

TEST_CASE("diagnostic budget: twenty of a kind, a hundred per file, one line for the rest",
          "[model][diagnostics]") {
  ComponentGraph graph;
  int shown = 0;
  for (int line = 1; line <= 1'000; ++line) {
    shown +=
        graph.add_diagnostic(warning("go.mod", "line " + std::to_string(line) + ": bad")) ? 1 : 0;
  }
  CHECK(shown == 20);
  // Different kinds each get twenty, up to a hundred for the file.
  for (int kind = 0; kind < 10; ++kind) {
    for (int line = 1; line <= 30; ++line) {
      shown +=
          graph.add_diagnostic(warning("go.sum", "line " + std::to_string(line) + ": problem " +
                                                     std::string(1, 'a' + kind)))
              ? 1
              : 0;
    }
  }
  CHECK(shown == 120);
  // The same words about the same file are said once.
  CHECK(graph.add_diagnostic(warning("other", "damaged")));
  CHECK_FALSE(graph.add_diagnostic(warning("other", "damaged")));

  auto summaries = graph.diagnostic_summaries();
  REQUIRE(summaries.size() == 2);
  CHECK(summaries[0].location == "go.mod");
  CHECK(summaries[0].message == "and 980 more like this");
  CHECK(summaries[1].location == "go.sum");
  CHECK(summaries[1].message == "and 200 more warnings about this file");

  Document document = std::move(graph).finish({});
  CHECK(messages_about(document, "go.mod").size() == 21);
  CHECK(messages_about(document, "go.sum").size() == 101);
  CHECK(messages_about(document, "other").size() == 1);
}

TEST_CASE("diagnostic budget: past 100,000 kept, new files share one count",
          "[model][diagnostics]") {
  DiagnosticBudget budget;
  for (int file = 0; file < 100'000; ++file) {
    REQUIRE(budget.admit(warning("f" + std::to_string(file), "bad")));
  }
  CHECK_FALSE(budget.admit(warning("f1", "other")));
  CHECK_FALSE(budget.admit(warning("g", "bad")));
  CHECK_FALSE(budget.admit(warning("h", "bad")));
  auto summaries = budget.summaries();
  REQUIRE(summaries.size() == 2);
  CHECK(summaries[0].location == "f1");
  CHECK(summaries[0].message == "and 1 more like this");
  CHECK(summaries[1].location.empty());
  CHECK(summaries[1].message == "and 2 more warnings about other files");
}

TEST_CASE("diagnostic budget: a long message is cut on a character boundary",
          "[model][diagnostics]") {
  std::string message = "name " + std::string(4090, 'x') + "\xc3\xbc" + std::string(10'000, 'y');
  cut_long_message(message);
  CHECK(message == "name " + std::string(4090, 'x') + "... (10,002 more bytes)");
  ComponentGraph graph;
  CHECK(graph.add_diagnostic(warning("a.tar", std::string(1 << 20, 'z'))));
  Document document = std::move(graph).finish({});
  REQUIRE(document.diagnostics.size() == 1);
  CHECK(document.diagnostics[0].message.size() < 4200);
}

TEST_CASE("problem list: keeps the first hundred, counts the rest and whether they are alike",
          "[model][diagnostics]") {
  kensa::scanner::ProblemList alike;
  for (int line = 1; line <= 3'000; ++line) {
    alike.push_back("line " + std::to_string(line) + ": require needs a module path");
  }
  CHECK(alike.kept().size() == 100);
  CHECK(alike.kept().front() == "line 1: require needs a module path");
  CHECK(alike.left_out() == 2'900);
  CHECK(alike.count() == 3'000);
  CHECK(alike.left_out_kind() == "line #: require needs a module path");

  kensa::scanner::ProblemList mixed;
  for (int line = 1; line <= 300; ++line) {
    mixed.push_back(line % 2 == 0 ? "even " + std::to_string(line) : "odd");
  }
  CHECK(mixed.left_out() == 200);
  CHECK(mixed.left_out_kind().empty());

  ComponentGraph graph;
  graph.count_left_out_diagnostics("go.mod", alike.left_out(), alike.left_out_kind());
  REQUIRE(graph.diagnostic_summaries().size() == 1);
  CHECK(graph.diagnostic_summaries()[0].message == "and 2,900 more like this");
}
