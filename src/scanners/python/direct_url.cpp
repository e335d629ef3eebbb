#include "direct_url.hpp"

#include "../common/parsers/json_file.hpp"

#include <kensa/scanner/file_report.hpp>

namespace kensa::scanner::python {

using json::Value;

void read_direct_url(FileReport& report, std::string_view text, PackageFacts& facts) {
  auto parsed = json::Document::parse_borrowed(text);
  const Value document = parsed ? parsed->root() : Value();
  if (!document.is_object()) {
    report.warn("direct_url.json is not a JSON object");
    return;
  }
  const std::string url(document["url"].string());
  if (url.empty()) {
    report.warn("direct_url.json has no \"url\"");
    return;
  }
  facts.add_property(k_property_source, url);

  if (const Value vcs = document["vcs_info"]; vcs.is_object()) {
    const std::string kind(vcs["vcs"].string());
    const std::string commit(vcs["commit_id"].string());
    // The "git+" form is what pip accepts back, and it says which VCS.
    facts.add_reference("vcs",
                        kind.empty() || url.starts_with(kind + "+") ? url : kind + "+" + url);
    if (!commit.empty()) {
      facts.add_property(k_property_vcs_commit, commit);
    }
    return;
  }
  if (const Value archive = document["archive_info"]; archive.is_object()) {
    facts.add_reference("distribution", url);
    for (const auto& [algorithm, digest] : members_by_name(archive["hashes"])) {
      if (!digest.is_string()) {
        continue;
      }
      // A digest of an algorithm kensa has no name for is left out, not an
      // error.
      std::string problem;
      if (auto hash = parse_hex_hash(algorithm, digest.string(), problem)) {
        facts.add_hash(std::move(*hash));
      } else if (model::parse_hash_algorithm(algorithm)) {
        report.warn("direct_url.json: " + problem);
      }
    }
    // The older single "hash" field ("sha256=<hex>"), deprecated by the
    // "hashes" table but still written by some installers.
    const std::string single(archive["hash"].string());
    if (!single.empty()) {
      std::string problem;
      if (auto hash = parse_prefixed_hex_hash(single, '=', problem)) {
        facts.add_hash(std::move(*hash));
      } else {
        report.warn("direct_url.json: " + problem);
      }
    }
    return;
  }
  if (document["dir_info"]["editable"].boolean()) {
    facts.add_property(k_property_editable, "true");
  }
}

} // namespace kensa::scanner::python
