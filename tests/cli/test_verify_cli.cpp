// `kensa verify` end to end: a delivery built in a temporary folder (a real
// npm project, a binary, a nested archive), its SBOM from `kensa scan
// --files`, and the same delivery tampered with.
#include "../support/test_support.hpp"

#include <kensa/model/hash.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace {

namespace fs = std::filesystem;
using kensa::testing::run_kensa;

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A delivery: the real lockfile-v3 project, a program, a README, and a
// tarball holding a library.
fs::path make_delivery(const fs::path& folder) {
  const fs::path delivery = folder / "delivery";
  fs::create_directories(delivery);
  fs::copy(kensa::testing::fixture("npm/lockfile-v3"), delivery / "app",
           fs::copy_options::recursive);
  write_file(delivery / "bin" / "tool", std::string(4096, 'x') + "tool 1.0\n");
  write_file(delivery / "README", "Release 1.0 of the delivery.\n");
  const fs::path staging = folder / "staging";
  write_file(staging / "lib" / "libdemo.so.1", "not really a library, but bytes all the same\n");
  const std::string tar =
      "tar -C '" + staging.string() + "' -czf '" + (delivery / "extras.tgz").string() + "' lib";
  REQUIRE(std::system(tar.c_str()) == 0);
  return delivery;
}

fs::path sbom_of(const fs::path& delivery, const fs::path& sbom, const std::string& format,
                 bool files) {
  std::vector<std::string> arguments{"scan", delivery.string(), "-o", format + "=" + sbom.string(),
                                     "-q"};
  if (files) {
    arguments.push_back("--files");
  }
  auto scanned = run_kensa(arguments, {"SOURCE_DATE_EPOCH=1700000000"});
  REQUIRE(scanned.exit_code == 0);
  return sbom;
}

nlohmann::json verify_json(const std::vector<std::string>& extra, int expected_exit) {
  std::vector<std::string> arguments{"verify"};
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  arguments.push_back("--report");
  arguments.push_back("json");
  auto verified = run_kensa(arguments);
  INFO(verified.out << verified.err);
  REQUIRE(verified.exit_code == expected_exit);
  return nlohmann::json::parse(verified.out);
}

// "RULE location" for each finding.
std::set<std::string> findings(const nlohmann::json& report) {
  std::set<std::string> found;
  for (const auto& finding : report["documents"][0]["findings"]) {
    found.insert(finding["rule"].get<std::string>() + " " + finding["location"].get<std::string>());
  }
  return found;
}

} // namespace

TEST_CASE("verify cli: a delivery matches its SBOM, then each change is named", "[cli][verify]") {
  const fs::path folder = kensa::testing::scratch_dir("verify-cli-files");
  const fs::path delivery = make_delivery(folder);
  const fs::path sbom = sbom_of(delivery, folder / "delivery.cdx.json", "cyclonedx-json", true);

  auto clean = run_kensa({"verify", sbom.string(), delivery.string()});
  INFO(clean.out << clean.err);
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.find("PASS") != std::string::npos);
  CHECK(findings(verify_json({sbom.string(), delivery.string()}, 0)).empty());

  // One byte changed, one file removed, one added.
  {
    std::fstream tool(delivery / "bin" / "tool", std::ios::in | std::ios::out | std::ios::binary);
    tool.seekp(100);
    tool.put('y');
  }
  fs::remove(delivery / "README");
  write_file(delivery / "bin" / "backdoor", "#!/bin/sh\n");
  const auto report = verify_json({sbom.string(), delivery.string()}, 1);
  CHECK(findings(report) == std::set<std::string>{"VERIFY-FILE-CHANGED bin/tool",
                                                  "VERIFY-FILE-MISSING README",
                                                  "VERIFY-FILE-EXTRA bin/backdoor"});
  auto text = run_kensa({"verify", sbom.string(), delivery.string()});
  CHECK(text.out.find("VERIFY-FILE-CHANGED at bin/tool") != std::string::npos);
}

