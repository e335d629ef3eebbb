#pragma once

#include <kensa/model/document.hpp>
#include <kensa/scanner/scanner.hpp>
#include <kensa/scanner/user_facts.hpp>
#include <kensa/source/source.hpp>
#include <kensa/util/result.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace kensa::scanner {

// Which kinds of evidence (scanner.hpp, EvidenceKind) a scan reads.
enum class EvidenceChoice {
  // By what the input is: installed evidence only for a root file system or
  // a container image, both kinds for anything else.
  by_target,
  installed,
  declared,
  all,
};

// What a scan has done so far, for a progress display.
struct ScanProgress {
  // Entries (files, folders, archive members) the walk offered.
  std::uint64_t entries = 0;
  // Bytes read from files and out of archives.
  std::uint64_t bytes = 0;
  // Components found; the scanners run after the walk, so 0 until then.
  std::uint64_t components = 0;
  // Where the scan is: the location of the entry being walked, or the name
  // of the scanner running. Text from the input: escape it before showing.
  std::string_view place;
  // False once the walk is over and the scanners run.
  bool walking = true;
};

struct ScanOptions {
  // What to read and how (limits, image platform and scope). A non-empty
  // source.digests turns on the file inventory: every file of the input
  // becomes a Document::files entry with those digests.
  source::SourceOptions source;
  // Scanners to run, by name or by tag (registry.hpp); empty means all.
  std::vector<std::string> scanners;
  EvidenceChoice evidence = EvidenceChoice::by_target;
  // Whether the license files of packages are matched for license
  // evidence (the default), also kept whole when no listed license is
  // found (--license-text full), or left unread (none).
  LicenseTexts license_texts = LicenseTexts::evidence;
  // Called as the scan goes (for every entry walked, and before each
  // scanner runs), so it must be cheap: a display decides itself how often
  // to redraw. Empty: nothing is reported.
  std::function<void(const ScanProgress&)> progress;
  // Seconds since the epoch for the document timestamp; unset means now.
  // The CLI fills it from SOURCE_DATE_EPOCH.
  std::optional<std::int64_t> timestamp;
  // What only the user knows (authors, the subject's name, version,
  // supplier and purl, the lifecycle phase); user_facts.hpp.
  UserFacts facts;
};

// Scans `path` with the selected scanners and returns the finished document.
// Fails only when the input as a whole cannot be read.
Result<model::Document> scan(const std::filesystem::path& path, const ScanOptions& options);

// The same for a source already opened (a source::MemorySource, say);
// options.source is not used, the source was opened with its own.
Result<model::Document> scan(source::Source& source, const ScanOptions& options);

} // namespace kensa::scanner
