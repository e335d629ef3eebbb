#include <kensa/util/flat_hash_map.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace kensa;

namespace {

// Every key hashes alike: each lookup probes past all the others.
struct SameHash {
  std::size_t operator()(int) const { return 7; }
};

// A hash that is 0 for one key, the value that marks an empty slot inside
// the table.
struct ZeroForOne {
  std::size_t operator()(int key) const { return key == 1 ? 0 : std::hash<int>()(key); }
};

} // namespace

TEST_CASE("a flat hash map finds what was added and nothing else", "[util][flat-hash-map]") {
  util::FlatHashMap<std::string_view, std::string> table;
  CHECK(table.empty());
  CHECK(table.find("absent") == nullptr);
  const auto [value, added] = table.try_emplace("pkg:npm/a@1", "a");
  REQUIRE(added);
  CHECK(*value == "a");
  // A key given again keeps its first value.
  const auto [again, added_again] = table.try_emplace("pkg:npm/a@1", "other");
  CHECK_FALSE(added_again);
  CHECK(*again == "a");
  CHECK(table.size() == 1);
  REQUIRE(table.find("pkg:npm/a@1") != nullptr);
  CHECK(*table.find("pkg:npm/a@1") == "a");
  CHECK_FALSE(table.contains("pkg:npm/a@2"));
  CHECK_FALSE(table.contains(""));
  *table.find("pkg:npm/a@1") = "changed";
  CHECK(*table.find("pkg:npm/a@1") == "changed");
  // Entries are walked in the order they were added.
  table.try_emplace("z", "last but one");
  table.try_emplace("b", "last");
  std::vector<std::string_view> keys;
  table.for_each([&](std::string_view key, const std::string&) { keys.push_back(key); });
  CHECK(keys == std::vector<std::string_view>{"pkg:npm/a@1", "z", "b"});
}

TEST_CASE("a flat hash map agrees with std::map through growth", "[util][flat-hash-map]") {
  std::mt19937 random(42);
  std::vector<std::string> keys;
  for (int k = 0; k < 20'000; ++k) {
    keys.push_back("SPDXRef-Package-" + std::to_string(random() % 15'000));
  }
  util::FlatHashMap<std::string_view, int> table;
  std::map<std::string_view, int> reference;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const auto [value, added] = table.try_emplace(keys[k], static_cast<int>(k));
    const auto [where, reference_added] = reference.try_emplace(keys[k], static_cast<int>(k));
    REQUIRE(added == reference_added);
    REQUIRE(*value == where->second);
  }
  CHECK(table.size() == reference.size());
  for (const auto& [key, value] : reference) {
    const int* found = table.find(key);
    REQUIRE(found != nullptr);
    CHECK(*found == value);
  }
  CHECK_FALSE(table.contains("SPDXRef-Package-15000"));
  // for_each visits each entry once.
  std::map<std::string_view, int> visited;
  table.for_each(
      [&](std::string_view key, int value) { CHECK(visited.emplace(key, value).second); });
  CHECK(visited == reference);
}

TEST_CASE("a flat hash map with colliding hashes still tells keys apart", "[util][flat-hash-map]") {
  util::FlatHashMap<int, int, SameHash> table;
  for (int k = 0; k < 100; ++k) {
    REQUIRE(table.try_emplace(k, k * 10).second);
  }
  for (int k = 0; k < 100; ++k) {
    REQUIRE(table.find(k) != nullptr);
    CHECK(*table.find(k) == k * 10);
  }
  CHECK(table.find(100) == nullptr);

  util::FlatHashMap<int, int, ZeroForOne> zero;
  zero.try_emplace(1, 11);
  zero.try_emplace(2, 22);
  REQUIRE(zero.find(1) != nullptr);
  CHECK(*zero.find(1) == 11);
  CHECK(*zero.find(2) == 22);
  CHECK(zero.size() == 2);
}

TEST_CASE("a reserved flat hash map keeps its entries in place", "[util][flat-hash-map]") {
  util::FlatHashMap<int, std::string> table;
  table.reserve(1000);
  const std::string* first = table.try_emplace(0, "zero").first;
  for (int k = 1; k < 1000; ++k) {
    table.try_emplace(k, std::to_string(k));
  }
  // No growth within the reservation: the first entry has not moved.
  CHECK(table.find(0) == first);
  CHECK(*first == "zero");
  // Moving the table moves its entries' storage with it.
  util::FlatHashMap<int, std::string> moved = std::move(table);
  CHECK(moved.find(0) == first);
  CHECK(moved.size() == 1000);
}
