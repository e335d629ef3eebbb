#include "license_text_corpus.hpp"

#include <kensa/util/strings.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>
#include <utility>

namespace kensa::model::license_text {

namespace {

// Licenses shorter than this many word pairs ("Beerware" in one sentence)
// would be "found" in any long file that happens to share their few pairs.
constexpr std::uint32_t k_min_required_pairs = 12;
// The first bytes of a serialised index; the number changes with its layout.
constexpr std::string_view k_index_magic = "kensa-license-index-1\n";

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

// Little-endian integers and length-prefixed strings: the index is read by
// the build that wrote it, but a fixed byte order costs nothing.
class IndexWriter {
 public:
  explicit IndexWriter(std::string& out) : m_out(out) {}

  template <typename Integer>
  void integer(Integer value) {
    for (std::size_t i = 0; i < sizeof(Integer); ++i) {
      m_out.push_back(static_cast<char>((static_cast<std::uint64_t>(value) >> (8 * i)) & 0xFF));
    }
  }
  void text(std::string_view value) {
    integer(static_cast<std::uint32_t>(value.size()));
    m_out.append(value);
  }

 private:
  std::string& m_out;
};

class IndexReader {
 public:
  explicit IndexReader(std::string_view bytes) : m_bytes(bytes) {}

  template <typename Integer>
  Integer integer() {
    const auto bytes = take(sizeof(Integer));
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < sizeof(Integer); ++i) {
      value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
    }
    return static_cast<Integer>(value);
  }
  std::string text() { return std::string(take(integer<std::uint32_t>())); }
  // A count of items at least `item_size` bytes each: never more than the
  // bytes left could hold, so a damaged count cannot make a huge allocation.
  std::size_t count(std::size_t item_size) {
    const auto value = integer<std::uint32_t>();
    if (value > (m_bytes.size() - m_at) / item_size) {
      throw std::runtime_error("license index: a count exceeds the data");
    }
    return value;
  }
  std::string_view take(std::size_t size) {
    if (size > m_bytes.size() - m_at) {
      throw std::runtime_error("license index: cut short");
    }
    const auto part = m_bytes.substr(m_at, size);
    m_at += size;
    return part;
  }
  bool at_end() const { return m_at == m_bytes.size(); }

 private:
  std::string_view m_bytes;
  std::size_t m_at = 0;
};

// Spreads a word pair over the slots (the pairs are FNV hashes already, but
// their low bits alone repeat too often: a splitmix64 finaliser).
std::uint64_t slot_hash(std::uint64_t pair) {
  pair ^= pair >> 30;
  pair *= 0xbf58476d1ce4e5b9ULL;
  pair ^= pair >> 27;
  pair *= 0x94d049bb133111ebULL;
  return pair ^ (pair >> 31);
}

} // namespace

