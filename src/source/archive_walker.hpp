#pragma once

#include "archive_reader.hpp"
#include "walk_context.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kensa::source {

class MemberRead;

// What kind of thing an archive member is.
enum class MemberType { regular, directory, symlink, hardlink, other };

// Decides which members of an archive are part of the scan: image layers use
// it to apply whiteouts and hide what later layers replaced. Called for every
// member, in archive order, with its sanitized path.
class MemberFilter {
 public:
  virtual ~MemberFilter() = default;
  virtual bool admit(const std::string& path, MemberType type) = 0;
};

// Walks archives: every member is offered to the sink, wanted members are
// buffered (capped) and delivered, members that are archives themselves are
// read into memory and walked the same way, down to Limits::max_archive_depth.
// Each archive is read once, front to back; with digests on, every member is
// hashed as it streams past. Damaged archives and tripped limits are sink
// warnings: what was read before stays scanned.
class ArchiveWalker {
 public:
  explicit ArchiveWalker(WalkContext& context) : m_context(context) {}

  // Walks the members of `reader`. `archive_location` names the archive in
  // warnings; `prefix` is put before member paths to make their locations
  // ("release.tar.gz!/", or "" for an image layer); `depth` is the number of
  // archives those locations cross.
  void walk(ArchiveReader& reader, const std::string& archive_location, const std::string& prefix,
            std::uint32_t depth, std::string_view layer, MemberFilter* filter = nullptr);

  // Opens the archive file at `path`, whose location is `location`, and walks
  // it as the `depth`-th archive of its locations' nesting.
  void walk_file(const std::filesystem::path& path, const std::string& location,
                 std::uint32_t depth);

 private:
  struct Progress;
  // The outermost archive of a walk (the input, a folder's archive file or
  // an image layer: what was read from disk) and everything decompressed
  // beneath it, at every level of nesting. A 42.zip-like nest expands
  // little at each level, so each level's own ratio stays low while the
  // whole nest's is enormous: the nest is judged as one archive.
  struct Nest {
    const ArchiveReader* outermost;
    std::string location;
    // Decompressed bytes of the outermost archive and of every archive
    // opened inside it.
    std::uint64_t expanded = 0;
    bool abandoned = false;
  };
  // Updates the scan's decompressed total and checks the compression ratio
  // of the archive and of its nest. False when the archive must not be read
  // any further.
  bool within_limits(ArchiveReader& reader, Progress& progress);
  // Tells the sink where the symbolic link member at `path` points.
  void report_link(archive_entry* entry, const std::string& path, const std::string& prefix);
  // Reads one regular member: offers it to the sink, keeps, hashes, hands
  // over and opens what is wanted.
  void visit_file(ArchiveReader& reader, Progress& progress, const std::string& path,
                  const std::string& location, std::uint64_t size, std::string_view layer,
                  std::uint32_t depth);
  // Streams the member's bytes (and the zeros of its holes) into `member`
  // until its plan needs no more. False when the archive must not be read
  // further: it is damaged, or a limit was reached (said either way).
  bool read_member(ArchiveReader& reader, Progress& progress, MemberRead& member);
  void walk_nested(std::string_view bytes, const std::string& location, std::uint32_t depth,
                   std::string_view layer);

  WalkContext& m_context;
  // The nest being walked, while one is.
  std::optional<Nest> m_nest;
};

} // namespace kensa::source
