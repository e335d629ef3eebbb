#include "recorded_digests.hpp"

#include <kensa/model/ids.hpp>
#include <kensa/scanner/registry.hpp>
#include <kensa/scanner/scan.hpp>
#include <kensa/util/glob.hpp>
#include <kensa/version.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace kensa::scanner {

namespace {

struct ActiveScanner {
  const ScannerInfo* info;
  std::unique_ptr<Scanner> scanner;
  std::vector<source::SourceFile> files;
};

// Routes each entry of the walk to the scanners whose globs match it, so
// every file is read at most once, and only when some scanner wants it.
class RoutingSink : public source::EntrySink {
 public:
  RoutingSink(std::vector<ActiveScanner>& scanners, model::ComponentGraph& graph)
      : m_scanners(scanners), m_graph(graph) {
    for (const auto& active : m_scanners) {
      m_sniffs = m_sniffs || active.scanner->content_rule() != nullptr;
    }
  }

  bool wants(const source::EntryInfo& entry) override {
    m_pending.clear();
    for (std::size_t i = 0; i < m_scanners.size(); ++i) {
      for (const auto& pattern : m_scanners[i].scanner->patterns()) {
        if (glob_match(pattern, entry.path)) {
          m_pending.push_back(i);
          break;
        }
      }
    }
    return !m_pending.empty();
  }

  bool sniffs_heads() const override { return m_sniffs; }

  bool wants_head(const source::EntryInfo& /*entry*/, std::string_view head) override {
    m_pending.clear();
    for (std::size_t i = 0; i < m_scanners.size(); ++i) {
      const auto* rule = m_scanners[i].scanner->content_rule();
      if (rule != nullptr && rule->wants(head)) {
        m_pending.push_back(i);
      }
    }
    return !m_pending.empty();
  }

  void receive(source::SourceFile file) override {
    // A file wanted by name may also be one a content rule wants; those
    // scanners get it too.
    if (m_sniffs) {
      for (std::size_t i = 0; i < m_scanners.size(); ++i) {
        const auto* rule = m_scanners[i].scanner->content_rule();
        if (rule != nullptr &&
            std::find(m_pending.begin(), m_pending.end(), i) == m_pending.end() &&
            rule->wants(file.contents)) {
          m_pending.push_back(i);
        }
      }
    }
    for (std::size_t n = 0; n < m_pending.size(); ++n) {
      auto& active = m_scanners[m_pending[n]];
      const auto* rule = active.scanner->content_rule();
      if (rule != nullptr && !matches_pattern(*active.scanner, file.path)) {
        active.files.push_back(source::SourceFile{file.location, file.path, file.layer,
                                                  rule->condense(file.contents)});
      } else if (auto summary = active.scanner->condense_named(file)) {
        active.files.push_back(
            source::SourceFile{file.location, file.path, file.layer, std::move(*summary)});
      } else if (n + 1 == m_pending.size()) {
        active.files.push_back(std::move(file));
      } else {
        active.files.push_back(file);
      }
    }
    m_pending.clear();
  }

  void warn(std::string location, std::string message) override {
    model::Diagnostic diagnostic{model::Severity::warning, std::move(location), std::move(message)};
    if (m_graph.add_diagnostic(diagnostic)) {
      spdlog::warn("{}: {}", diagnostic.location, diagnostic.message);
    }
  }

  void hashed(std::string location, std::string /*layer*/,
              std::vector<model::Hash> hashes) override {
    m_inventory.insert(location);
    m_graph.add_file(model::FileEntry{std::move(location), std::move(hashes), {}});
  }

  void alias(std::string location, std::string same_as) override {
    m_aliases.emplace(std::move(location), std::move(same_as));
  }

  // Whether `location` is in the file inventory.
  bool in_inventory(const std::string& location) const { return m_inventory.count(location) > 0; }
  std::size_t inventory_size() const { return m_inventory.size(); }

  // The inventory location of the file a package database names `location`,
  // following folder links (a .list says /bin/ls, the file is usr/bin/ls
  // when bin -> usr/bin); empty when there is no such file.
  std::string find_in_inventory(std::string location) const {
    // A few rounds cover links to links; the cap ends link cycles.
    for (int round = 0; round < 8; ++round) {
      if (in_inventory(location)) {
        return location;
      }
      bool rewritten = false;
      // The longest folder of the location that is a link; never the
      // location itself, since a link to a file is not that file's name.
      for (auto slash = location.rfind('/'); slash != std::string::npos && slash > 0;
           slash = location.rfind('/', slash - 1)) {
        auto it = m_aliases.find(location.substr(0, slash));
        if (it != m_aliases.end()) {
          location = it->second + location.substr(slash);
          rewritten = true;
          break;
        }
      }
      if (!rewritten) {
        break;
      }
    }
    return {};
  }

 private:
  static bool matches_pattern(const Scanner& scanner, std::string_view path) {
    const auto patterns = scanner.patterns();
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const std::string& pattern) { return glob_match(pattern, path); });
  }

  std::vector<ActiveScanner>& m_scanners;
  model::ComponentGraph& m_graph;
  std::vector<std::size_t> m_pending;
  std::unordered_set<std::string> m_inventory;
  // Folder links: location -> the location of the folder it names.
  std::unordered_map<std::string, std::string> m_aliases;
  // Whether some scanner has a content rule.
  bool m_sniffs = false;
};

// How many files of the inventory some package owns.
struct OwnershipSummary {
  std::size_t owned = 0;
  std::size_t unowned = 0;
  // The first unowned locations, sorted, for the diagnostic.
  std::vector<std::string> first_unowned;
};