TEST_CASE("verify cli: an extra file alone is a warning, an error with --strict", "[cli][verify]") {
  const fs::path folder = kensa::testing::scratch_dir("verify-cli-strict");
  const fs::path delivery = make_delivery(folder);
  const fs::path sbom = sbom_of(delivery, folder / "delivery.spdx.json", "spdx-json@2.3", true);
  write_file(delivery / "notes.txt", "added after the SBOM\n");
  auto lenient = verify_json({sbom.string(), delivery.string()}, 0);
  CHECK(findings(lenient) == std::set<std::string>{"VERIFY-FILE-EXTRA notes.txt"});
  auto strict = verify_json({sbom.string(), delivery.string(), "--strict"}, 1);
  CHECK(findings(strict) == std::set<std::string>{"VERIFY-FILE-EXTRA notes.txt"});

  // The SBOM shipped inside the delivery is not an extra file.
  fs::remove(delivery / "notes.txt");
  fs::copy_file(sbom, delivery / "sbom.spdx.json");
  auto shipped =
      verify_json({(delivery / "sbom.spdx.json").string(), delivery.string(), "--strict"}, 0);
  CHECK(findings(shipped).empty());
}

TEST_CASE("verify cli: an archive of the delivery, nested members included", "[cli][verify]") {
  const fs::path folder = kensa::testing::scratch_dir("verify-cli-archive");
  const fs::path delivery = make_delivery(folder);
  const fs::path sbom = sbom_of(delivery, folder / "delivery.cdx.json", "cyclonedx-json", true);
  const fs::path archive = folder / "delivery.tar.gz";
  const std::string tar = "tar -C '" + delivery.string() + "' -czf '" + archive.string() + "' .";
  REQUIRE(std::system(tar.c_str()) == 0);
  auto clean = verify_json({sbom.string(), archive.string()}, 0);
  CHECK(findings(clean).empty());

  // A member of the nested tarball changed: named through both archives.
  const fs::path staging = folder / "staging";
  write_file(staging / "lib" / "libdemo.so.1", "tampered bytes\n");
  const std::string retar =
      "tar -C '" + staging.string() + "' -czf '" + (delivery / "extras.tgz").string() + "' lib";
  REQUIRE(std::system(retar.c_str()) == 0);
  const auto changed = verify_json({sbom.string(), delivery.string()}, 1);
  CHECK(findings(changed) ==
        std::set<std::string>{"VERIFY-FILE-CHANGED extras.tgz",
                              "VERIFY-FILE-CHANGED extras.tgz!/lib/libdemo.so.1"});
}

TEST_CASE("verify cli: a damaged archive in the delivery is named, and what it hid is missing",
          "[cli][verify]") {
  const fs::path folder = kensa::testing::scratch_dir("verify-cli-damaged");
  const fs::path delivery = make_delivery(folder);
  const fs::path sbom = sbom_of(delivery, folder / "delivery.cdx.json", "cyclonedx-json", true);
  // The nested tarball cut short: its member cannot be vouched for.
  const std::string tarball = kensa::testing::read_file(delivery / "extras.tgz");
  std::ofstream(delivery / "extras.tgz", std::ios::binary | std::ios::trunc)
      << tarball.substr(0, 60);
  auto verified = run_kensa({"verify", sbom.string(), delivery.string(), "--report", "json"});
  REQUIRE(verified.exit_code == 1);
  CHECK(verified.err.find("extras.tgz") != std::string::npos);
  CHECK(findings(nlohmann::json::parse(verified.out)) ==
        std::set<std::string>{"VERIFY-FILE-CHANGED extras.tgz",
                              "VERIFY-FILE-MISSING extras.tgz!/lib/libdemo.so.1",
                              "VERIFY-INCOMPLETE "});
}

