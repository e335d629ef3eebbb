#pragma once

#include <kensa/model/graph.hpp>
#include <kensa/model/hash.hpp>
#include <kensa/scanner/problem_list.hpp>
#include <kensa/source/source.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::scanner {

// What a file tells about software (docs/sources.md, "Installed and
// declared"). A scan of a project reads both; a scan of a root file system
// or a container image reads installed evidence unless asked for more.
enum class EvidenceKind : std::uint8_t {
  // Software that is there: package databases, installed packages'
  // metadata (.dist-info, node_modules/*/package.json), Java archives,
  // executables.
  installed,
  // Software a file asks for or carries: manifests, lockfiles, requirement
  // lists, and package archives lying on disk (.deb, .rpm files).
  declared,
};

// "installed" or "declared".
std::string_view evidence_kind_name(EvidenceKind kind);

// A glob (see glob.hpp) and the kind of evidence the files it matches are.
struct FilePattern {
  std::string glob;
  EvidenceKind kind;
  // The file is wanted for its name alone: it is handed over with empty
  // contents and never read (the store paths of a Nix store copied without
  // its database, which only their names describe). Scanner::name_only_key
  // says which of many such files are one to the scanner.
  bool name_only = false;
};

// A scanner's statement that a component owns a file (dpkg .list files,
// Python RECORD files, ...).
struct FileOwnership {
  std::string component_id;
  // In Evidence::location notation (see source::container_prefix).
  std::string location;
  // The digest the package database recorded for the file's contents (dpkg
  // .md5sums, apk Z lines, rpm FILEDIGESTS, Python RECORD), when it has one.
  std::optional<model::Hash> recorded_digest;
};

// What a scan does with the license files of packages (LICENSE, COPYING,
// NOTICE; docs/licenses.md): nothing, match them against the SPDX license
// texts for license evidence, or that and keep the text of a license the
// SPDX list does not have as a LicenseRef- (full).
enum class LicenseTexts : std::uint8_t {
  none,
  evidence,
  full,
};

// What a scanner gets besides its files: the graph to fill, and what its
// reports about them (FileReport) go to.
class ScanContext {
 public:
  // `ownership`, when given, collects own_file() statements; the scan driver
  // resolves them against the file inventory once every scanner has run.
  ScanContext(model::ComponentGraph& graph, std::string scanner_name, std::string subject_id,
              std::vector<FileOwnership>* ownership = nullptr)
      : m_graph(graph), m_scanner_name(std::move(scanner_name)),
        m_subject_id(std::move(subject_id)), m_ownership(ownership) {}

  model::ComponentGraph& graph() { return m_graph; }
  const std::string& scanner_name() const { return m_scanner_name; }
  // Id of the document's subject (the scanned folder, archive or image).
  // Scanners relate it to the root components they find (a project's own
  // application component) with RelationshipType::describes.
  const std::string& subject_id() const { return m_subject_id; }
  // The name of the scanned folder ("node_modules" when a node_modules
  // folder is scanned on its own); empty when the input is not a folder.
  const std::string& root_name() const { return m_root_name; }
  void set_root_name(std::string name) { m_root_name = std::move(name); }
  // Whether scanners read license files (LicenseTexts::evidence, the
  // default, and full) or leave them (none).
  LicenseTexts license_texts() const { return m_license_texts; }
  void set_license_texts(LicenseTexts texts) { m_license_texts = texts; }
  bool reads_license_files() const { return m_license_texts != LicenseTexts::none; }
  // The last argument of model::add_license_file_evidence.
  bool keeps_unlisted_license_texts() const { return m_license_texts == LicenseTexts::full; }

  // Evidence for a component found in `file` by this scanner.
  model::Evidence evidence_for(const source::SourceFile& file) const;

  // States that component `component_id` owns the file at `location`
  // (Evidence::location notation: source::container_prefix(file) + the path
  // in that container). With a file inventory (--files), the file's entry
  // lists the component as an owner; files not in the inventory and unknown
  // ids are ignored. Without an inventory this does nothing. `recorded_digest`
  // is checked against the inventory's digest of the same algorithm.
  void own_file(std::string component_id, std::string location,
                std::optional<model::Hash> recorded_digest = std::nullopt) {
    if (m_ownership != nullptr) {
      m_ownership->push_back(
          FileOwnership{std::move(component_id), std::move(location), std::move(recorded_digest)});
    }
  }

