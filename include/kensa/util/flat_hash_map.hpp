#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

// A hash table in two flat arrays, for the big lookup tables of diff (each
// component's id to its name, each edge by the names of its ends): the
// hashes of all slots in one array, probed in order (linear probing), and
// the entries in a second one, read only when a hash matches. A lookup in
// a table of 100,000 keys takes a miss or two in the cache, where
// std::unordered_map follows a bucket, a node and the key, each somewhere
// else in memory.
//
// Insertion only (no erase); iteration is in slot order, which is no order
// at all: callers that need one sort what they gather. Key and Value must
// be default-constructible and movable.
namespace kensa::util {

template <typename Key, typename Value, typename Hash = std::hash<Key>,
          typename Equal = std::equal_to<Key>>
class FlatHashMap {
 public:
  FlatHashMap() = default;

  std::size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }

  // Room for `count` entries without growing.
  void reserve(std::size_t count) {
    std::size_t capacity = k_min_capacity;
    while (capacity / 2 < count) {
      capacity *= 2;
    }
    if (capacity > m_hashes.size()) {
      rehash(capacity);
    }
  }

  Value* find(const Key& key) {
    const std::size_t slot = find_slot(key, stored_hash(key));
    return slot == k_none ? nullptr : &m_entries[slot].second;
  }
  const Value* find(const Key& key) const {
    const std::size_t slot = find_slot(key, stored_hash(key));
    return slot == k_none ? nullptr : &m_entries[slot].second;
  }
  bool contains(const Key& key) const { return find(key) != nullptr; }

  // Adds `key` with `value` unless the key is there already; the entry's
  // value, and whether it was added.
  std::pair<Value*, bool> try_emplace(const Key& key, Value value = Value()) {
    if ((m_size + 1) * 2 > m_hashes.size()) {
      rehash(m_hashes.empty() ? k_min_capacity : m_hashes.size() * 2);
    }
    const std::uint64_t hash = stored_hash(key);
    const std::size_t mask = m_hashes.size() - 1;
    for (std::size_t slot = home(hash);; slot = (slot + 1) & mask) {
      if (m_hashes[slot] == k_empty) {
        m_hashes[slot] = hash;
        m_entries[slot].first = key;
        m_entries[slot].second = std::move(value);
        ++m_size;
        return {&m_entries[slot].second, true};
      }
      if (m_hashes[slot] == hash && Equal()(m_entries[slot].first, key)) {
        return {&m_entries[slot].second, false};
      }
    }
  }

  // Calls visit(key, value) for every entry, in slot order.
  template <typename Visit>
  void for_each(Visit&& visit) const {
    for (std::size_t slot = 0; slot < m_hashes.size(); ++slot) {
      if (m_hashes[slot] != k_empty) {
        visit(m_entries[slot].first, m_entries[slot].second);
      }
    }
  }

 private:
  static constexpr std::uint64_t k_empty = 0;
  static constexpr std::size_t k_none = static_cast<std::size_t>(-1);
  static constexpr std::size_t k_min_capacity = 16;

  // Never k_empty.
  static std::uint64_t stored_hash(const Key& key) {
    const auto hash = static_cast<std::uint64_t>(Hash()(key));
    return hash == k_empty ? 1 : hash;
  }

  // The first slot to look in: the hash's top bits after a multiplication
  // by 2^64 divided by the golden ratio, which spreads hashes whose low
  // bits alone would collide.
  std::size_t home(std::uint64_t hash) const {
    const int bits = std::countr_zero(m_hashes.size());
    return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
  }

  std::size_t find_slot(const Key& key, std::uint64_t hash) const {
    if (m_size == 0) {
      return k_none;
    }
    const std::size_t mask = m_hashes.size() - 1;
    for (std::size_t slot = home(hash);; slot = (slot + 1) & mask) {
      if (m_hashes[slot] == k_empty) {
        return k_none;
      }
      if (m_hashes[slot] == hash && Equal()(m_entries[slot].first, key)) {
        return slot;
      }
    }
  }

  // `capacity` is a power of two, at least twice the entries: a probe
  // always ends at an empty slot.
  void rehash(std::size_t capacity) {
    std::vector<std::uint64_t> hashes(capacity, k_empty);
    std::vector<std::pair<Key, Value>> entries(capacity);
    std::swap(hashes, m_hashes);
    std::swap(entries, m_entries);
    const std::size_t mask = capacity - 1;
    for (std::size_t old = 0; old < hashes.size(); ++old) {
      if (hashes[old] == k_empty) {
        continue;
      }
      std::size_t slot = home(hashes[old]);
      while (m_hashes[slot] != k_empty) {
        slot = (slot + 1) & mask;
      }
      m_hashes[slot] = hashes[old];
      m_entries[slot] = std::move(entries[old]);
    }
  }

  std::vector<std::uint64_t> m_hashes;
  std::vector<std::pair<Key, Value>> m_entries;
  std::size_t m_size = 0;
};

} // namespace kensa::util
