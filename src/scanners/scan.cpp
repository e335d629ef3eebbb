#include "component_files.hpp"
#include "package_files.hpp"
#include "recorded_digests.hpp"
#include "subject_name.hpp"
#include "warning_summary.hpp"

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

// Which kinds of evidence this scan reads.
struct KindsRead {
  bool installed = true;
  bool declared = true;

  bool reads(EvidenceKind kind) const {
    return kind == EvidenceKind::installed ? installed : declared;
  }
};

struct ActiveScanner {
  const ScannerInfo* info;
  std::unique_ptr<Scanner> scanner;
  std::vector<source::SourceFile> files;
  // The globs of patterns() of each kind the scan reads (empty for a kind
  // it does not read).
  std::vector<std::string> installed_globs;
  std::vector<std::string> declared_globs;
  // The same for the name_only patterns.
  std::vector<std::string> installed_name_globs;
  std::vector<std::string> declared_name_globs;
  // The content rule, when the scan reads installed evidence.
  const Scanner::ContentRule* content_rule = nullptr;
  // The name_only_key of each name-only file handed over, with its
  // container's prefix.
  std::unordered_set<std::string> name_keys;

  void choose_kinds(KindsRead kinds) {
    installed_globs.clear();
    declared_globs.clear();
    installed_name_globs.clear();
    declared_name_globs.clear();
    for (const auto& pattern : scanner->patterns()) {
      if (!kinds.reads(pattern.kind)) {
        continue;
      }
      const bool installed = pattern.kind == EvidenceKind::installed;
      if (pattern.name_only) {
        (installed ? installed_name_globs : declared_name_globs).push_back(pattern.glob);
      } else {
        (installed ? installed_globs : declared_globs).push_back(pattern.glob);
      }
    }
    content_rule = kinds.installed ? scanner->content_rule() : nullptr;
  }

  bool idle() const {
    return installed_globs.empty() && declared_globs.empty() && installed_name_globs.empty() &&
           declared_name_globs.empty() && content_rule == nullptr;
  }
};

// Routes each entry of the walk to the scanners whose globs match it, so
// every file is read at most once, and only when some scanner wants it.
class RoutingSink : public source::EntrySink {
 public:
  RoutingSink(std::vector<ActiveScanner>& scanners, model::ComponentGraph& graph, KindsRead kinds,
              const std::function<void(const ScanProgress&)>& progress)
      : m_scanners(scanners), m_graph(graph), m_kinds(kinds), m_progress(progress) {
    for (const auto& active : m_scanners) {
      m_sniffs = m_sniffs || active.content_rule != nullptr;
    }
  }

  bool wants(const source::EntryInfo& entry) override {
    ++m_walked.entries;
    if (m_progress) {
      m_walked.place = entry.location;
      m_progress(m_walked);
    }
    m_pending.clear();
    m_packaged = inside_package_file(entry.location);
    for (std::size_t i = 0; i < m_scanners.size(); ++i) {
      if (matches_pattern(m_scanners[i], entry.path, m_packaged)) {
        m_pending.push_back(i);
      } else if (matches_globs(m_scanners[i].installed_name_globs,
                               m_scanners[i].declared_name_globs, entry.path, m_packaged)) {
        hand_over_name(m_scanners[i], entry);
      }
    }
    return !m_pending.empty();
  }

  // What an archive lying in the input holds is not installed: with
  // installed evidence only, archives are opened only where a scanner reads
  // their members as installed (Java archives, eggs).
  bool opens_archive(const source::EntryInfo& entry) override {
    if (m_kinds.declared) {
      return true;
    }
    for (const auto& active : m_scanners) {
      for (const auto& glob : active.scanner->installed_archives()) {
        if (glob_match(glob, entry.path)) {
          return true;
        }
      }
    }
    spdlog::debug("{}: archive not opened: what it holds is not installed", entry.location);
    return false;
  }

  bool sniffs_heads() const override { return m_sniffs; }

