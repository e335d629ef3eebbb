#include "rust_component.hpp"

#include <kensa/model/purl.hpp>
#include <kensa/scanner/file_report.hpp>

#include <algorithm>

namespace kensa::scanner::rust {

namespace {

constexpr std::string_view k_crates_io_index =
    "registry+https://github.com/rust-lang/crates.io-index";
constexpr std::string_view k_crates_io_sparse = "sparse+https://index.crates.io/";

bool is_sha256_hex(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

} // namespace

model::Component make_crate_component(std::string_view name, std::string_view version,
                                      const CrateSource& source, std::string_view checksum,
                                      const model::Evidence& evidence, FileReport& report) {
  model::Component component;
  component.type = model::ComponentType::library;
  component.ecosystem = "cargo";
  component.name = std::string(name);
  component.version = std::string(version);
  // A path crate is the project's own code, not the registry crate of the
  // same name and version (a lockfile may hold both), so it gets no purl;
  // crates from git or another registry say where they are from.
  std::vector<std::pair<std::string, std::string>> qualifiers;
  std::string_view where = source.text;
  bool local = where.empty() || where == "local";
  if (where.starts_with("git+")) {
    std::string_view url = where.substr(4);
    std::size_t hash = url.find('#');
    std::string revision = hash == std::string_view::npos ? "" : std::string(url.substr(hash + 1));
    url = url.substr(0, std::min(url.find('?'), url.find('#')));
    qualifiers.emplace_back("vcs_url",
                            "git+" + std::string(url) + (revision.empty() ? "" : "@" + revision));
  } else if ((where.starts_with("registry+") || where.starts_with("sparse+")) &&
             where != k_crates_io_index && where != k_crates_io_sparse) {
    qualifiers.emplace_back("repository_url", std::string(where.substr(where.find('+') + 1)));
  }
  if (!version.empty() && !local) {
    if (auto purl = model::make_purl("cargo", "", name, version, qualifiers)) {
      component.purl = purl->to_string();
    } else {
      report.warn("crate " + std::string(name) + ": " + purl.error());
    }
  }
  if (!checksum.empty()) {
    if (is_sha256_hex(checksum)) {
      component.hashes.push_back(model::Hash{model::HashAlgorithm::sha256, std::string(checksum)});
    } else {
      report.warn("crate " + std::string(name) + " " + std::string(version) +
                  ": checksum is not a SHA-256 in hex");
    }
  }
  if (!source.text.empty()) {
    component.add_property(std::string(k_property_source), source.text);
  }
  std::string_view text = source.text;
  if (text.starts_with("git+")) {
    std::string_view url = text.substr(4);
    std::size_t hash = url.find('#');
    if (hash != std::string_view::npos) {
      component.add_property(std::string(k_property_git_revision),
                             std::string(url.substr(hash + 1)));
      url = url.substr(0, hash);
    }
    url = url.substr(0, url.find('?'));
    component.external_references.push_back(model::ExternalReference{"vcs", std::string(url)});
  }
  component.scope = model::Scope::required;
  component.evidence.push_back(evidence);
  return component;
}

} // namespace kensa::scanner::rust
