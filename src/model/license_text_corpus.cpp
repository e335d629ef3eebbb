#include "license_text_corpus.hpp"

#include <kensa/util/decompress.hpp>
#include <kensa/util/resources.hpp>
#include <kensa/util/strings.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>

namespace kensa::model::license_text {

namespace {

constexpr std::string_view k_resource_name = "spdx/license-texts.json.xz";
// The texts are about 5 MB; the cap only guards against a broken build.
constexpr std::size_t k_max_texts_size = 64 * 1024 * 1024;
// Licenses shorter than this many word pairs ("Beerware" in one sentence)
// would be "found" in any long file that happens to share their few pairs.
constexpr std::uint32_t k_min_required_pairs = 12;

std::string decompress_texts(std::string_view bytes) {
  auto texts = decompress(bytes, Compression::xz, k_max_texts_size);
  if (!texts) {
    throw std::logic_error("the bundled license texts: " + texts.error());
  }
  return std::move(*texts);
}

std::vector<std::uint64_t> sorted_pairs(const std::vector<Word>& words) {
  std::vector<std::uint64_t> pairs;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] != k_placeholder && words[i + 1] != k_placeholder) {
      pairs.push_back(bigram(words[i], words[i + 1]));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

} // namespace

std::string copyright_key(std::string_view statement) {
  std::string key;
  for (const char c : statement) {
    if (is_ascii_alnum(c)) {
      key.push_back(to_lower_ascii(c));
    } else if (!key.empty() && key.back() != ' ') {
      key.push_back(' ');
    }
  }
  while (!key.empty() && key.back() == ' ') {
    key.pop_back();
  }
  return key;
}

Corpus::Corpus(std::string_view json) {
  const auto document = nlohmann::json::parse(json);
  m_version = document.at("licenseListVersion").get<std::string>();
  const auto& licenses = document.at("licenses");
  if (licenses.size() >= std::numeric_limits<std::uint16_t>::max()) {
    throw std::runtime_error("too many license texts");
  }
  // (pair, license * 2 + optional) for every license, then grouped by pair.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> all;
  // Licenses with the same required pairs are one entry of the index.
  std::map<std::vector<std::uint64_t>, std::size_t> by_text;
  for (const auto& entry : licenses) {
    const auto id = entry.at("id").get<std::string>();
    const auto text = entry.at("text").get<std::string>();
    const auto optional =
        entry.contains("optional") ? entry.at("optional").get<std::string>() : std::string();
    auto normalised = normalise(text, true, std::numeric_limits<std::size_t>::max());
    for (const auto& line : normalised.copyrights) {
      m_license_copyrights.insert(copyright_key(line));
    }
    auto required = sorted_pairs(normalised.words);
    if (required.size() < k_min_required_pairs) {
      continue;
    }
    const auto known = by_text.find(required);
    if (known != by_text.end()) {
      m_licenses[known->second].same_text.push_back(id);
      continue;
    }
    const auto index = static_cast<std::uint16_t>(m_licenses.size());
    CorpusLicense license;
    license.id = id;
    license.required = static_cast<std::uint32_t>(required.size());
    m_licenses.push_back(std::move(license));
    for (const auto pair : required) {
      all.emplace_back(pair, static_cast<std::uint32_t>(index) * 2);
    }
    if (!optional.empty()) {
      // The appendix continues the text: its first pair joins the last word.
      auto tail = normalise(optional, true, std::numeric_limits<std::size_t>::max());
      for (const auto& line : tail.copyrights) {
        m_license_copyrights.insert(copyright_key(line));
      }
      if (!normalised.words.empty()) {
        tail.words.insert(tail.words.begin(), normalised.words.back());
      }
      for (const auto pair : sorted_pairs(tail.words)) {
        if (!std::binary_search(required.begin(), required.end(), pair)) {
          all.emplace_back(pair, static_cast<std::uint32_t>(index) * 2 + 1);
        }
      }
    }
    by_text.emplace(std::move(required), index);
  }
  std::sort(all.begin(), all.end());
  m_index.reserve(all.size() / 2);
  m_postings.reserve(all.size());
  std::size_t i = 0;
  while (i < all.size()) {
    const auto pair = all[i].first;
    const auto begin = static_cast<std::uint32_t>(m_postings.size());
    for (; i < all.size() && all[i].first == pair; ++i) {
      m_postings.push_back(
          Posting{static_cast<std::uint16_t>(all[i].second / 2), (all[i].second % 2) == 0});
    }
    m_index.emplace(pair, std::make_pair(begin, static_cast<std::uint32_t>(m_postings.size())));
  }
}

const Corpus& Corpus::bundled() {
  static const Corpus corpus = [] {
    const auto data = resources::find(k_resource_name);
    if (!data) {
      throw std::logic_error(
          "the SPDX license texts are not embedded (schemas/spdx/license-texts.json.xz)");
    }
    return Corpus(decompress_texts(*data));
  }();
  return corpus;
}

std::span<const Posting> Corpus::postings(std::uint64_t pair) const {
  const auto found = m_index.find(pair);
  if (found == m_index.end()) {
    return {};
  }
  return std::span<const Posting>(m_postings)
      .subspan(found->second.first, found->second.second - found->second.first);
}

bool Corpus::is_license_copyright(std::string_view statement) const {
  return m_license_copyrights.contains(copyright_key(statement));
}

} // namespace kensa::model::license_text
