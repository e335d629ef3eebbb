// Every SBOM kensa writes passes `kensa validate` with no error: each
// fixtures folder is scanned into every CycloneDX and SPDX format, encoding
// and version the writer table offers, and the outputs are validated.
#include "../support/test_support.hpp"

#include <kensa/format/writer.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace fs = std::filesystem;

TEST_CASE("validate own output: every document kensa writes validates without error",
          "[validate][cli][own-output]") {
  std::vector<std::string> outputs;
  for (const auto& format : kensa::format::output_formats()) {
    const std::string name(format.name);
    if (!name.starts_with("cyclonedx") && !name.starts_with("spdx")) {
      continue;
    }
    for (const auto version : format.versions) {
      outputs.push_back(name + "@" + std::string(version));
    }
  }
  REQUIRE_FALSE(outputs.empty());
  const auto scratch = kensa::testing::scratch_dir("validate-own-output");
  std::size_t validated = 0;
  for (const auto& folder : fs::directory_iterator(kensa::testing::fixture(""))) {
    if (!folder.is_directory() || folder.path().filename() == "validate") {
      continue;
    }
    const std::string name = folder.path().filename().string();
    std::vector<std::string> arguments{"scan", folder.path().string()};
    std::vector<std::string> files;
    for (const auto& output : outputs) {
      std::string file_name = name + "-" + output;
      for (auto& c : file_name) {
        c = c == '@' ? '-' : c;
      }
      files.push_back((scratch / (file_name + ".sbom")).string());
      arguments.push_back("-o");
      arguments.push_back(output + "=" + files.back());
    }
    const auto scan = kensa::testing::run_kensa(arguments, {"SOURCE_DATE_EPOCH=1700000000"});
    INFO(name << ": " << scan.err);
    REQUIRE(scan.exit_code == 0);
    // One run for the folder's outputs: the report has a line per document.
    std::vector<std::string> validate{"validate"};
    validate.insert(validate.end(), files.begin(), files.end());
    const auto result = kensa::testing::run_kensa(validate);
    INFO(name << "\n" << result.out << result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find(" error ") == std::string::npos);
    for (const auto& file : files) {
      INFO(file);
      CHECK(result.out.find(file + ": ") != std::string::npos);
      CHECK(result.out.find(file + ": ", result.out.find(file + ": ") + 1) == std::string::npos);
      validated += result.out.find(file + ": ") != std::string::npos ? 1 : 0;
    }
  }
  CHECK(validated >= outputs.size());
}