void Corpus::build_lookup() {
  std::size_t size = 16;
  while (size < m_pairs.size() * 2) {
    size *= 2;
  }
  m_slots.assign(size, 0);
  const std::size_t mask = size - 1;
  for (std::size_t i = 0; i < m_pairs.size(); ++i) {
    std::size_t slot = slot_hash(m_pairs[i]) & mask;
    while (m_slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    m_slots[slot] = static_cast<std::uint32_t>(i + 1);
  }
}

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

Corpus Corpus::from_texts(std::string_view json) {
  Corpus corpus;
  const auto document = nlohmann::json::parse(json);
  corpus.m_version = document.at("licenseListVersion").get<std::string>();
  const auto& licenses = document.at("licenses");
  if (licenses.size() >= 0x8000) { // 15 bits in the serialised index
    throw std::runtime_error("too many license texts");
  }
  // (pair, license * 2 + optional) for every license, then grouped by pair.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> all;
  // Licenses with the same required pairs are one entry of the index.
  std::map<std::vector<std::uint64_t>, std::size_t> by_text;
  auto& copyrights = corpus.m_license_copyrights;
  for (const auto& entry : licenses) {
    const auto id = entry.at("id").get<std::string>();
    const auto text = entry.at("text").get<std::string>();
    const auto optional =
        entry.contains("optional") ? entry.at("optional").get<std::string>() : std::string();
    auto normalised = normalise(text, true, std::numeric_limits<std::size_t>::max());
    for (const auto& line : normalised.copyrights) {
      copyrights.push_back(copyright_key(line));
    }
    auto required = sorted_pairs(normalised.words);
    if (required.size() < k_min_required_pairs) {
      continue;
    }
    const auto known = by_text.find(required);
    if (known != by_text.end()) {
      corpus.m_licenses[known->second].same_text.push_back(id);
      continue;
    }
    const auto index = static_cast<std::uint16_t>(corpus.m_licenses.size());
    CorpusLicense license;
    license.id = id;
    license.required = static_cast<std::uint32_t>(required.size());
    corpus.m_licenses.push_back(std::move(license));
    for (const auto pair : required) {
      all.emplace_back(pair, static_cast<std::uint32_t>(index) * 2);
    }
    if (!optional.empty()) {
      // The appendix continues the text: its first pair joins the last word.
      auto tail = normalise(optional, true, std::numeric_limits<std::size_t>::max());
      for (const auto& line : tail.copyrights) {
        copyrights.push_back(copyright_key(line));
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
  std::sort(copyrights.begin(), copyrights.end());
  copyrights.erase(std::unique(copyrights.begin(), copyrights.end()), copyrights.end());

  std::sort(all.begin(), all.end());
  corpus.m_postings.reserve(all.size());
  std::size_t i = 0;
  while (i < all.size()) {
    const auto pair = all[i].first;
    corpus.m_pairs.push_back(pair);
    corpus.m_first_posting.push_back(static_cast<std::uint32_t>(corpus.m_postings.size()));
    for (; i < all.size() && all[i].first == pair; ++i) {
      corpus.m_postings.push_back(
          Posting{static_cast<std::uint16_t>(all[i].second / 2), (all[i].second % 2) == 0});
    }
  }
  corpus.m_first_posting.push_back(static_cast<std::uint32_t>(corpus.m_postings.size()));
  corpus.build_lookup();
  return corpus;
}

std::string Corpus::serialise() const {
  std::string out(k_index_magic);
  IndexWriter writer(out);
  writer.text(m_version);
  writer.integer(static_cast<std::uint32_t>(m_licenses.size()));
  for (const auto& license : m_licenses) {
    writer.text(license.id);
    writer.integer(license.required);
    writer.integer(static_cast<std::uint32_t>(license.same_text.size()));
    for (const auto& id : license.same_text) {
      writer.text(id);
    }
  }
  writer.integer(static_cast<std::uint32_t>(m_license_copyrights.size()));
  for (const auto& key : m_license_copyrights) {
    writer.text(key);
  }
  writer.integer(static_cast<std::uint32_t>(m_pairs.size()));
  for (std::size_t i = 0; i < m_pairs.size(); ++i) {
    writer.integer(m_pairs[i]);
    writer.integer(m_first_posting[i + 1] - m_first_posting[i]);
  }
  writer.integer(static_cast<std::uint32_t>(m_postings.size()));
  for (const auto& posting : m_postings) {
    // The license in the low 15 bits, "optional" in the top bit.
    writer.integer(static_cast<std::uint16_t>(posting.license | (posting.required ? 0 : 0x8000)));
  }
  return out;
}

Corpus Corpus::from_index(std::string_view bytes) {
  if (!bytes.starts_with(k_index_magic)) {
    throw std::runtime_error("license index: not a kensa license index of this version");
  }
  IndexReader reader(bytes.substr(k_index_magic.size()));
  Corpus corpus;
  corpus.m_version = reader.text();
  corpus.m_licenses.resize(reader.count(12));
  for (auto& license : corpus.m_licenses) {
    license.id = reader.text();
    license.required = reader.integer<std::uint32_t>();
    license.same_text.resize(reader.count(4));
    for (auto& id : license.same_text) {
      id = reader.text();
    }
  }
  corpus.m_license_copyrights.resize(reader.count(4));
  for (auto& key : corpus.m_license_copyrights) {
    key = reader.text();
  }
  const auto pair_count = reader.count(12);
  corpus.m_pairs.reserve(pair_count);
  corpus.m_first_posting.reserve(pair_count + 1);
  std::uint64_t postings = 0;
  for (std::size_t i = 0; i < pair_count; ++i) {
    const auto pair = reader.integer<std::uint64_t>();
    if (!corpus.m_pairs.empty() && pair <= corpus.m_pairs.back()) {
      throw std::runtime_error("license index: word pairs out of order");
    }
    corpus.m_pairs.push_back(pair);
    corpus.m_first_posting.push_back(static_cast<std::uint32_t>(postings));
    postings += reader.integer<std::uint32_t>();
  }
  const auto posting_count = reader.count(2);
  if (posting_count != postings) {
    throw std::runtime_error("license index: posting count does not add up");
  }
  corpus.m_first_posting.push_back(static_cast<std::uint32_t>(postings));
  corpus.m_postings.reserve(posting_count);
  for (std::size_t i = 0; i < posting_count; ++i) {
    const auto value = reader.integer<std::uint16_t>();
    const auto license = static_cast<std::uint16_t>(value & 0x7FFF);
    if (license >= corpus.m_licenses.size()) {
      throw std::runtime_error("license index: a posting names no license");
    }
    corpus.m_postings.push_back(Posting{license, (value & 0x8000) == 0});
  }
  if (!reader.at_end()) {
    throw std::runtime_error("license index: data after the end");
  }
  corpus.build_lookup();
  return corpus;
}

std::span<const Posting> Corpus::postings(std::uint64_t pair) const {
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t slot = slot_hash(pair) & mask; m_slots[slot] != 0; slot = (slot + 1) & mask) {
    const std::size_t at = m_slots[slot] - 1;
    if (m_pairs[at] == pair) {
      return std::span<const Posting>(m_postings)
          .subspan(m_first_posting[at], m_first_posting[at + 1] - m_first_posting[at]);
    }
  }
  return {};
}

bool Corpus::is_license_copyright(std::string_view statement) const {
  return std::binary_search(m_license_copyrights.begin(), m_license_copyrights.end(),
                            copyright_key(statement));
}

} // namespace kensa::model::license_text