TEST_CASE("verify cli: without file digests, packages are verified and files said unchecked",
          "[cli][verify]") {
  const fs::path folder = kensa::testing::scratch_dir("verify-cli-packages");
  const fs::path delivery = make_delivery(folder);
  const fs::path sbom = sbom_of(delivery, folder / "delivery.cdx.json", "cyclonedx-json", false);
  const auto clean = verify_json({sbom.string(), delivery.string()}, 0);
  CHECK(findings(clean) == std::set<std::string>{"VERIFY-FILES-NOT-LISTED "});

  // The delivery lost a package: the lockfile no longer has is-odd.
  const fs::path lockfile = delivery / "app" / "package-lock.json";
  auto lock = nlohmann::ordered_json::parse(kensa::testing::read_file(lockfile));
  lock["packages"].erase("node_modules/is-odd");
  lock["packages"][""]["optionalDependencies"].erase("is-odd");
  std::ofstream(lockfile) << lock.dump(2);
  const auto report = verify_json({sbom.string(), delivery.string()}, 1);
  CHECK(findings(report) == std::set<std::string>{"VERIFY-FILES-NOT-LISTED ",
                                                  "VERIFY-PACKAGE-MISSING pkg:npm/is-odd@3.0.1"});

  // And gained one the SBOM does not list.
  lock["packages"]["node_modules/left-pad"] = {{"version", "1.3.0"}, {"license", "WTFPL"}};
  lock["packages"][""]["dependencies"]["left-pad"] = "^1.3.0";
  std::ofstream(lockfile) << lock.dump(2);
  const auto both = verify_json({sbom.string(), delivery.string()}, 1);
  CHECK(findings(both) ==
        std::set<std::string>{"VERIFY-FILES-NOT-LISTED ",
                              "VERIFY-PACKAGE-MISSING pkg:npm/is-odd@3.0.1",
                              "VERIFY-PACKAGE-UNDECLARED pkg:npm/left-pad@1.3.0"});
}

TEST_CASE("verify cli: unreadable inputs exit 2 with one line", "[cli][verify]") {
  const fs::path folder = kensa::testing::scratch_dir("verify-cli-errors");
  const fs::path delivery = make_delivery(folder);
  const fs::path sbom = sbom_of(delivery, folder / "delivery.cdx.json", "cyclonedx-json", true);
  auto no_target = run_kensa({"verify", sbom.string(), (folder / "missing").string()});
  CHECK(no_target.exit_code == 2);
  CHECK(no_target.err.find("missing") != std::string::npos);
  auto no_sbom = run_kensa({"verify", (folder / "none.json").string(), delivery.string()});
  CHECK(no_sbom.exit_code == 2);
  auto not_sbom = run_kensa({"verify", (delivery / "README").string(), delivery.string()});
  CHECK(not_sbom.exit_code == 2);
  auto bad_report = run_kensa({"verify", sbom.string(), delivery.string(), "--report", "pdf"});
  CHECK(bad_report.exit_code == 2);
}

TEST_CASE("verify cli: the delivery is read under scan's limit flags", "[cli][verify]") {
  const fs::path folder = kensa::testing::scratch_dir("verify-cli-limits");
  const fs::path delivery = make_delivery(folder);
  const fs::path sbom = sbom_of(delivery, folder / "delivery.cdx.json", "cyclonedx-json", true);
  CHECK(findings(verify_json({sbom.string(), delivery.string()}, 0)).empty());

  // Archives left shut: their members are not there to verify, and the
  // report says the delivery was not read whole.
  const auto shut =
      findings(verify_json({sbom.string(), delivery.string(), "--max-depth", "0"}, 1));
  CHECK(shut.count("VERIFY-FILE-MISSING extras.tgz!/lib/libdemo.so.1") == 1);
  const auto few =
      findings(verify_json({sbom.string(), delivery.string(), "--max-entries", "2"}, 1));
  CHECK(std::any_of(few.begin(), few.end(), [](const std::string& finding) {
    return finding.starts_with("VERIFY-INCOMPLETE");
  }));

  // The same values as for scan, refused the same way.
  for (const auto& [flag, value] :
       std::vector<std::pair<std::string, std::string>>{{"--max-ratio", "-5"},
                                                        {"--max-depth", "101"},
                                                        {"--max-total-size", "0"},
                                                        {"--max-nested-size", "lots"},
                                                        {"--max-executable-size", "1.5G"},
                                                        {"--max-file-size", "0"}}) {
    INFO(flag << " " << value);
    auto scanned = run_kensa({"scan", delivery.string(), flag, value});
    auto verified = run_kensa({"verify", sbom.string(), delivery.string(), flag, value});
    CHECK(verified.exit_code == 2);
    CHECK(scanned.exit_code == 2);
    CHECK(verified.err.find(flag) != std::string::npos);
  }
}