  bool wants_head(const source::EntryInfo& entry, std::string_view head) override {
    m_pending.clear();
    // An executable in a package file is not installed (yet).
    m_packaged = inside_package_file(entry.location);
    if (m_packaged) {
      return false;
    }
    for (std::size_t i = 0; i < m_scanners.size(); ++i) {
      const auto* rule = m_scanners[i].content_rule;
      if (rule != nullptr && rule->wants(head)) {
        m_pending.push_back(i);
      }
    }
    return !m_pending.empty();
  }

  // A file too large to buffer is mapped only when every scanner that
  // wants it by name reads it mapped; the content rules read mapped files
  // anyway.
  bool maps_large(const source::EntryInfo& entry, std::string_view head) override {
    (void)entry;
    if (m_pending.empty()) {
      return false;
    }
    for (std::size_t i : m_pending) {
      if (!m_scanners[i].scanner->maps_large_named(head)) {
        return false;
      }
    }
    return true;
  }

  void receive(source::SourceFile file) override {
    // A file wanted by name may also be one a content rule wants; those
    // scanners get it too.
    if (m_sniffs && !m_packaged) {
      for (std::size_t i = 0; i < m_scanners.size(); ++i) {
        const auto* rule = m_scanners[i].content_rule;
        if (rule != nullptr &&
            std::find(m_pending.begin(), m_pending.end(), i) == m_pending.end() &&
            rule->wants(file.bytes())) {
          m_pending.push_back(i);
        }
      }
    }
    for (std::size_t n = 0; n < m_pending.size(); ++n) {
      auto& active = m_scanners[m_pending[n]];
      const auto* rule = active.content_rule;
      if (rule != nullptr && !matches_pattern(active, file.path, m_packaged)) {
        active.files.push_back(
            source::SourceFile{file.location, file.path, file.layer, rule->condense(file.bytes())});
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

  void bytes_read(std::uint64_t total) override { m_walked.bytes = total; }

  const ScanProgress& walked() const { return m_walked; }

  void note(std::string message) override {
    spdlog::warn("{}", message);
    m_graph.add_diagnostic(model::Diagnostic{model::Severity::info, "", std::move(message)});
  }

  void omit(std::string location, std::string message) override {
    m_graph.add_omission(model::Omission{location, message});
    warn(std::move(location), std::move(message));
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
  // Whether a pattern of a kind the scan reads matches `path`. What sits
  // in a package file is declared evidence only (package_files.hpp).
  static bool matches_pattern(const ActiveScanner& active, std::string_view path, bool packaged) {
    return matches_globs(active.installed_globs, active.declared_globs, path, packaged);
  }

  static bool matches_globs(const std::vector<std::string>& installed,
                            const std::vector<std::string>& declared, std::string_view path,
                            bool packaged) {
    auto matches = [&](const std::vector<std::string>& globs) {
      return std::any_of(globs.begin(), globs.end(),
                         [&](const std::string& glob) { return glob_match(glob, path); });
    };
    return (!packaged && matches(installed)) || matches(declared);
  }

  // A file wanted for its name: handed over now, without its contents,
  // once per key and container.
  static void hand_over_name(ActiveScanner& active, const source::EntryInfo& entry) {
    const std::string_view prefix =
        entry.location.ends_with(entry.path)
            ? entry.location.substr(0, entry.location.size() - entry.path.size())
            : std::string_view();
    std::string key(prefix);
    key += active.scanner->name_only_key(entry.path);
    if (active.name_keys.insert(std::move(key)).second) {
      active.files.push_back(source::SourceFile{std::string(entry.location),
                                                std::string(entry.path), std::string(entry.layer),
                                                std::string()});
    }
  }

  std::vector<ActiveScanner>& m_scanners;
  model::ComponentGraph& m_graph;
  KindsRead m_kinds;
  const std::function<void(const ScanProgress&)>& m_progress;
  ScanProgress m_walked;
  std::vector<std::size_t> m_pending;
  // Whether the entry last offered sits in a package file.
  bool m_packaged = false;
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
  std::vector<const ScannerInfo*> chosen;
  auto choose = [&](const ScannerInfo* info) {
    if (std::find(chosen.begin(), chosen.end(), info) == chosen.end()) {
      chosen.push_back(info);
    }
  };
  for (const auto& name : names) {
    if (const ScannerInfo* info = find_scanner(name)) {
      choose(info);
      continue;
    }
    auto tagged = scanners_tagged(name);
    if (tagged.empty()) {
      return fail("unknown scanner or tag '" + name + "' ('kensa scanners' lists them)");
    }
    for (const ScannerInfo* info : tagged) {
      choose(info);
    }
  }
  if (names.empty()) {
    for (const auto& info : scanner_table()) {
      chosen.push_back(&info);
    }
  }
  std::vector<ActiveScanner> active;
  for (const ScannerInfo* info : chosen) {
    active.push_back(ActiveScanner{info, info->create(), {}, {}, {}, {}, {}, nullptr, {}});
  }
  return active;
}

// The kinds a scan reads: those asked for, else those the input's kind
// calls for.
KindsRead kinds_to_read(EvidenceChoice choice, source::SourceKind kind) {
  switch (choice) {
  case EvidenceChoice::installed:
    return KindsRead{true, false};
  case EvidenceChoice::declared:
    return KindsRead{false, true};
  case EvidenceChoice::all:
    return KindsRead{true, true};
  case EvidenceChoice::by_target:
    break;
  }
  bool system = kind == source::SourceKind::root_file_system || kind == source::SourceKind::image;
  return KindsRead{true, !system};
}

// A scanner chosen by name that reads nothing of the kinds this scan reads
// would give nothing without a word.
void warn_idle_scanners(const std::vector<ActiveScanner>& scanners, bool named, KindsRead kinds,
                        source::SourceKind kind) {
  if (!named) {
    return;
  }
  for (const auto& active : scanners) {
    if (!active.idle()) {
      continue;
    }
    if (!kinds.declared) {
      spdlog::warn("scanner {} reads only declared evidence (manifests, lockfiles), which a scan "
                   "of a {} leaves out unless --include-declared is given",
                   active.info->name, source::source_kind_name(kind));
    } else {
      spdlog::warn("scanner {} reads only installed evidence, which --evidence declared leaves "
                   "out",
                   active.info->name);
    }
  }
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

  KindsRead kinds = kinds_to_read(options.evidence, source.kind());
  for (auto& active : *scanners) {
    active.choose_kinds(kinds);
  }
  warn_idle_scanners(*scanners, !options.scanners.empty(), kinds, source.kind());
  spdlog::info("scanning a {}: {} evidence", source::source_kind_name(source.kind()),
               kinds.installed && kinds.declared ? "installed and declared"
               : kinds.installed                 ? "installed"
                                                 : "declared");

  model::ComponentGraph graph;
  RoutingSink sink(*scanners, graph, kinds, options.progress);
  if (auto walked = source.walk(sink); !walked) {
    return fail(walked.error());
  }

  model::DocumentMetadata metadata;
  model::Component subject = source.subject();
  subject.id = model::component_id(subject);

  const bool folder = source.kind() == source::SourceKind::folder ||
                      source.kind() == source::SourceKind::root_file_system;
  const std::string root_name = folder ? source.subject().name : std::string();
  // Read before the user's facts may rename the subject.
  const std::string input_archive =
      source.kind() == source::SourceKind::archive ? subject.name : std::string();
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
    if (options.progress) {
      ScanProgress running = sink.walked();
      running.walking = false;
      running.place = active.info->name;
      running.components = graph.component_count();
      options.progress(running);
    }
    ScanContext context(graph, std::string(active.info->name), subject.id, &ownership);
    context.set_root_name(root_name);
    context.set_license_texts(options.license_texts);
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
  log_warning_summary(graph.warning_tally());
  spdlog::info("found {} component(s)", graph.component_count());
  model::Document document = std::move(graph).finish(std::move(metadata));
  describe_component_files(document, input_archive);
  name_subject(document, source.kind());
  apply_user_facts(document, options.facts, source.kind());
  if (!ownership.empty() && sink.inventory_size() > 0) {
    report_unowned(document, *document.metadata.subject, document.diagnostics);
  }
  digests.report(*document.metadata.subject, document.diagnostics);
  return document;
}

} // namespace kensa::scanner
