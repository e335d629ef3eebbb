#include "license_text_corpus.hpp"

#include <kensa/util/strings.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
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
constexpr std::string_view k_index_magic = "kensa-license-index-2\n";
// Licenses are 15 bits of a posting.
constexpr std::size_t k_max_licenses = 0x7FFF;

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

// Spreads a word pair over the slots (the pairs are FNV hashes already, but
// their low bits alone repeat too often: a splitmix64 finaliser).
std::uint64_t slot_hash(std::uint64_t pair) {
  pair ^= pair >> 30;
  pair *= 0xbf58476d1ce4e5b9ULL;
  pair ^= pair >> 27;
  pair *= 0x94d049bb133111ebULL;
  return pair ^ (pair >> 31);
}

// What from_texts gathers, before it is written out.
struct Tables {
  std::string version;
  std::vector<CorpusLicense> licenses;
  std::vector<std::string> copyrights;
  std::vector<std::uint64_t> pairs;
  std::vector<std::uint32_t> first_posting;
  std::vector<Posting> postings;
  std::vector<std::uint32_t> slots;
  std::vector<std::uint32_t> first_license_pair;
  std::vector<std::uint64_t> license_pairs;
};

std::vector<std::uint32_t> slot_table(const std::vector<std::uint64_t>& pairs) {
  std::size_t size = 16;
  while (size < pairs.size() * 2) {
    size *= 2;
  }
  std::vector<std::uint32_t> slots(size, 0);
  const std::size_t mask = size - 1;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    std::size_t slot = slot_hash(pairs[i]) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = static_cast<std::uint32_t>(i + 1);
  }
  return slots;
}

