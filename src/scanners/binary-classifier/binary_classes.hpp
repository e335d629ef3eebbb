#pragma once

#include <span>
#include <string_view>

// The table of software the binary classifier recognises in executables and
// shared libraries that no package database describes (static builds,
// copied-in binaries, vendored libraries). docs/scanners/binary.md lists it.
namespace kensa::scanner::binary_classifier {

// One kind of binary: which files may be it, and the bytes that say so.
struct BinaryClass {
  // Names the row in properties and docs ("openssl-libcrypto").
  std::string_view id;
  // The component's name ("openssl").
  std::string_view name;
  // ';'-separated globs (glob.hpp) on the file's path: only files named
  // like this are read, and a pattern found elsewhere means nothing.
  std::string_view globs;
  // Bytes every match of `pattern` holds, looked for first (a plain search
  // runs at memory speed, a pattern does not): the pattern is tried only
  // around them. Empty: the pattern is run over the whole file.
  std::string_view anchor;
  // An RE2 pattern whose group is the version; with several groups (at
  // most four), the version is their numbers joined by dots ("20914" read
  // as (2)(09)(14) is 2.9.14); with none, the row marks software that keeps
  // no version string (BoringSSL), and its component has no version. It
  // must match at most
  // k_max_match_length bytes (bounded repetitions only), so that a file read
  // in chunks with that much overlap finds every match, and a match lies
  // within k_max_match_length bytes of its anchor.
  std::string_view pattern;
  // "pkg:generic/openssl@{version}": {version} is replaced by the captured
  // version ("@{version}" is left out when there is none).
  std::string_view purl;
  // "cpe:2.3:a:openssl:openssl:{version}:*:*:*:*:*:*:*", or empty. A
  // component without a version has no CPE: one with "*" would name every
  // version.
  std::string_view cpe;
  // Whether the file is a program (else a library).
  bool application = true;
};

// The longest match a pattern of the table may have, in bytes.
inline constexpr std::size_t k_max_match_length = 256;

// Every row, most commonly met first.
std::span<const BinaryClass> binary_classes();

} // namespace kensa::scanner::binary_classifier
