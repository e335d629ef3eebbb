#pragma once

#include "license_text_words.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// The SPDX license texts (schemas/spdx/license-texts.json.xz), normalised and
// indexed by word pair. The build indexes them once (tools/license-index)
// and compiles the index in: a process only copies it into place, instead of
// parsing and normalising 700 texts on its first license file.
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

// One license's word pair in the index.
struct Posting {
  std::uint16_t license = 0;
  // False for a pair only in the optional appendix.
  bool required = true;

  friend bool operator==(const Posting&, const Posting&) = default;
};

class Corpus {
 public:
  // The index compiled into kensa; read once, safe to share between
  // threads. Throws std::logic_error when it is missing or damaged (a build
  // error).
  static const Corpus& bundled();

  // Indexes `json` (the format of license-texts.json); throws
  // std::runtime_error on malformed data.
  static Corpus from_texts(std::string_view json);
  // Reads an index written by `serialise` (by the same build); throws
  // std::runtime_error when it is cut short or not one.
  static Corpus from_index(std::string_view bytes);
  std::string serialise() const;

  // The licenses whose text holds `pair`, each once, sorted by license.
  std::span<const Posting> postings(std::uint64_t pair) const;

  const std::vector<CorpusLicense>& licenses() const { return m_licenses; }
  const std::string& version() const { return m_version; }
  // Copyright lines of the license texts themselves (the FSF's), lower case.
  bool is_license_copyright(std::string_view statement) const;

  // The same licenses, pairs and postings (the lookup table aside, which
  // follows from them).
  friend bool operator==(const Corpus& a, const Corpus& b) {
    return a.m_version == b.m_version && a.m_licenses == b.m_licenses && a.m_pairs == b.m_pairs &&
           a.m_first_posting == b.m_first_posting && a.m_postings == b.m_postings &&
           a.m_license_copyrights == b.m_license_copyrights;
  }

 private:
  Corpus() = default;
  // Fills m_slots from m_pairs.
  void build_lookup();

  std::string m_version;
  std::vector<CorpusLicense> m_licenses;
  // Every word pair of some text, sorted; the postings of m_pairs[i] are
  // m_postings[m_first_posting[i], m_first_posting[i + 1]).
  std::vector<std::uint64_t> m_pairs;
  std::vector<std::uint32_t> m_first_posting;
  std::vector<Posting> m_postings;
  // Open addressing over m_pairs: a slot holds an index into m_pairs plus
  // one, 0 when empty; at most half the slots are used. A matched file
  // looks up each of its pairs several times, which a binary search over
  // 150,000 pairs made the larger part of matching.
  std::vector<std::uint32_t> m_slots;
  // copyright_key of each license text's own copyright lines, sorted.
  std::vector<std::string> m_license_copyrights;
};

// Lower case, white space collapsed: how copyright lines are compared.
std::string copyright_key(std::string_view statement);

} // namespace kensa::model::license_text