constexpr std::size_t k_unowned_named = 10;

// Links inventory files to the components scanners said own them. Done after
// every scanner ran, so a scanner may claim a file before or after it was
// hashed, and a claim on a file that is not there changes nothing.
// Recorded digests are checked against the inventory's at the same time.
void resolve_ownership(const std::vector<FileOwnership>& claims, const RoutingSink& sink,
                       model::ComponentGraph& graph, RecordedDigests& digests) {
  for (const auto& claim : claims) {
    const model::Component* owner = graph.find(claim.component_id);
    if (owner == nullptr) {
      continue;
    }
    std::string location = sink.find_in_inventory(claim.location);
    if (location.empty()) {
      continue;
    }
    if (claim.recorded_digest) {
      if (const model::FileEntry* entry = graph.find_file(location)) {
        digests.check(*entry, owner->name, *claim.recorded_digest);
      }
    }
    graph.add_file(model::FileEntry{std::move(location), {}, {claim.component_id}});
  }
}

// When a package database said which files its packages own, the files no
// package owns are what was put in by other means (copied in by hand, made
// by a build step, left by an installer script): the auditor's question
// that --files answers. They are the file entries without owners; the
// subject gets their count and a diagnostic names the first ones.
void report_unowned(const model::Document& document, model::Component& subject,
                    std::vector<model::Diagnostic>& diagnostics) {
  OwnershipSummary summary;
  for (const auto& file : document.files) {
    if (!file.owner_ids.empty()) {
      ++summary.owned;
    } else if (++summary.unowned <= k_unowned_named) {
      summary.first_unowned.push_back(file.path);
    }
  }
  subject.add_property("kensa:files:owned", std::to_string(summary.owned));
  subject.add_property("kensa:files:unowned", std::to_string(summary.unowned));
  if (summary.unowned == 0) {
    return;
  }
  std::string named;
  for (const auto& location : summary.first_unowned) {
    named += (named.empty() ? "" : ", ") + location;
  }
  std::string message = std::to_string(summary.unowned) +
                        (summary.unowned == 1 ? " file is" : " files are") +
                        " owned by no package (first: " + named +
                        (summary.unowned > k_unowned_named ? ", ..." : "") + ")";
  spdlog::info("{}", message);
  model::Diagnostic diagnostic{model::Severity::info, "", std::move(message)};
  // The document's diagnostics are sorted.
  auto at = std::upper_bound(diagnostics.begin(), diagnostics.end(), diagnostic);
  diagnostics.insert(at, std::move(diagnostic));
}

std::string format_timestamp(std::int64_t seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

Result<std::vector<ActiveScanner>> select_scanners(const std::vector<std::string>& names) {
  std::vector<ActiveScanner> active;
  if (names.empty()) {
    for (const auto& info : scanner_table()) {
      active.push_back(ActiveScanner{&info, info.create(), {}});
    }
    return active;
  }
  for (const auto& name : names) {
    const ScannerInfo* info = find_scanner(name);
    if (info == nullptr) {
      return fail("unknown scanner '" + name + "'");
    }
    active.push_back(ActiveScanner{info, info->create(), {}});
  }
  return active;
}

} // namespace

Result<model::Document> scan(const std::filesystem::path& path, const ScanOptions& options) {
  auto source = source::open_source(path, options.source);
  if (!source) {
    return fail(source.error());
  }
  return scan(**source, options);
}

Result<model::Document> scan(source::Source& source, const ScanOptions& options) {
  auto scanners = select_scanners(options.scanners);
  if (!scanners) {
    return fail(scanners.error());
  }

  model::ComponentGraph graph;
  RoutingSink sink(*scanners, graph);
  if (auto walked = source.walk(sink); !walked) {
    return fail(walked.error());
  }

  model::DocumentMetadata metadata;
  model::Component subject = source.subject();
  subject.id = model::component_id(subject);

  std::vector<FileOwnership> ownership;
  for (auto& active : *scanners) {
    if (active.files.empty()) {
      continue;
    }
    // Archives and image layers hand out members in their own order; the
    // Scanner contract promises files sorted by location.
    std::stable_sort(active.files.begin(), active.files.end(),
                     [](const source::SourceFile& a, const source::SourceFile& b) {
                       return std::tie(a.location, a.layer) < std::tie(b.location, b.layer);
                     });
    spdlog::debug("scanner {}: {} file(s)", active.info->name, active.files.size());
    ScanContext context(graph, std::string(active.info->name), subject.id, &ownership);
    run_scanner(*active.scanner, context, active.files);
    active.files.clear();
    active.files.shrink_to_fit();
  }
  RecordedDigests digests;
  resolve_ownership(ownership, sink, graph, digests);

  std::int64_t seconds =
      options.timestamp.value_or(std::chrono::duration_cast<std::chrono::seconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
  metadata.timestamp = format_timestamp(seconds);
  metadata.tools.push_back(model::Tool{"kensa", k_name, k_version});
  metadata.subject = std::move(subject);
  // What the diagnostic caps left out, one line per file.
  for (const auto& summary : graph.diagnostic_summaries()) {
    if (summary.location.empty()) {
      spdlog::warn("{}", summary.message);
    } else {
      spdlog::warn("{}: {}", summary.location, summary.message);
    }
  }
  spdlog::info("found {} component(s)", graph.component_count());
  model::Document document = std::move(graph).finish(std::move(metadata));
  if (!ownership.empty() && sink.inventory_size() > 0) {
    report_unowned(document, *document.metadata.subject, document.diagnostics);
  }
  digests.report(*document.metadata.subject, document.diagnostics);
  return document;
}

} // namespace kensa::scanner
