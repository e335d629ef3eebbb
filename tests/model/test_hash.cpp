#include <kensa/model/hash.hpp>

#include <catch2/catch.hpp>

using namespace kensa::model;

TEST_CASE("hash: known digests of 'abc'", "[model][hash]") {
  CHECK(compute_hash(HashAlgorithm::sha1, "abc").hex == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(compute_hash(HashAlgorithm::sha256, "abc").hex ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(compute_hash(HashAlgorithm::sha512, "abc").hex ==
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  CHECK(compute_hash(HashAlgorithm::md5, "abc").hex == "900150983cd24fb0d6963f7d28e17f72");
  CHECK(compute_hash(HashAlgorithm::sha3_256, "abc").hex ==
        "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
  CHECK(compute_hash(HashAlgorithm::blake2b_512, "abc").hex.size() == 128);
}

TEST_CASE("hash: streaming over several algorithms equals one-shot", "[model][hash]") {
  std::vector<HashAlgorithm> algorithms{HashAlgorithm::sha1, HashAlgorithm::sha256};
  auto hasher = Hasher::create(algorithms);
  REQUIRE(hasher.ok());
  hasher->update("a");
  hasher->update("b");
  hasher->update("c");
  auto hashes = hasher->finish();
  REQUIRE(hashes.size() == 2);
  CHECK(hashes[0] == compute_hash(HashAlgorithm::sha1, "abc"));
  CHECK(hashes[1] == compute_hash(HashAlgorithm::sha256, "abc"));
}

TEST_CASE("hash: algorithms OpenSSL lacks are refused, not faked", "[model][hash]") {
  CHECK_FALSE(can_compute(HashAlgorithm::blake3));
  std::vector<HashAlgorithm> algorithms{HashAlgorithm::blake3};
  auto hasher = Hasher::create(algorithms);
  CHECK_FALSE(hasher.ok());
  CHECK(hasher.error().find("BLAKE3") != std::string::npos);
}

TEST_CASE("hash: algorithm names in CycloneDX and SPDX spellings", "[model][hash]") {
  CHECK(parse_hash_algorithm("SHA-256") == HashAlgorithm::sha256);
  CHECK(parse_hash_algorithm("SHA256") == HashAlgorithm::sha256);
  CHECK(parse_hash_algorithm("sha512") == HashAlgorithm::sha512);
  CHECK(parse_hash_algorithm("SHA1") == HashAlgorithm::sha1);
  CHECK(parse_hash_algorithm("BLAKE2b-512") == HashAlgorithm::blake2b_512);
  CHECK(parse_hash_algorithm("SHA3-384") == HashAlgorithm::sha3_384);
  CHECK_FALSE(parse_hash_algorithm("CRC32").has_value());
  CHECK(hash_algorithm_name(HashAlgorithm::sha1) == "SHA-1");
  CHECK(hash_hex_length(HashAlgorithm::sha384) == 96);
}

TEST_CASE("hash: npm integrity strings decode to hex", "[model][hash]") {
  // From a real package-lock.json: lodash 4.17.21.
  auto hashes = decode_integrity("sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+"
                                 "LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==");
  REQUIRE(hashes.ok());
  REQUIRE(hashes->size() == 1);
  CHECK(hashes->front().algorithm == HashAlgorithm::sha512);
  CHECK(hashes->front().hex == "bf690311ee7b95e713ba568322e3533f2dd1cb880b189e99d4edef13592b81764da"
                               "ec43e2c54c61d5c558dc5cfb35"
                               "ecb85b65519e74026ff17675b6f8f916f4a");
  // Old lockfiles carry sha1; several entries may be listed.
  auto several = decode_integrity("sha1-qBG3ad4XJo4bHcyYPbeXpdr7JrE= sha512-"
                                  "v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17"
                                  "LhbZVGedAJv8XZ1tvj5FvSg==");
  REQUIRE(several.ok());
  REQUIRE(several->size() == 2);
  CHECK((*several)[0].algorithm == HashAlgorithm::sha1);
  CHECK((*several)[0].hex.size() == 40);
}

TEST_CASE("hash: malformed integrity fails instead of inventing a digest", "[model][hash]") {
  CHECK_FALSE(decode_integrity("sha512-not*base64").ok());
  CHECK_FALSE(decode_integrity("sha256-AAAA").ok()); // wrong length
  CHECK_FALSE(decode_integrity("nodash").ok());
  auto unknown = decode_integrity("md4-AAAA");
  REQUIRE(unknown.ok());
  CHECK(unknown->empty());
}

TEST_CASE("hash: go.sum h1 hashes decode to SHA-256", "[model][hash]") {
  // golang.org/x/text v0.3.0 from a real go.sum.
  auto hash = decode_go_h1("h1:g61tztE5qeGQ89tm6NTjjM9VPIm088od1l6aSorWRWg=");
  REQUIRE(hash.ok());
  CHECK(hash->algorithm == HashAlgorithm::sha256);
  CHECK(hash->hex == "83ad6dced139a9e190f3db66e8d4e38ccf553c89b4f3ca1dd65e9a4a8ad64568");
  CHECK_FALSE(decode_go_h1("h2:abc").ok());
  CHECK_FALSE(decode_go_h1("h1:AAAA").ok());
}

// Ids hash their key in parts and keep the first digits: the digits are
// those of the SHA-256 of the parts joined (the FIPS 180-2 vector for
// "abc", split two ways), however many are asked for.
TEST_CASE("hash: a SHA-256 prefix of parts is that of the joined text", "[model][hash]") {
  const std::string whole = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  const std::array<std::string_view, 2> split{"a", "bc"};
  const std::array<std::string_view, 3> with_empty{"ab", "", "c"};
  CHECK(sha256_hex_prefix(split, 16) == whole.substr(0, 16));
  CHECK(sha256_hex_prefix(with_empty, 7) == whole.substr(0, 7));
  CHECK(sha256_hex_prefix(split, 64) == whole);
  CHECK(sha256_hex_prefix(split, 100) == whole);
  CHECK(sha256_hex_prefix(split, 0).empty());
}
