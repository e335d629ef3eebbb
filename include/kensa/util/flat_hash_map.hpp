#pragma once

#include <kensa/util/keyed_hash.hpp>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

// A hash table in two flat arrays, for the big lookup tables of the readers
// (bom-ref or SPDXID to component id) and of diff (each component's id to
// its name, each edge by the names of its ends): slots of 8 bytes (32 bits
// of the key's hash and the entry's number), probed in order (linear
// probing), and the entries in a second array, in the order they were
// added, read only when a slot's hash bits match. A lookup in a table of
// 100,000 keys takes a cache miss or two, where std::unordered_map follows
// a bucket, a node and the key, each somewhere else in memory.
//
// Insertion only (no erase); for_each() walks the entries in the order
// they were added. A pointer to a value stays valid until an insertion
// grows the table past what reserve() made room for. Key and Value must be
// movable.
//
// Keys come from documents, so they may have been chosen to collide: an
// insertion that probes more than k_longest_probe slots (keys that do not
// collide, in a table at most half full, need a few dozen at the very
// most, even by the millions) lays the table out again under a keyed
// hash (util/keyed_hash.hpp) with a secret drawn for this table, which no
// document can aim at. The order of the entries, and so the output, stays
// the same. Hash gives hash(key) and hash(key, HashKey); FlatHash does for
// keys that are text or integers.
namespace kensa::util {

template <typename Key>
struct FlatHash {
  std::size_t operator()(const Key& key) const { return std::hash<Key>()(key); }
  std::size_t operator()(const Key& key, const HashKey& secret) const {
    if constexpr (std::is_convertible_v<const Key&, std::string_view>) {
      return static_cast<std::size_t>(siphash(std::string_view(key), secret));
    } else {
      static_assert(std::is_integral_v<Key>, "FlatHash keys are text or integers");
      return static_cast<std::size_t>(
          siphash(std::string_view(reinterpret_cast<const char*>(&key), sizeof key), secret));
    }
  }
};

template <typename Key, typename Value, typename Hash = FlatHash<Key>,
          typename Equal = std::equal_to<Key>>
class FlatHashMap {
 public:
  FlatHashMap() = default;

  std::size_t size() const { return m_entries.size(); }
  bool empty() const { return m_entries.empty(); }

  // Room for `count` entries without growing.
  void reserve(std::size_t count) {
    if (count > k_max_entries) {
      throw std::length_error("FlatHashMap: too many entries");
    }
    m_entries.reserve(count);
    std::size_t capacity = k_min_slots;
    while (capacity / 2 < count) {
      capacity *= 2;
    }
    if (capacity > m_slots.size()) {
      rehash(capacity);
    }
  }

  Value* find(const Key& key) {
    const std::size_t entry = find_entry(key);
    return entry == k_none ? nullptr : &m_entries[entry].second;
  }
  const Value* find(const Key& key) const {
    const std::size_t entry = find_entry(key);
    return entry == k_none ? nullptr : &m_entries[entry].second;
  }
  bool contains(const Key& key) const { return find_entry(key) != k_none; }
  // The value of `key`, which must be there (std::out_of_range otherwise),
  // as std::map::at gives it.
  const Value& at(const Key& key) const {
    const Value* value = find(key);
    if (value == nullptr) {
      throw std::out_of_range("FlatHashMap: no such key");
    }
    return *value;
  }

