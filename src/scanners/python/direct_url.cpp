#include "direct_url.hpp"

#include <kensa/scanner/file_report.hpp>

#include <nlohmann/json.hpp>

namespace kensa::scanner::python {

using nlohmann::json;

namespace {

std::string text_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

void read_direct_url(FileReport& report, std::string_view text, PackageFacts& facts) {
  json document = json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    report.warn("direct_url.json is not a JSON object");
    return;
  }
  std::string url = text_of(document, "url");
  if (url.empty()) {
    report.warn("direct_url.json has no \"url\"");
    return;
  }
  facts.add_property(k_property_source, url);

  auto vcs = document.find("vcs_info");
  if (vcs != document.end() && vcs->is_object()) {
    std::string kind = text_of(*vcs, "vcs");
    std::string commit = text_of(*vcs, "commit_id");
    // The "git+" form is what pip accepts back, and it says which VCS.
    facts.add_reference("vcs",
                        kind.empty() || url.starts_with(kind + "+") ? url : kind + "+" + url);
    if (!commit.empty()) {
      facts.add_property(k_property_vcs_commit, commit);
    }
    return;
  }
  auto archive = document.find("archive_info");
  if (archive != document.end() && archive->is_object()) {
    facts.add_reference("distribution", url);
    auto hashes = archive->find("hashes");
    if (hashes != archive->end() && hashes->is_object()) {
      for (const auto& [algorithm, digest] : hashes->items()) {
        if (!digest.is_string()) {
          continue;
        }
        std::string problem;
        if (auto hash = parse_hex_hash(algorithm, digest.get<std::string>(), problem)) {
          facts.add_hash(std::move(*hash));
        } else if (!model::parse_hash_algorithm(algorithm)) {
          continue; // A digest kensa has no name for is not an error.
        } else {
          report.warn("direct_url.json: " + problem);
        }
      }
    }
    // The older single "hash" field ("sha256=<hex>"), deprecated by the
    // "hashes" table but still written by some installers.
    std::string single = text_of(*archive, "hash");
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
  auto dir = document.find("dir_info");
  if (dir != document.end() && dir->is_object()) {
    auto editable = dir->find("editable");
    if (editable != dir->end() && editable->is_boolean() && editable->get<bool>()) {
      facts.add_property(k_property_editable, "true");
    }
  }
}

} // namespace kensa::scanner::python
