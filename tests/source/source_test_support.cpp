#include "source_test_support.hpp"

#include "../support/component_lookup.hpp"
#include "../support/test_support.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace kensa::testing {

void shell(const std::filesystem::path& folder, const std::string& command) {
  // The log sits beside the folder so that archiving "." does not pack it.
  std::string log = (folder.parent_path() / ("." + folder.filename().string() + ".log")).string();
  std::string full = "cd '" + folder.string() + "' && ( " + command + " ) >'" + log + "' 2>&1";
  int status = std::system(full.c_str());
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("command failed: " + command + "\n" + read_file(log));
  }
}

bool have_tool(const std::string& name) {
  std::string command = "command -v '" + name + "' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string npm_lockfile() {
  return read_file(fixture("npm/lockfile-v3/package-lock.json"));
}

model::Document scan_with_npm(const std::filesystem::path& path, scanner::ScanOptions options) {
  options.scanners = {"npm"};
  // The source tests look at what the walk offers, whatever the input is:
  // a lockfile is declared evidence, which an image or a root file system
  // is not scanned for by default.
  options.evidence = scanner::EvidenceChoice::all;
  options.timestamp = 0;
  auto document = scanner::scan(path, options);
  if (!document) {
    throw std::runtime_error("scan failed: " + document.error());
  }
  return std::move(document).value();
}

std::vector<std::string> locations_of(const model::Document& document, const std::string& purl) {
  std::vector<std::string> locations;
  if (const auto* component = find_by_purl(document, purl)) {
    for (const auto& evidence : component->evidence) {
      locations.push_back(evidence.location);
    }
  }
  return locations;
}

std::vector<std::string> layers_of(const model::Document& document, const std::string& purl) {
  std::vector<std::string> layers;
  if (const auto* component = find_by_purl(document, purl)) {
    for (const auto& evidence : component->evidence) {
      layers.push_back(evidence.layer);
    }
  }
  return layers;
}

bool has_diagnostic(const model::Document& document, const std::string& text) {
  return std::any_of(document.diagnostics.begin(), document.diagnostics.end(),
                     [&](const model::Diagnostic& diagnostic) {
                       return diagnostic.location.find(text) != std::string::npos ||
                              diagnostic.message.find(text) != std::string::npos;
                     });
}

bool RecordingSink::wants(const source::EntryInfo& entry) {
  offered.emplace_back(entry.location);
  return !m_suffix.empty() && std::string_view(entry.path).ends_with(m_suffix);
}

void RecordingSink::hashed(std::string location, std::string /*layer*/,
                           std::vector<model::Hash> digests) {
  hashes.emplace_back(std::move(location), std::move(digests));
}

bool RecordingSink::warned(const std::string& text) const {
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.find(text) != std::string::npos;
  });
}

} // namespace kensa::testing