  // Adds `key` with `value` unless the key is there already; the entry's
  // value, and whether it was added.
  std::pair<Value*, bool> try_emplace(const Key& key, Value value = Value()) {
    if ((m_entries.size() + 1) * 2 > m_slots.size()) {
      if (m_entries.size() >= k_max_entries) {
        throw std::length_error("FlatHashMap: too many entries");
      }
      rehash(m_slots.empty() ? k_min_slots : m_slots.size() * 2);
    }
    const std::size_t hash = hash_of(key);
    const std::uint32_t bits = hash_bits(hash);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t probes = 0;
    for (std::size_t slot = home(hash);; slot = (slot + 1) & mask) {
      if (++probes > k_longest_probe && !m_keyed) {
        m_keyed = true;
        m_secret = random_hash_key();
        rehash(m_slots.size());
        return try_emplace(key, std::move(value));
      }
      Slot& here = m_slots[slot];
      if (here.entry == k_empty) {
        m_entries.emplace_back(key, std::move(value));
        here = {bits, static_cast<std::uint32_t>(m_entries.size())};
        return {&m_entries.back().second, true};
      }
      if (here.hash_bits == bits && Equal()(m_entries[here.entry - 1].first, key)) {
        return {&m_entries[here.entry - 1].second, false};
      }
    }
  }

  // Whether the table hashes with a secret key (its keys collided).
  bool keyed() const { return m_keyed; }

  // Calls visit(key, value) for every entry, in the order they were added.
  template <typename Visit>
  void for_each(Visit&& visit) const {
    for (const auto& [key, value] : m_entries) {
      visit(key, value);
    }
  }

 private:
  // A slot: 32 bits of its key's hash, and its entry's number plus one (0
  // for an empty slot).
  struct Slot {
    std::uint32_t hash_bits = 0;
    std::uint32_t entry = 0;
  };
  static constexpr std::uint32_t k_empty = 0;
  static constexpr std::size_t k_none = static_cast<std::size_t>(-1);
  static constexpr std::size_t k_min_slots = 16;
  // Entry numbers, plus one, fit in 32 bits, and so does twice as many
  // slots' worth of probing.
  static constexpr std::size_t k_max_entries = std::numeric_limits<std::uint32_t>::max() / 4;
  // Probes of one insertion past which the keys are taken to be chosen to
  // collide.
  static constexpr std::size_t k_longest_probe = 128;

  std::size_t hash_of(const Key& key) const {
    return m_keyed ? Hash()(key, m_secret) : Hash()(key);
  }

  // The hash spread by a multiplication by 2^64 divided by the golden
  // ratio: its top bits choose the first slot to look in (hashes whose
  // low bits alone would collide do not), its low 32 bits are kept in the
  // slot.
  static std::uint64_t spread(std::size_t hash) {
    return static_cast<std::uint64_t>(hash) * 0x9E3779B97F4A7C15ULL;
  }
  static std::uint32_t hash_bits(std::size_t hash) {
    return static_cast<std::uint32_t>(spread(hash));
  }
  std::size_t home(std::size_t hash) const {
    const int bits = std::countr_zero(m_slots.size());
    return static_cast<std::size_t>(spread(hash) >> (64 - bits));
  }

  std::size_t find_entry(const Key& key) const {
    if (m_entries.empty()) {
      return k_none;
    }
    const std::size_t hash = hash_of(key);
    const std::uint32_t bits = hash_bits(hash);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = home(hash);; slot = (slot + 1) & mask) {
      const Slot& here = m_slots[slot];
      if (here.entry == k_empty) {
        return k_none;
      }
      if (here.hash_bits == bits && Equal()(m_entries[here.entry - 1].first, key)) {
        return here.entry - 1;
      }
    }
  }

  // `capacity` is a power of two, at least twice the entries: a probe
  // always ends at an empty slot. The entries stay where they are; only
  // the slots are laid out again.
  void rehash(std::size_t capacity) {
    m_slots.assign(capacity, Slot{});
    const std::size_t mask = capacity - 1;
    for (std::size_t entry = 0; entry < m_entries.size(); ++entry) {
      const std::size_t hash = hash_of(m_entries[entry].first);
      std::size_t slot = home(hash);
      while (m_slots[slot].entry != k_empty) {
        slot = (slot + 1) & mask;
      }
      m_slots[slot] = {hash_bits(hash), static_cast<std::uint32_t>(entry + 1)};
    }
  }

  std::vector<Slot> m_slots;
  std::vector<std::pair<Key, Value>> m_entries;
  bool m_keyed = false;
  HashKey m_secret;
};

} // namespace kensa::util
