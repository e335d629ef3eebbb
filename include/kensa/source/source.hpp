#pragma once

#include <kensa/model/component.hpp>
#include <kensa/util/result.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// The source layer: the only code that reads the input. It walks a folder (and,
// later, archives and images) once, offers every entry to a sink, and hands
// over the contents of the entries the sink wants.
namespace kensa::source {

// Caps that keep hostile input bounded. Every source honours them.
struct Limits {
  // Largest file whose contents are buffered for a scanner.
  std::uint64_t max_buffered_file_size = 64ull << 20;
  // Most entries visited in one scan.
  std::uint64_t max_entries = 10'000'000;
  // Deepest folder or archive nesting followed.
  std::uint32_t max_depth = 64;
};

struct SourceOptions {
  // Globs (see glob.hpp) on the path relative to the scanned root; a match
  // skips the file, or the whole folder.
  std::vector<std::string> exclude;
  Limits limits;
};

// What the sink is told about an entry before its contents are read.
struct EntryInfo {
  // Relative to the scanned root, '/'-separated; nesting written with "!/".
  std::string_view location;
  // Path inside the innermost container (the root folder or the archive the
  // entry sits in); scanners' globs are matched against this.
  std::string_view path;
  std::uint64_t size = 0;
  // Image layer digest, empty outside images.
  std::string_view layer;
};

// An entry whose contents a scanner asked for.
struct SourceFile {
  std::string location;
  std::string path;
  std::string layer;
  std::string contents;
};

// Receives the walk. Implemented by the scan driver.
class EntrySink {
public:
  virtual ~EntrySink() = default;
  // Whether the contents of this entry should be read and delivered.
  virtual bool wants(const EntryInfo& entry) = 0;
  virtual void receive(SourceFile file) = 0;
  // A problem with one entry (unreadable, too big, loops): the walk goes on.
  virtual void warn(std::string location, std::string message) = 0;
};

// An input kensa can scan.
class Source {
public:
  virtual ~Source() = default;
  // Visits every entry once. Fails only when the input as a whole cannot be
  // read; problems with single entries are sink warnings.
  virtual Status walk(EntrySink& sink) = 0;
  // The component that stands for the whole input in the SBOM's metadata.
  virtual model::Component subject() const = 0;
};

// Opens `path` as the right kind of source. Fails with one clear line (and
// the CLI exits 2) when the path does not exist or cannot be read.
Result<std::unique_ptr<Source>> open_source(const std::filesystem::path& path,
                                            const SourceOptions& options);

} // namespace kensa::source
