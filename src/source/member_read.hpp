#pragma once

#include "walk_context.hpp"

#include <kensa/model/hash.hpp>
#include <kensa/source/mapped_file.hpp>
#include <kensa/source/source.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kensa::source {

// One archive member as its bytes stream past. Its head decides what the
// walk does with it: keep the bytes when a scanner wants them (by name, or
// by head for executables) or when they are an archive to open, else only
// hash them, else stop reading. The caps (the file size a scanner may get,
// the memory left for nested archives) are checked as bytes arrive, since a
// streamed member need not state its size.
//
// An executable (wanted for its head) is not held in memory past
// max_buffered_file_size: its bytes go on to a temporary file, deleted when
// it is closed, which the scanner is then handed mapped.
class MemberRead {
 public:
  // What happens to the member's bytes once its head has been seen.
  enum class Plan { sniff, keep, hash_only, skip };

  // `entry`'s strings must outlive the read; `depth` is the number of
  // archives its location crosses.
  MemberRead(WalkContext& context, const EntryInfo& entry, std::uint32_t depth);
  MemberRead(const MemberRead&) = delete;
  MemberRead& operator=(const MemberRead&) = delete;
  ~MemberRead();

  // Whether nothing needs the member's bytes at all: the next header skips
  // them, often without decompressing them.
  bool needs_nothing() const;
  const EntryInfo& entry() const { return m_entry; }
  Plan plan() const { return m_plan; }

  // Takes the next `bytes` of the member.
  void feed(std::string_view bytes);
  // How many bytes of the member it took so far.
  std::uint64_t position() const { return m_position; }
  // After the last bytes: a member shorter than a head is decided now.
  void finish();

  // Once finished: whether a scanner wants the member, whether it is an
  // archive to open, its bytes when either, its digests when hashing.
  bool wanted() const { return m_wanted; }
  bool nested() const { return m_nested; }
  std::string& kept() { return m_kept; }
  // Whether the wanted bytes went to a temporary file rather than kept().
  bool spooled() const { return m_spool >= 0; }
  // The temporary file, mapped; fails with the system's reason.
  Result<std::shared_ptr<const MappedFile>> map_spooled();
  std::optional<model::Hasher>& hasher() { return m_hasher; }

 private:
  // False when the head must grow first: a compressed head may stop before
  // the decompressor has produced enough to see what is inside.
  bool decide(std::string_view head, bool complete);
  // Appends to the kept bytes within the caps.
  void keep(std::string_view bytes);
  void sniff(std::string_view bytes);
  // The nested archive no longer fits in the memory left for nested
  // archives: said, unless it was only maybe an archive.
  void drop_nested(const std::string& size_said);
  // Moves the kept bytes to a temporary file; false (said) when that fails.
  bool start_spool();
  // Appends to the temporary file; false (said) when that fails.
  bool spool(std::string_view bytes);
  void close_spool();

  WalkContext& m_context;
  const EntryInfo& m_entry;
  bool m_wanted;
  bool m_may_nest;
  bool m_hashing;
  bool m_sniffing;
  // Wanted for its head (an executable), or by name by scanners that read
  // it mapped (EntrySink::maps_large): past the buffer cap it is spooled to
  // a temporary file and mapped.
  bool m_by_head = false;
  int m_spool = -1;
  std::uint64_t m_spooled = 0;
  // What a wanted member may be: an executable wanted for its head gets the
  // larger cap.
  std::uint64_t m_cap;
  std::size_t m_head_size;
  std::optional<model::Hasher> m_hasher;
  std::string m_kept;
  std::uint64_t m_position = 0;
  bool m_nested = false;
  // A compressed member whose head did not tell whether it holds an
  // archive: it is kept and opened like one, and opening it decides.
  bool m_maybe_nested = false;
  Plan m_plan = Plan::sniff;
};

} // namespace kensa::source
