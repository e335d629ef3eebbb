#pragma once

#include "license_text_words.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// The SPDX license texts (schemas/spdx/license-texts.json.xz), normalised and
// indexed by word pair. The build indexes them once (src/tools/
// license_index.cpp) and compiles the index in; a process reads its tables
// where they lie, instead of parsing and normalising 700 texts on its first
// license file.
namespace kensa::model::license_text {

struct CorpusLicense {
  std::string id;
  // Distinct word pairs of the required text (not the optional appendix),
  // those with a placeholder left out: the denominator of a match's score.
  std::uint32_t required = 0;
  // Ids of other licenses with exactly the same word pairs.
  std::vector<std::string> same_text;

  friend bool operator==(const CorpusLicense&, const CorpusLicense&) = default;
};

// One license's word pair in the index: the license in the low 15 bits, the
// top bit set for a pair only in the optional appendix.
using Posting = std::uint16_t;
inline std::uint16_t posting_license(Posting posting) {
  return static_cast<std::uint16_t>(posting & 0x7FFF);
}
inline bool posting_required(Posting posting) {
  return (posting & 0x8000) == 0;
}

class Corpus {
 public:
  // The index compiled into kensa; read once, safe to share between
  // threads. Throws std::logic_error when it is missing or damaged (a build
  // error).
  static const Corpus& bundled();

  // Indexes `json` (the format of license-texts.json); throws
  // std::runtime_error on malformed data.
  static Corpus from_texts(std::string_view json);
  // Reads an index that `serialise` wrote (on a machine of the same byte
  // order), checking it whole; its tables are used where they lie when
  // `bytes` is 8-byte aligned (the compiled-in index is), and must then
  // outlive the corpus. Throws std::runtime_error when it is cut short or
  // not one.
  static Corpus from_index(std::string_view bytes);
  std::string serialise() const { return std::string(m_bytes); }

  // Moving keeps the owned copy's address, which the tables point into.
  Corpus(Corpus&&) = default;
  Corpus& operator=(Corpus&&) = default;
  Corpus(const Corpus&) = delete;
  Corpus& operator=(const Corpus&) = delete;
  ~Corpus() = default;

  // The licenses whose text holds `pair`, each once, sorted by license.
  std::span<const Posting> postings(std::uint64_t pair) const;
  // The distinct word pairs of license `license`'s text, required and
  // optional, sorted.
  std::span<const std::uint64_t> pairs_of(std::uint16_t license) const;

  const std::vector<CorpusLicense>& licenses() const { return m_licenses; }
  const std::string& version() const { return m_version; }
  // Copyright lines of the license texts themselves (the FSF's), lower case.
  bool is_license_copyright(std::string_view statement) const;

  // The same index.
  friend bool operator==(const Corpus& a, const Corpus& b) { return a.m_bytes == b.m_bytes; }

 private:
  Corpus() = default;
  // from_index, keeping a copy of `bytes` when `copy` (or when they are
  // unaligned).
  static Corpus read(std::string_view bytes, bool copy);

  // The serialised index, and its copy when it had to be owned (built
  // here, or given unaligned).
  std::string_view m_bytes;
  std::vector<std::uint64_t> m_owned;

  std::string m_version;
  std::vector<CorpusLicense> m_licenses;
  // copyright_key of each license text's own copyright lines, sorted.
  std::vector<std::string> m_license_copyrights;
  // Every word pair of some text, sorted; the postings of m_pairs[i] are
  // m_postings[m_first_posting[i], m_first_posting[i + 1]).
  std::span<const std::uint64_t> m_pairs;
  std::span<const std::uint32_t> m_first_posting;
  std::span<const Posting> m_postings;
  // Open addressing over m_pairs: a slot holds an index into m_pairs plus
  // one, 0 when empty; at most half the slots are used. A matched file
  // looks up each of its pairs, which a binary search over 150,000 pairs
  // made the larger part of matching.
  std::span<const std::uint32_t> m_slots;
  // The pairs of license i are m_license_pairs[m_first_license_pair[i],
  // m_first_license_pair[i + 1]).
  std::span<const std::uint32_t> m_first_license_pair;
  std::span<const std::uint64_t> m_license_pairs;
};

// Empties this thread's cache of the texts identify_licenses matched last
// (for benchmarks that time matching itself).
void forget_matched_texts();

// Lower case, white space collapsed: how copyright lines are compared.
std::string copyright_key(std::string_view statement);

} // namespace kensa::model::license_text
