#pragma once

#include <kensa/scanner/problem_list.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// What apk's installed database (lib/apk/db/installed) says about one
// package.
namespace kensa::scanner::apk {

struct ApkPackage {
  std::string name;              // P
  std::string version;           // V
  std::string architecture;      // A
  std::string license;           // L
  std::string description;       // T
  std::string url;               // U
  std::string origin;            // o: the source package (aport)
  std::string maintainer;        // m
  std::string checksum;          // C: "Q1" + base64 of the SHA-1 of the control data
  std::string size;              // S: package file size, bytes
  std::string installed_size;    // I: bytes
  std::string commit;            // c: aports commit
  std::string provider_priority; // k
  // D: "so:libc.musl-x86_64.so.1", "musl>=1.2", "!conflict", "/bin/sh".
  std::vector<std::string> depends;
  // p: "so:libc.musl-x86_64.so.1=1", "cmd:busybox=1.36.1-r29", "/bin/sh".
  std::vector<std::string> provides;
  // Root-relative paths of the R lines (each in the F folder before it), and
  // how many carry a Z digest.
  std::vector<std::string> files;
  std::size_t file_digests = 0;
  // The SHA-1 of each file's contents from its Z line, in hex, parallel to
  // `files`; empty for files without a Z line (or with one that is not a
  // SHA-1: symbolic links carry the digest of their target's name).
  std::vector<std::string> file_sha1s;
  // First line of the record in the file.
  std::size_t line = 0;
};

struct InstalledParse {
  std::vector<ApkPackage> packages;
  // "record at line 40 (busybox): no V"; "line 12: not a field".
  ProblemList problems;
};

// Reads an installed database: records separated by blank lines, one
// "<letter>:<value>" per line. Records without P or V are reported and
// skipped; unknown letters are ignored (apk adds new ones over time).
InstalledParse parse_installed(std::string_view text);

// "musl>=1.2.3_git20230424" -> "musl"; "so:libz.so.1=1.3.1" -> "so:libz.so.1".
std::string_view dependency_name(std::string_view token);

} // namespace kensa::scanner::apk