namespace {

// A docker-save tarball of one layer holding `files` (path, contents).
fs::path docker_image(const fs::path& folder, const std::string& name,
                      const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path root = folder / (name + "-build");
  for (const auto& [path, contents] : files) {
    write_file(root / "layer" / path, contents);
  }
  fs::create_directories(root / "image" / "layer1");
  const std::string pack = "tar -C '" + (root / "layer").string() + "' --sort=name -cf '" +
                           (root / "image" / "layer1" / "layer.tar").string() + "' .";
  REQUIRE(std::system(pack.c_str()) == 0);
  const std::string layer = kensa::testing::read_file(root / "image" / "layer1" / "layer.tar");
  const std::string diff_id =
      "sha256:" + kensa::model::compute_hash(kensa::model::HashAlgorithm::sha256, layer).hex;
  write_file(root / "image" / "config.json",
             nlohmann::json{{"architecture", "amd64"},
                            {"os", "linux"},
                            {"rootfs", {{"type", "layers"}, {"diff_ids", {diff_id}}}}}
                 .dump());
  write_file(root / "image" / "manifest.json",
             nlohmann::json::array({{{"Config", "config.json"},
                                     {"RepoTags", {name + ":1.0"}},
                                     {"Layers", {"layer1/layer.tar"}}}})
                 .dump());
  const fs::path image = folder / (name + ".tar");
  const std::string save = "tar -C '" + (root / "image").string() + "' --sort=name -cf '" +
                           image.string() + "' manifest.json config.json layer1";
  REQUIRE(std::system(save.c_str()) == 0);
  return image;
}

} // namespace

TEST_CASE("verify cli: a container image, and SPDX 3 and tag-value file digests", "[cli][verify]") {
  const fs::path folder = kensa::testing::scratch_dir("verify-cli-image");
  const std::string lockfile =
      kensa::testing::read_file(kensa::testing::fixture("npm/lockfile-v3/package-lock.json"));
  const std::string manifest =
      kensa::testing::read_file(kensa::testing::fixture("npm/lockfile-v3/package.json"));
  const fs::path image = docker_image(folder, "shipped",
                                      {{"app/package-lock.json", lockfile},
                                       {"app/package.json", manifest},
                                       {"usr/bin/service", "service 1.0\n"}});
  for (const std::string format : {"spdx-json@3.0", "spdx-tag-value", "cyclonedx-xml"}) {
    INFO(format);
    const fs::path sbom = folder / ("image-" + format.substr(0, 9) + ".sbom");
    auto scanned = run_kensa({"scan", image.string(), "--files", "--evidence", "all", "-o",
                              format + "=" + sbom.string(), "-q"});
    REQUIRE(scanned.exit_code == 0);
    // Verified with the evidence the SBOM was made with.
    CHECK(findings(verify_json({sbom.string(), image.string(), "--evidence", "all"}, 0)).empty());
  }
  const fs::path sbom = folder / "image.cdx.json";
  REQUIRE(
      run_kensa({"scan", image.string(), "--files", "-o", "cyclonedx-json=" + sbom.string(), "-q"})
          .exit_code == 0);
  // The image rebuilt with another service binary.
  const fs::path rebuilt = docker_image(folder, "rebuilt",
                                        {{"app/package-lock.json", lockfile},
                                         {"app/package.json", manifest},
                                         {"usr/bin/service", "service 1.0, patched\n"}});
  CHECK(findings(verify_json({sbom.string(), rebuilt.string()}, 1)) ==
        std::set<std::string>{"VERIFY-FILE-CHANGED usr/bin/service"});
}

namespace {

// An installed Python package whose RECORD lists every file it has, so
// that the SPDX 2 kensa writes gives it a package verification code.
fs::path make_python_delivery(const fs::path& folder) {
  const fs::path delivery = folder / "delivery";
  const fs::path site = delivery / "lib" / "python3.11" / "site-packages";
  write_file(site / "demo-1.0.dist-info" / "METADATA",
             "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n");
  write_file(site / "demo-1.0.dist-info" / "RECORD",
             "demo/__init__.py,,\ndemo/core.py,,\ndemo-1.0.dist-info/METADATA,,\n"
             "demo-1.0.dist-info/RECORD,,\n");
  write_file(site / "demo" / "__init__.py", "from .core import run\n");
  write_file(site / "demo" / "core.py", "def run():\n    return 1\n");
  return delivery;
}

nlohmann::json& package_named(nlohmann::json& sbom, const std::string& name) {
  for (auto& package : sbom["packages"]) {
    if (package["name"] == name) {
      return package;
    }
  }
  FAIL("no package " << name);
  return sbom;
}

} // namespace

