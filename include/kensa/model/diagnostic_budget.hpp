#pragma once

#include <kensa/model/document.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Keeps the diagnostics of one document bounded. A hostile file can hold
// millions of bad lines (a 64 MiB go.mod is 30,000,000 malformed requires);
// each would otherwise be a stderr line and a diagnostic kept in memory.
namespace kensa::model {

// Diagnostics kept about one location; the rest are counted.
inline constexpr std::size_t k_max_diagnostics_per_location = 100;
// Diagnostics kept about one location that say the same thing (the same
// message once numbers and quoted text are set aside).
inline constexpr std::size_t k_max_diagnostics_per_kind = 20;
// Diagnostics kept in all; past it, only locations already named count
// theirs, the others share one count.
inline constexpr std::size_t k_max_diagnostics = 100'000;
// Longest message kept; a longer one is cut, saying how much was cut.
inline constexpr std::size_t k_max_diagnostic_message = 4096;
// Kinds of warning counted apart for the end-of-scan summary; the warnings
// of further kinds are counted together.
inline constexpr std::size_t k_max_tallied_kinds = 1000;

// How many warnings of each kind (diagnostic_kind) one scan gave, kept or
// left out by the caps.
struct WarningTally {
  struct Kind {
    // diagnostic_kind() of the messages; empty for "other kinds".
    std::string kind;
    std::uint64_t count = 0;
    // The message itself when every warning of the kind said exactly it
    // (the places differed, not the words); empty otherwise.
    std::string message;
  };
  // Most frequent first, then by kind.
  std::vector<Kind> kinds;
  std::uint64_t total = 0;
};

class DiagnosticBudget {
 public:
  // Whether `diagnostic` is kept; when not, it is counted for its location.
  bool admit(const Diagnostic& diagnostic);
  // Counts `count` diagnostics about `location` that were never made (a
  // parser that kept only its first problems): they are summarised like
  // those admit() turned down. `kind` (diagnostic_kind) when they all say
  // the same thing, empty when not known.
  void count_left_out(std::string_view location, std::uint64_t count, std::string_view kind = {});
  // One warning per location that had diagnostics left out ("and 2,999,900
  // more like this"), and one for the locations that had none kept.
  std::vector<Diagnostic> summaries() const;
  // Every warning offered to admit() or counted by count_left_out(), by
  // kind.
  WarningTally tally() const;

 private:
  struct PerLocation {
    std::size_t kept = 0;
    std::uint64_t left_out = 0;
    // Kept by kind; bounded, since only kept diagnostics add kinds.
    std::map<std::string, std::size_t, std::less<>> kinds;
    // The kinds of what was left out: one, or several.
    std::string left_out_kind;
    bool several_kinds = false;
  };
  PerLocation* find_or_add(std::string_view location);
  void note_left_out(PerLocation& place, std::string_view kind, std::uint64_t count);
  // `message`: the warning counted, when there is one (count_left_out has
  // none).
  void count_kind(std::string_view kind, std::uint64_t count, const std::string* message);

  std::map<std::string, PerLocation, std::less<>> m_locations;
  std::size_t m_kept = 0;
  // Left out about locations that were not named while there was room.
  std::uint64_t m_left_out_elsewhere = 0;
  // Warnings by kind, at most k_max_tallied_kinds of them; the rest in
  // m_other_kinds.
  struct KindCount {
    std::uint64_t count = 0;
    // The first message, until one of the kind says something else.
    std::string message;
    bool same_message = true;
  };
  std::map<std::string, KindCount, std::less<>> m_kind_counts;
  std::uint64_t m_other_kinds = 0;
};

// A kind (diagnostic_kind) as a reader sees it: "N" for the numbers and
// "…" for the quoted text it set aside.
std::string readable_kind(std::string_view kind);

// `message` with runs of digits and quoted text set aside: what two
// diagnostics saying the same thing about different lines or names share.
std::string diagnostic_kind(std::string_view message);
// Whether diagnostic_kind(message) == kind, without building it: parsers
// compare every problem past their cap.
bool is_of_kind(std::string_view message, std::string_view kind);

// Cuts `message` to k_max_diagnostic_message bytes, on a UTF-8 character
// boundary, saying how much was cut.
void cut_long_message(std::string& message);

// `count` written with thousands separators: 2,999,900.
std::string with_thousands(std::uint64_t count);

} // namespace kensa::model
