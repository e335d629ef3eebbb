#pragma once

#include <kensa/model/document.hpp>
#include <kensa/source/source.hpp>
#include <kensa/util/result.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace kensa::scanner {

struct ScanOptions {
  // What to read and how (limits, image platform and scope). A non-empty
  // source.digests turns on the file inventory: every file of the input
  // becomes a Document::files entry with those digests.
  source::SourceOptions source;
  // Scanner names to run; empty means all.
  std::vector<std::string> scanners;
  // Seconds since the epoch for the document timestamp; unset means now.
  // The CLI fills it from SOURCE_DATE_EPOCH.
  std::optional<std::int64_t> timestamp;
};

// Scans `path` with the selected scanners and returns the finished document.
// Fails only when the input as a whole cannot be read.
Result<model::Document> scan(const std::filesystem::path& path, const ScanOptions& options);

// The same for a source already opened (a source::MemorySource, say);
// options.source is not used, the source was opened with its own.
Result<model::Document> scan(source::Source& source, const ScanOptions& options);

} // namespace kensa::scanner
