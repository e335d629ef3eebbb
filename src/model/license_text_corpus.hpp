#pragma once

#include "license_text_words.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// The bundled SPDX license texts (schemas/spdx/license-texts.json.xz),
// normalised and indexed by word pair once, on first use.
namespace kensa::model::license_text {

struct CorpusLicense {
  std::string id;
  // Distinct word pairs of the required text (not the optional appendix),
  // those with a placeholder left out: the denominator of a match's score.
  std::uint32_t required = 0;
  // Ids of other licenses with exactly the same word pairs.
  std::vector<std::string> same_text;
};

// One license's word pair in the index.
struct Posting {
  std::uint16_t license = 0;
  // False for a pair only in the optional appendix.
  bool required = true;
};

class Corpus {
 public:
  // The bundled texts; built once, safe to share between threads. Throws
  // std::logic_error when they are not embedded or cannot be read (a build
  // error).
  static const Corpus& bundled();

  // Builds an index of `json` (the format of license-texts.json); throws
  // std::runtime_error on malformed data.
  explicit Corpus(std::string_view json);

  // The licenses whose text holds `pair`, each once, sorted by license.
  std::span<const Posting> postings(std::uint64_t pair) const;

  const std::vector<CorpusLicense>& licenses() const { return m_licenses; }
  const std::string& version() const { return m_version; }
  // Copyright lines of the license texts themselves (the FSF's), lower case.
  bool is_license_copyright(std::string_view statement) const;

 private:
  std::string m_version;
  std::vector<CorpusLicense> m_licenses;
  std::vector<Posting> m_postings;
  // word pair -> [begin, end) in m_postings
  std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> m_index;
  std::unordered_set<std::string> m_license_copyrights;
};

// Lower case, white space collapsed: how copyright lines are compared.
std::string copyright_key(std::string_view statement);

} // namespace kensa::model::license_text
