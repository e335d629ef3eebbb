#include <kensa/util/flat_hash_map.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace kensa;

namespace {

std::size_t keyed_int_hash(int key, const util::HashKey& secret) {
  return static_cast<std::size_t>(
      util::siphash(std::string_view(reinterpret_cast<const char*>(&key), sizeof key), secret));
}

// Every key hashes alike: each lookup probes past all the others.
struct SameHash {
  std::size_t operator()(int) const { return 7; }
  std::size_t operator()(int key, const util::HashKey& secret) const {
    return keyed_int_hash(key, secret);
  }
};

// A hash that is 0 for one key, the value that marks an empty slot inside
// the table.
struct ZeroForOne {
  std::size_t operator()(int key) const { return key == 1 ? 0 : std::hash<int>()(key); }
  std::size_t operator()(int key, const util::HashKey& secret) const {
    return keyed_int_hash(key, secret);
  }
};

// What a document crafted against std::hash amounts to: every name has
// the same public hash. Only the keyed hash tells them apart.
struct CraftedNames {
  std::size_t operator()(const std::string&) const { return 42; }
  std::size_t operator()(const std::string& key, const util::HashKey& secret) const {
    return static_cast<std::size_t>(util::siphash(key, secret));
  }
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

TEST_CASE("a flat hash map whose keys collide switches to a secret hash", "[util][flat-hash-map]") {
  util::FlatHashMap<std::string, std::size_t, CraftedNames> crafted;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < 20'000; ++i) {
    names.push_back("SPDXRef-Package-" + std::to_string(i));
    REQUIRE(crafted.try_emplace(names.back(), i).second);
  }
  // Without the switch, these insertions probe 200 million slots.
  CHECK(crafted.keyed());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::size_t* found = crafted.find(names[i]);
    REQUIRE(found != nullptr);
    CHECK(*found == i);
  }
  CHECK(crafted.find("SPDXRef-Package-20000") == nullptr);
  CHECK(crafted.at("SPDXRef-Package-19999") == 19'999);
  CHECK_THROWS_AS(crafted.at("SPDXRef-Package-20000"), std::out_of_range);
  CHECK_FALSE(crafted.try_emplace(names.front(), 7).second);
  // The entries keep the order they were added in.
  std::size_t expected = 0;
  bool in_order = true;
  crafted.for_each([&](const std::string& name, std::size_t value) {
    in_order = in_order && name == names[expected] && value == expected;
    ++expected;
  });
  CHECK(in_order);
  CHECK(expected == names.size());
}

TEST_CASE("a flat hash map of ordinary names keeps the fast hash", "[util][flat-hash-map]") {
  util::FlatHashMap<std::string, std::size_t> ids;
  for (std::size_t i = 0; i < 300'000; ++i) {
    ids.try_emplace(
        "pkg:npm/%40scope/package-" + std::to_string(i) + "@1." + std::to_string(i % 97) + ".0", i);
  }
  CHECK(ids.size() == 300'000);
  CHECK_FALSE(ids.keyed());
}

TEST_CASE("SipHash-2-4 gives the reference implementation's vectors", "[util][flat-hash-map]") {
  // Key 00 01 .. 0f, messages 00 01 .. (n-1), as in the reference vectors
  // (and as `openssl mac -macopt hexkey:000102030405060708090a0b0c0d0e0f
  // -macopt size:8 SIPHASH` gives them, bytes in order).
  const util::HashKey key{0x0706050403020100ULL, 0x0F0E0D0C0B0A0908ULL};
  std::string message;
  for (int i = 0; i < 64; ++i) {
    message.push_back(static_cast<char>(i));
  }
  const auto of_length = [&](std::size_t length) {
    return util::siphash(std::string_view(message).substr(0, length), key);
  };
  CHECK(of_length(0) == 0x726FDB47DD0E0E31ULL);
  CHECK(of_length(1) == 0x74F839C593DC67FDULL);
  CHECK(of_length(2) == 0x0D6C8009D9A94F5AULL);
  CHECK(of_length(3) == 0x85676696D7FB7E2DULL);
  CHECK(of_length(7) == 0xAB0200F58B01D137ULL);
  CHECK(of_length(8) == 0x93F5F5799A932462ULL);
  CHECK(of_length(15) == 0xA129CA6149BE45E5ULL);
  CHECK(of_length(16) == 0x3F2ACC7F57C29BDBULL);
  CHECK(of_length(63) == 0x958A324CEB064572ULL);
  // Another key gives another hash.
  CHECK(util::siphash("bom-ref", key) != util::siphash("bom-ref", util::HashKey{1, 2}));
}