 private:
  // Scanners report through a FileReport, the one way they report: these
  // are what it is built on.
  friend class FileReport;
  // Records a warning naming `location`; the scan goes on. Warnings are
  // capped per location and per kind (model/diagnostic_budget.hpp): past a
  // cap they are counted, and the scan ends with one line per location
  // saying how many more there were.
  void warn(std::string_view location, std::string message);
  // A warning that a file was not read at all, or only in part: the
  // document says it is incomplete (model::Omission).
  void omit(std::string_view location, std::string message);
  // Counts `count` warnings about `location` a parser left out (ProblemList),
  // all saying `kind` when it is not empty.
  void count_left_out(std::string_view location, std::uint64_t count, std::string_view kind);

  model::ComponentGraph& m_graph;
  std::string m_scanner_name;
  std::string m_subject_id;
  std::vector<FileOwnership>* m_ownership;
  std::string m_root_name;
  LicenseTexts m_license_texts = LicenseTexts::evidence;
};

// An ecosystem scanner. It never reads the disk or the network, never runs a
// package manager: it turns the files it asked for into components and
// relationships.
class Scanner {
 public:
  virtual ~Scanner() = default;

  // Globs matched against SourceFile::path (see glob.hpp), e.g.
  // "**/package-lock.json", each with the kind of evidence its files are:
  // a scan that reads only one kind is handed only the files of the
  // patterns of that kind.
  virtual std::span<const FilePattern> patterns() const = 0;

  // Globs of archives whose members this scanner reads as installed
  // evidence (Java archives, Python eggs): when a scan reads installed
  // evidence only, archives lying on disk are opened only when some
  // scanner names them here, since what a tarball or a .deb holds is not
  // installed.
  virtual std::span<const std::string> installed_archives() const { return {}; }

  // Called once per scan with every file that matched patterns(), sorted by
  // location. Must not throw for bad input: report it through a FileReport
  // instead.
  virtual void scan(ScanContext& context, std::span<const source::SourceFile> files) = 0;

  // How a scanner asks for files by content rather than by name
  // (executables). What it finds is installed evidence.
  struct ContentRule {
    // Whether a file is wanted, from its first bytes (at least
    // source::k_head_size of them, fewer only when the file is shorter).
    bool (*wants)(std::string_view head);
    // Called on each such file as it arrives; its result replaces the
    // contents handed to scan(). Executables are large and a scan may meet
    // thousands, so the scanner keeps only what it needs from each. Must not
    // throw.
    std::string (*condense)(std::string_view contents);
  };
  // nullptr (the default): files are wanted by patterns() only.
  virtual const ContentRule* content_rule() const { return nullptr; }

  // For files wanted by patterns() of which the scanner needs only a summary
  // (an archive's digest, not its bytes): called on each as it arrives, so a
  // scan of many large archives does not hold them all. A value replaces the
  // contents handed to scan(); nullopt (the default) keeps them. Must not
  // throw.
  virtual std::optional<std::string> condense_named(const source::SourceFile& file) const {
    (void)file;
    return std::nullopt;
  }

  // For files of name_only patterns: the part of `path` that tells them
  // apart for the scanner (a Nix store path, of the thousands of files in
  // it). The scan hands over the first file of each key in each container,
  // so that a large tree costs one name per key. The whole path (the
  // default) hands over every file.
  virtual std::string_view name_only_key(std::string_view path) const { return path; }

  // Whether a file wanted by patterns() that is too large to buffer
  // (source::Limits::max_buffered_file_size) may be handed over mapped
  // instead, given its first bytes: the scanner then reads it through
  // SourceFile::bytes() in condense_named, which must keep only a summary
  // (the mapping is let go as soon as every scanner has condensed it).
  // False (the default): such a file is skipped with a warning.
  virtual bool maps_large_named(std::string_view head) const {
    (void)head;
    return false;
  }
};

// Runs `scanner` over `files` for the scan driver. A scanner that throws
// (it must not, but one file can hold what nobody foresaw) stops there: what
// it found before is kept, the failure becomes a warning naming the scanner
// and the scan goes on with the next scanner. Running out of memory is not
// caught: it ends kensa with its own message.
void run_scanner(Scanner& scanner, ScanContext& context, std::span<const source::SourceFile> files);

// `globs`, each of kind `kind`: most scanners' patterns are of one kind.
std::vector<FilePattern> patterns_of_kind(std::initializer_list<std::string_view> globs,
                                          EvidenceKind kind);
// `globs`, each of kind `kind`, wanted for their names alone (name_only).
std::vector<FilePattern> name_only_patterns(std::initializer_list<std::string_view> globs,
                                            EvidenceKind kind);
// Appends `globs` of kind `kind` to `patterns`.
void add_patterns(std::vector<FilePattern>& patterns, std::span<const std::string> globs,
                  EvidenceKind kind);

} // namespace kensa::scanner
