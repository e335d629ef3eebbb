#pragma once

#include <kensa/model/hash.hpp>
#include <kensa/source/source.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace kensa::source {

// What every part of one walk shares: the sink, the options, and the counters
// behind the limits (entries seen, bytes decompressed, memory held by nested
// archives). Each limit warns once, then stops the walk.
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
  // after one warning naming `location`.
  bool count_entry(std::string_view location);
  // Adds bytes produced by decompression. False once the scan's budget is
  // spent: the walk stops, after one warning naming `location`.
  bool add_decompressed(std::uint64_t bytes, std::string_view location);
  bool stopped() const { return m_stopped; }

  // Room left for nested archives held in memory (Limits::max_nested_archive_size
  // less what archives being walked already hold).
  std::uint64_t nested_room() const;
  void hold_nested(std::uint64_t bytes) { m_nested_held += bytes; }
  void release_nested(std::uint64_t bytes) { m_nested_held -= bytes; }

 private:
  const SourceOptions& m_options;
  EntrySink& m_sink;
  std::uint64_t m_entries = 0;
  std::uint64_t m_decompressed = 0;
  std::uint64_t m_nested_held = 0;
  bool m_stopped = false;
};

} // namespace kensa::source