// The index's layout: a magic line; the version, licenses and copyright
// keys as little-endian integers and length-prefixed strings; then, from
// an offset that is a multiple of 8, the counts and the tables as they lie
// in memory, each starting at a multiple of 8.
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
  void align() {
    while (m_out.size() % 8 != 0) {
      m_out.push_back('\0');
    }
  }
  template <typename Item>
  void table(const std::vector<Item>& items) {
    align();
    const auto at = m_out.size();
    m_out.resize(at + items.size() * sizeof(Item));
    if (!items.empty()) {
      std::memcpy(m_out.data() + at, items.data(), items.size() * sizeof(Item));
    }
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
    const auto value = integer<std::uint64_t>();
    if (value > (m_bytes.size() - m_at) / item_size) {
      throw std::runtime_error("license index: a count exceeds the data");
    }
    return static_cast<std::size_t>(value);
  }
  void align() {
    const auto padding = (8 - m_at % 8) % 8;
    take(padding);
  }
  // `size` items laid out in memory at the next multiple of 8 (the bytes
  // start at one).
  template <typename Item>
  std::span<const Item> table(std::size_t size) {
    align();
    if (size > (m_bytes.size() - m_at) / sizeof(Item)) {
      throw std::runtime_error("license index: cut short");
    }
    const auto bytes = take(size * sizeof(Item));
    // The bytes are the representation of Items written by IndexWriter;
    // through void* since they are no objects of another type.
    return {static_cast<const Item*>(static_cast<const void*>(bytes.data())), size};
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

std::string serialise_tables(const Tables& tables) {
  std::string out(k_index_magic);
  IndexWriter writer(out);
  writer.text(tables.version);
  writer.integer(static_cast<std::uint32_t>(tables.licenses.size()));
  for (const auto& license : tables.licenses) {
    writer.text(license.id);
    writer.integer(license.required);
    writer.integer(static_cast<std::uint32_t>(license.same_text.size()));
    for (const auto& id : license.same_text) {
      writer.text(id);
    }
  }
  writer.integer(static_cast<std::uint32_t>(tables.copyrights.size()));
  for (const auto& key : tables.copyrights) {
    writer.text(key);
  }
  writer.align();
  writer.integer(static_cast<std::uint64_t>(tables.pairs.size()));
  writer.integer(static_cast<std::uint64_t>(tables.postings.size()));
  writer.integer(static_cast<std::uint64_t>(tables.slots.size()));
  writer.integer(static_cast<std::uint64_t>(tables.license_pairs.size()));
  writer.table(tables.pairs);
  writer.table(tables.first_posting);
  writer.table(tables.postings);
  writer.table(tables.slots);
  writer.table(tables.first_license_pair);
  writer.table(tables.license_pairs);
  return out;
}

void require(bool condition, const char* what) {
  if (!condition) {
    throw std::runtime_error(std::string("license index: ") + what);
  }
}

// Offsets that start at 0, never decrease and end at `total`.
void check_offsets(std::span<const std::uint32_t> offsets, std::size_t total) {
  require(!offsets.empty() && offsets.front() == 0 && offsets.back() == total,
          "offsets do not add up");
  require(std::is_sorted(offsets.begin(), offsets.end()), "offsets out of order");
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

Corpus Corpus::from_texts(std::string_view json) {
  Tables tables;
  const auto document = nlohmann::json::parse(json);
  tables.version = document.at("licenseListVersion").get<std::string>();
  const auto& licenses = document.at("licenses");
  if (licenses.size() >= k_max_licenses) {
    throw std::runtime_error("too many license texts");
  }
  // (pair, license * 2 + optional) for every license, then grouped by pair.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> all;
  // Licenses with the same required pairs are one entry of the index.
  std::map<std::vector<std::uint64_t>, std::size_t> by_text;
  std::vector<std::vector<std::uint64_t>> pairs_of_license;
  for (const auto& entry : licenses) {
    const auto id = entry.at("id").get<std::string>();
    const auto text = entry.at("text").get<std::string>();
    const auto optional =
        entry.contains("optional") ? entry.at("optional").get<std::string>() : std::string();
    auto normalised = normalise(text, true, std::numeric_limits<std::size_t>::max());
    for (const auto& line : normalised.copyrights) {
      tables.copyrights.push_back(copyright_key(line));
    }
    auto required = sorted_pairs(normalised.words);
    if (required.size() < k_min_required_pairs) {
      continue;
    }
    const auto known = by_text.find(required);
    if (known != by_text.end()) {
      tables.licenses[known->second].same_text.push_back(id);
      continue;
    }
    const auto index = static_cast<std::uint16_t>(tables.licenses.size());
    CorpusLicense license;
    license.id = id;
    license.required = static_cast<std::uint32_t>(required.size());
    tables.licenses.push_back(std::move(license));
    std::vector<std::uint64_t> own = required;
    for (const auto pair : required) {
      all.emplace_back(pair, static_cast<std::uint32_t>(index) * 2);
    }
    if (!optional.empty()) {
      // The appendix continues the text: its first pair joins the last word.
      auto tail = normalise(optional, true, std::numeric_limits<std::size_t>::max());
      for (const auto& line : tail.copyrights) {
        tables.copyrights.push_back(copyright_key(line));
      }
      if (!normalised.words.empty()) {
        tail.words.insert(tail.words.begin(), normalised.words.back());
      }
      for (const auto pair : sorted_pairs(tail.words)) {
        if (!std::binary_search(required.begin(), required.end(), pair)) {
          all.emplace_back(pair, static_cast<std::uint32_t>(index) * 2 + 1);
          own.push_back(pair);
        }
      }
    }
    std::sort(own.begin(), own.end());
    pairs_of_license.push_back(std::move(own));
    by_text.emplace(std::move(required), index);
  }
  auto& copyrights = tables.copyrights;
  std::sort(copyrights.begin(), copyrights.end());
  copyrights.erase(std::unique(copyrights.begin(), copyrights.end()), copyrights.end());

  std::sort(all.begin(), all.end());
  tables.postings.reserve(all.size());
  std::size_t i = 0;
  while (i < all.size()) {
    const auto pair = all[i].first;
    tables.pairs.push_back(pair);
    tables.first_posting.push_back(static_cast<std::uint32_t>(tables.postings.size()));
    for (; i < all.size() && all[i].first == pair; ++i) {
      tables.postings.push_back(
          static_cast<Posting>(all[i].second / 2 | ((all[i].second % 2) != 0 ? 0x8000 : 0)));
    }
  }
  tables.first_posting.push_back(static_cast<std::uint32_t>(tables.postings.size()));
  tables.slots = slot_table(tables.pairs);
  tables.first_license_pair.push_back(0);
  for (const auto& own : pairs_of_license) {
    tables.license_pairs.insert(tables.license_pairs.end(), own.begin(), own.end());
    tables.first_license_pair.push_back(static_cast<std::uint32_t>(tables.license_pairs.size()));
  }
  return read(serialise_tables(tables), true);
}

Corpus Corpus::from_index(std::string_view bytes) {
  return read(bytes, false);
}

Corpus Corpus::read(std::string_view bytes, bool copy) {
  if (!bytes.starts_with(k_index_magic)) {
    throw std::runtime_error("license index: not a kensa license index of this version");
  }
  Corpus corpus;
  if (copy || reinterpret_cast<std::uintptr_t>(bytes.data()) % 8 != 0) {
    corpus.m_owned.resize((bytes.size() + 7) / 8);
    std::memcpy(corpus.m_owned.data(), bytes.data(), bytes.size());
    bytes = std::string_view(
        static_cast<const char*>(static_cast<const void*>(corpus.m_owned.data())), bytes.size());
  }
  corpus.m_bytes = bytes;
  IndexReader reader(bytes);
  reader.take(k_index_magic.size());
  corpus.m_version = reader.text();
  corpus.m_licenses.resize(reader.integer<std::uint32_t>());
  require(corpus.m_licenses.size() < k_max_licenses &&
              corpus.m_licenses.size() <= bytes.size() / 12,
          "a count exceeds the data");
  for (auto& license : corpus.m_licenses) {
    license.id = reader.text();
    license.required = reader.integer<std::uint32_t>();
    const auto same = reader.integer<std::uint32_t>();
    require(same <= bytes.size() / 4, "a count exceeds the data");
    license.same_text.resize(same);
    for (auto& id : license.same_text) {
      id = reader.text();
    }
  }
  const auto copyrights = reader.integer<std::uint32_t>();
  require(copyrights <= bytes.size() / 4, "a count exceeds the data");
  corpus.m_license_copyrights.resize(copyrights);
  for (auto& key : corpus.m_license_copyrights) {
    key = reader.text();
  }
  reader.align();
  const auto pair_count = reader.count(8);
  const auto posting_count = reader.count(2);
  const auto slot_count = reader.count(4);
  const auto license_pair_count = reader.count(8);
  corpus.m_pairs = reader.table<std::uint64_t>(pair_count);
  corpus.m_first_posting = reader.table<std::uint32_t>(pair_count + 1);
  corpus.m_postings = reader.table<Posting>(posting_count);
  corpus.m_slots = reader.table<std::uint32_t>(slot_count);
  corpus.m_first_license_pair = reader.table<std::uint32_t>(corpus.m_licenses.size() + 1);
  corpus.m_license_pairs = reader.table<std::uint64_t>(license_pair_count);
  require(reader.at_end(), "data after the end");

  // Checked whole (about a millisecond), so that no lookup can leave a
  // table or loop for ever.
  require(std::adjacent_find(corpus.m_pairs.begin(), corpus.m_pairs.end(),
                             std::greater_equal<>()) == corpus.m_pairs.end(),
          "word pairs out of order");
  check_offsets(corpus.m_first_posting, posting_count);
  require(std::all_of(
              corpus.m_postings.begin(), corpus.m_postings.end(),
              [&](Posting posting) { return posting_license(posting) < corpus.m_licenses.size(); }),
          "a posting names no license");
  require(slot_count >= 2 * pair_count && slot_count >= 16 && (slot_count & (slot_count - 1)) == 0,
          "the slot table has the wrong size");
  require(std::all_of(corpus.m_slots.begin(), corpus.m_slots.end(),
                      [&](std::uint32_t slot) { return slot <= pair_count; }),
          "a slot names no word pair");
  require(static_cast<std::size_t>(std::count(corpus.m_slots.begin(), corpus.m_slots.end(), 0U)) >=
              slot_count - pair_count,
          "the slot table is too full");
  check_offsets(corpus.m_first_license_pair, license_pair_count);
  return corpus;
}

std::span<const Posting> Corpus::postings(std::uint64_t pair) const {
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t slot = slot_hash(pair) & mask; m_slots[slot] != 0; slot = (slot + 1) & mask) {
    const std::size_t at = m_slots[slot] - 1;
    if (m_pairs[at] == pair) {
      return m_postings.subspan(m_first_posting[at], m_first_posting[at + 1] - m_first_posting[at]);
    }
  }
  return {};
}

std::span<const std::uint64_t> Corpus::pairs_of(std::uint16_t license) const {
  return m_license_pairs.subspan(m_first_license_pair[license],
                                 m_first_license_pair[license + 1] - m_first_license_pair[license]);
}

bool Corpus::is_license_copyright(std::string_view statement) const {
  return std::binary_search(m_license_copyrights.begin(), m_license_copyrights.end(),
                            copyright_key(statement));
}

} // namespace kensa::model::license_text
