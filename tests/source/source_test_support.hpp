#pragma once

#include <kensa/model/document.hpp>
#include <kensa/scanner/scan.hpp>
#include <kensa/source/source.hpp>

#include <filesystem>
#include <string>
#include <vector>

// Helpers for the source tests: building real archives with the tools
// scripts/setup.sh installs, and recording what a walk offers.
namespace kensa::testing {

// The npm package in the lockfile the source fixtures carry.
inline constexpr const char* k_ms = "pkg:npm/ms@2.1.3";

// Runs `command` with /bin/sh in `folder`; its output goes to a log file
// beside that folder. Throws with the log when the command fails.
void shell(const std::filesystem::path& folder, const std::string& command);

// Whether a program is on PATH.
bool have_tool(const std::string& name);

void write_text(const std::filesystem::path& path, const std::string& text);

// The npm lockfile fixture every archive test packs: tests/fixtures/npm/lockfile-v3.
std::string npm_lockfile();

// Scans `path` with the npm scanner only, reading declared evidence (the
// lockfile) whatever the input is.
model::Document scan_with_npm(const std::filesystem::path& path, scanner::ScanOptions options = {});

// Evidence locations of the component with `purl`, empty when absent.
std::vector<std::string> locations_of(const model::Document& document, const std::string& purl);

// Evidence layers of the component with `purl`.
std::vector<std::string> layers_of(const model::Document& document, const std::string& purl);

// Whether a diagnostic's location or message contains `text`.
bool has_diagnostic(const model::Document& document, const std::string& text);

// Records a walk: every entry offered, what was delivered, warnings, hashes.
class RecordingSink : public source::EntrySink {
 public:
  explicit RecordingSink(std::string wanted_suffix) : m_suffix(std::move(wanted_suffix)) {}
  bool wants(const source::EntryInfo& entry) override;
  void receive(source::SourceFile file) override { delivered.push_back(std::move(file)); }
  void warn(std::string location, std::string message) override {
    warnings.push_back(location + ": " + message);
  }
  void hashed(std::string location, std::string layer, std::vector<model::Hash> hashes) override;

  std::vector<std::string> offered;
  std::vector<source::SourceFile> delivered;
  std::vector<std::string> warnings;
  std::vector<std::pair<std::string, std::vector<model::Hash>>> hashes;

  // Whether some warning contains `text`.
  bool warned(const std::string& text) const;

 private:
  std::string m_suffix;
};

} // namespace kensa::testing
