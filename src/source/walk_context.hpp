#pragma once

#include <kensa/model/hash.hpp>
#include <kensa/source/source.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kensa::source {

// "5 bytes": how the walk's warnings give a size.
inline std::string size_text(std::uint64_t bytes) {
  return std::to_string(bytes) + " bytes";
}

// What every part of one walk shares: the sink, the options, and the counters
// behind the limits (entries seen, bytes decompressed, memory held by nested
// archives). The entry cap stops the walk; the decompression budget stops
// the archive it runs out in, and no archive is opened after it, but the
// walk goes on through folders. Each says so once (finish() adds how many
// archives went unopened).
class WalkContext {
 public:
  WalkContext(const SourceOptions& options, EntrySink& sink) : m_options(options), m_sink(sink) {}

  EntrySink& sink() { return m_sink; }
  const SourceOptions& options() const { return m_options; }
  const Limits& limits() const { return m_options.limits; }

  bool hashing() const { return !m_options.digests.empty(); }
  // A hasher for SourceOptions::digests; nullopt when not hashing.
  std::optional<model::Hasher> make_hasher() const;

  // Counts one entry. False once the entry cap is passed: the walk stops,
  // after one omission naming `location`.
  bool count_entry(std::string_view location);
  // Adds bytes produced by decompression. False once the scan's budget is
  // spent: the archive being read must stop, after one omission naming
  // `location`.
  bool add_decompressed(std::uint64_t bytes, std::string_view location);
  // Whether the archive at `location` may be opened: false once the
  // decompression budget is spent (the archive is counted for finish()).
  bool may_open_archive(std::string_view location);
  bool stopped() const { return m_stopped; }
  // Counts bytes read from a file in a folder, for EntrySink::bytes_read.
  void add_read(std::uint64_t bytes);
  // Bytes read from files and decompressed from archives so far.
  std::uint64_t decompressed() const { return m_decompressed; }

  // Room left for nested archives held in memory (Limits::max_nested_archive_size
  // less what archives being walked already hold).
  std::uint64_t nested_room() const;
  void hold_nested(std::uint64_t bytes) { m_nested_held += bytes; }
  void release_nested(std::uint64_t bytes) { m_nested_held -= bytes; }

  // Ends the walk: one omission for the archives left unopened once the
  // decompression budget was spent.
  void finish();

 private:
  const SourceOptions& m_options;
  EntrySink& m_sink;
  std::uint64_t m_entries = 0;
  std::uint64_t m_decompressed = 0;
  // Bytes read in all: files in folders, and what archives gave.
  std::uint64_t m_read = 0;
  std::uint64_t m_nested_held = 0;
  bool m_stopped = false;
  bool m_budget_spent = false;
  // Archives not opened because the budget was spent: the first, and how many.
  std::string m_first_unopened;
  std::uint64_t m_unopened = 0;
};

} // namespace kensa::source
