#include "../support/test_support.hpp"

#include <kensa/model/license.hpp>
#include <kensa/model/license_text.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

// The license identified from a package's license files alone, compared with
// what its manifest declares, over real packages (docs/licenses.md,
// "Accuracy"). The figures pinned here are those measured on these sets.

namespace {

struct AccuracyFigures {
  // Packages whose license files say what their manifest says.
  int packages = 0;
  // Of those: identified as the manifest says; identified with a license the
  // manifest does not name; the rest (nothing identified, or only part).
  int same = 0;
  int wrong = 0;
  int unknown = 0;
  // Packages whose files say something else (read by hand), and how many of
  // them were identified as their files say.
  int disagreeing = 0;
  int disagreeing_as_files_say = 0;
  std::vector<std::string> differences;
};

std::set<std::string> license_ids(const std::string& expression) {
  const auto parsed = kensa::model::parse_license_expression(expression);
  if (!parsed) {
    return {};
  }
  return {parsed->license_refs.begin(), parsed->license_refs.end()};
}

std::vector<std::string> columns_of(const std::string& line) {
  std::vector<std::string> columns;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    columns.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) {
      return columns;
    }
    start = tab + 1;
  }
}

std::string joined(const std::set<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    out += (out.empty() ? "" : " ") + id;
  }
  return out;
}

// Cargo.toml's old form of a choice, "MIT/Apache-2.0", which cargo and
// crates.io read as OR.
std::string cargo_license_field(std::string field) {
  std::string out;
  for (const char c : field) {
    out += c == '/' ? std::string(" OR ") : std::string(1, c);
  }
  return out;
}

// Each line of manifest.tsv: folder, the manifest's license field, where the
// package was (one or two columns), and last what its files say when that
// is not the manifest's license. Packages whose field is no SPDX expression
// are left out: there is nothing to compare with.
AccuracyFigures measure(const std::string& set, bool slash_is_or = false) {
  namespace fs = std::filesystem;
  const fs::path root = kensa::testing::fixture("license-text/" + set);
  std::istringstream manifest(kensa::testing::read_file(root / "manifest.tsv"));
  AccuracyFigures figures;
  std::string line;
  while (std::getline(manifest, line)) {
    if (line.empty() || line.front() == '#') {
      continue;
    }
    const auto columns = columns_of(line);
    REQUIRE(columns.size() >= 4);
    const std::string& files_say = columns.back();
    const auto declared =
        kensa::model::license_from_text(slash_is_or ? cargo_license_field(columns[1]) : columns[1]);
    const auto wanted = license_ids(declared.expression);
    if (wanted.empty()) {
      continue;
    }
    std::set<std::string> found;
    std::set<std::string> alternatives;
    for (const auto& entry : fs::recursive_directory_iterator(root / columns[0])) {
      if (!entry.is_regular_file()) {
        continue;
      }
      const auto findings =
          kensa::model::identify_licenses(kensa::testing::read_file(entry.path()));
      for (const auto& match : findings.licenses) {
        for (const auto& id : license_ids(match.expression)) {
          found.insert(id);
        }
        alternatives.insert(match.same_text.begin(), match.same_text.end());
      }
    }
    const auto same_as = [&](const std::set<std::string>& ids) {
      bool same = !found.empty();
      for (const auto& id : ids) {
        same = same && (found.contains(id) || alternatives.contains(id));
      }
      for (const auto& id : found) {
        same = same && ids.contains(id);
      }
      return same;
    };
    if (!files_say.empty()) {
      ++figures.disagreeing;
      if (same_as(license_ids(files_say))) {
        ++figures.disagreeing_as_files_say;
      } else {
        figures.differences.push_back(columns[0] + ": files say " + files_say + ", found " +
                                      joined(found));
      }
      continue;
    }
    ++figures.packages;
    const bool extra = std::any_of(found.begin(), found.end(),
                                   [&](const std::string& id) { return !wanted.contains(id); });
    if (same_as(wanted)) {
      ++figures.same;
    } else if (extra) {
      ++figures.wrong;
      figures.differences.push_back(columns[0] + ": declared " + declared.expression + ", found " +
                                    joined(found));
    } else {
      ++figures.unknown;
      figures.differences.push_back(columns[0] + ": declared " + declared.expression + ", found " +
                                    (found.empty() ? "nothing" : joined(found)));
    }
  }
  return figures;
}

std::string describe(const std::string& set, const AccuracyFigures& figures) {
  std::string text = set + ": " + std::to_string(figures.packages) + " packages, " +
                     std::to_string(figures.same) + " same, " + std::to_string(figures.wrong) +
                     " wrong, " + std::to_string(figures.unknown) + " unknown; " +
                     std::to_string(figures.disagreeing_as_files_say) + " of " +
                     std::to_string(figures.disagreeing) +
                     " whose files disagree with the manifest found as the files say";
  for (const auto& difference : figures.differences) {
    text += "\n  " + difference;
  }
  return text;
}

} // namespace

TEST_CASE("license text accuracy: the packages of a real npm install", "[license][text]") {
  const auto figures = measure("npm-11.19.1");
  INFO(describe("npm", figures));
  CHECK(figures.packages == 136);
  CHECK(figures.same == 136);
  CHECK(figures.wrong == 0);
  CHECK(figures.disagreeing_as_files_say == figures.disagreeing);
}

TEST_CASE("license text accuracy: real PyPI wheels", "[license][text]") {
  const auto figures = measure("pypi-wheels");
  INFO(describe("pypi", figures));
  CHECK(figures.packages == 72);
  CHECK(figures.same * 100 >= figures.packages * 97);
  // jsonpointer's "The name of the author may not be used" variant of the
  // BSD licenses is taken for BSD-2-Clause (score 0.94): 1 of 72.
  CHECK(figures.wrong <= 1);
  CHECK(figures.disagreeing_as_files_say == figures.disagreeing);
}

TEST_CASE("license text accuracy: the crates of Debian's cargo registry", "[license][text]") {
  const auto figures = measure("cargo-registry", true);
  INFO(describe("cargo", figures));
  CHECK(figures.packages == 252);
  CHECK(figures.same == 251);
  CHECK(figures.wrong == 0);
  // siphasher's COPYING only names its two licenses ("the Apache License,
  // Version 2.0 ... or the MIT license"): Apache-2.0 is found, MIT is not.
  CHECK(figures.unknown == 1);
  CHECK(figures.disagreeing == 3);
  CHECK(figures.disagreeing_as_files_say == figures.disagreeing);
}