TEST_CASE("verify cli: an SPDX 2 package verification code is checked against the delivery",
          "[cli][verify]") {
  const fs::path folder = kensa::testing::scratch_dir("verify-cli-code");
  const fs::path delivery = make_python_delivery(folder);
  const fs::path sbom = folder / "delivery.spdx.json";
  auto scanned = run_kensa({"scan", delivery.string(), "--digests", "sha1", "-o",
                            "spdx-json@2.3=" + sbom.string(), "-q"},
                           {"SOURCE_DATE_EPOCH=1700000000"});
  REQUIRE(scanned.exit_code == 0);
  nlohmann::json written = nlohmann::json::parse(kensa::testing::read_file(sbom));
  const nlohmann::json demo = package_named(written, "demo");
  REQUIRE(demo.contains("packageVerificationCode"));
  CHECK(findings(verify_json({sbom.string(), delivery.string()}, 0)).empty());

  // A code that is not the files' is named, though every file matches.
  const auto write_sbom = [&](const nlohmann::json& document, const std::string& name) {
    const fs::path path = folder / name;
    std::ofstream(path, std::ios::binary) << document.dump();
    return path.string();
  };
  nlohmann::json wrong = written;
  package_named(wrong, "demo")["packageVerificationCode"]["packageVerificationCodeValue"] =
      std::string(40, '0');
  CHECK(findings(verify_json({write_sbom(wrong, "wrong.spdx.json"), delivery.string()}, 1)) ==
        std::set<std::string>{"VERIFY-PACKAGE-CODE pkg:pypi/demo@1.0"});

  // Excluded files are left out of the code (SPDX 2.3 section 7.9): the
  // code of the package's files but core.py, with core.py excluded.
  // The package's files: those it CONTAINS.
  std::set<std::string> demo_files;
  for (const auto& relationship : written["relationships"]) {
    if (relationship["spdxElementId"] == demo["SPDXID"] &&
        relationship["relationshipType"] == "CONTAINS") {
      demo_files.insert(relationship["relatedSpdxElement"].get<std::string>());
    }
  }
  REQUIRE(demo_files.size() == 4);
  std::vector<std::string> sha1s;
  std::string core_name;
  for (const auto& file : written["files"]) {
    if (demo_files.count(file["SPDXID"].get<std::string>()) == 0) {
      continue;
    }
    const std::string name = file["fileName"];
    if (name.ends_with("demo/core.py")) {
      core_name = name;
      continue;
    }
    for (const auto& checksum : file["checksums"]) {
      if (checksum["algorithm"] == "SHA1") {
        sha1s.push_back(checksum["checksumValue"]);
      }
    }
  }
  REQUIRE_FALSE(core_name.empty());
  REQUIRE(sha1s.size() == demo_files.size() - 1);
  std::sort(sha1s.begin(), sha1s.end());
  std::string joined;
  for (const auto& sha1 : sha1s) {
    joined += sha1;
  }
  nlohmann::json excluding = written;
  auto& code = package_named(excluding, "demo")["packageVerificationCode"];
  code["packageVerificationCodeValue"] =
      kensa::model::compute_hash(kensa::model::HashAlgorithm::sha1, joined).hex;
  code["packageVerificationCodeExcludedFiles"] = {core_name};
  const std::string excluding_path = write_sbom(excluding, "excluding.spdx.json");
  CHECK(findings(verify_json({excluding_path, delivery.string()}, 0)).empty());

  // A changed file changes the code: both are named.
  write_file(delivery / "lib" / "python3.11" / "site-packages" / "demo" / "__init__.py", "\n");
  const auto changed = findings(verify_json({sbom.string(), delivery.string()}, 1));
  CHECK(changed.count("VERIFY-PACKAGE-CODE pkg:pypi/demo@1.0") == 1);
  CHECK(changed.count("VERIFY-FILE-CHANGED lib/python3.11/site-packages/demo/__init__.py") == 1);
  // The excluded core.py may change freely.
  write_file(delivery / "lib" / "python3.11" / "site-packages" / "demo" / "__init__.py",
             "from .core import run\n");
  write_file(delivery / "lib" / "python3.11" / "site-packages" / "demo" / "core.py", "pass\n");
  CHECK(findings(verify_json({excluding_path, delivery.string()}, 1)) ==
        std::set<std::string>{"VERIFY-FILE-CHANGED lib/python3.11/site-packages/demo/core.py"});
}
