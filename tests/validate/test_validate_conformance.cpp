// `kensa validate` as a whole (schema, semantic rules) on the official test
// data in ../shared/conformance and on the real peer documents in
// tests/fixtures/formats/peer: every valid-* CycloneDX case passes (exit 0)
// and every invalid-* and informal-invalid-* case fails (exit 1), in JSON
// and XML, 1.4 to 1.7; the SPDX examples pass in every encoding kensa reads;
// the peer documents, which the official schemas accept, pass.
#include "../support/test_support.hpp"

#include <kensa/source/document_input.hpp>
#include <kensa/validate/validator.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using kensa::validate::DocumentReport;
using kensa::validate::Severity;

// The file read and validated as `kensa validate FILE` does.
DocumentReport validate_suite_file(const fs::path& path) {
  auto text =
      kensa::source::read_document_input(path.string(), kensa::source::k_default_max_document_size);
  REQUIRE(text.ok());
  return kensa::validate::validate_document(path.filename().string(), text->view(), {});
}

// The exit code `kensa validate FILE` gives for `report`.
int validate_exit_code(const DocumentReport& report) {
  if (!report.read_error.empty()) {
    return 2;
  }
  return report.count(Severity::error) > 0 ? 1 : 0;
}

std::string first_error_of(const DocumentReport& report) {
  if (!report.read_error.empty()) {
    return report.read_error;
  }
  for (const auto& finding : report.findings) {
    if (finding.severity == Severity::error) {
      return finding.rule + " at " + finding.location + ": " + finding.message;
    }
  }
  return "no error";
}

struct ExitTally {
  std::size_t right = 0;
  std::vector<std::string> wrong;

  void expect(const fs::path& file, int expected) {
    const auto report = validate_suite_file(file);
    const int got = validate_exit_code(report);
    if (got == expected) {
      ++right;
    } else {
      wrong.push_back(file.filename().string() + ": exit " + std::to_string(got) + ", not " +
                      std::to_string(expected) + " (" + first_error_of(report) + ")");
    }
  }

  void report(const std::string& what) const {
    std::ostringstream summary;
    summary << what << ": " << right << " answered as named, " << wrong.size() << " wrongly";
    WARN(summary.str());
    for (const auto& failure : wrong) {
      UNSCOPED_INFO(failure);
    }
    CHECK(wrong.empty());
  }
};

std::vector<fs::path> suite_files(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file()) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace

TEST_CASE("conformance: kensa validate answers every official CycloneDX case as it is named",
          "[validate][conformance]") {
  const auto shared = kensa::testing::shared_dir();
  if (!shared) {
    WARN("../shared/conformance is not present; skipping");
    return;
  }
  std::size_t cases = 0;
  for (const std::string version : {"1.4", "1.5", "1.6", "1.7"}) {
    ExitTally tally;
    for (const auto& file : suite_files(*shared / "conformance/cyclonedx" / version)) {
      const std::string name = file.filename().string();
      if (file.extension() != ".json" && file.extension() != ".xml") {
        continue;
      }
      // informal-invalid-*: XSD 1.0 accepts them; the semantic layer must not.
      tally.expect(file, name.starts_with("valid-") ? 0 : 1);
      ++cases;
    }
    tally.report("cyclonedx/" + version);
  }
  // Every file of the suite was looked at (docs/validate: 553 cases).
  CHECK(cases == 553);
}

TEST_CASE("conformance: kensa validate passes the official SPDX examples in every encoding",
          "[validate][conformance]") {
  const auto shared = kensa::testing::shared_dir();
  if (!shared) {
    WARN("../shared/conformance is not present; skipping");
    return;
  }
  const auto spdx = *shared / "conformance/spdx";
  ExitTally tally;
  for (const std::string version : {"2.2", "2.3"}) {
    tally.expect(spdx / version / ("SPDXJSONExample-v" + version + ".spdx.json"), 0);
    tally.expect(spdx / version / ("SPDXTagExample-v" + version + ".spdx"), 0);
    tally.expect(spdx / version / ("SPDXYAMLExample-" + version + ".spdx.yaml"), 0);
  }
  tally.expect(spdx / "3.0.1/package_sbom.json", 0);
  tally.report("spdx examples");
}

TEST_CASE("conformance: kensa validate passes the real peer documents the schemas accept",
          "[validate][conformance]") {
  ExitTally tally;
  for (const auto& file : suite_files(kensa::testing::fixture("formats/peer"))) {
    if (file.extension() == ".json" || file.extension() == ".xml") {
      tally.expect(file, 0);
    }
  }
  CHECK(tally.right + tally.wrong.size() > 0);
  tally.report("peer documents");
}
