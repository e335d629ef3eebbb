#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

// Archives built in a test with libarchive's writer: what no fixture should
// hold (gigabytes of sparse holes in a few kilobytes) and what is quicker
// made than kept.
namespace kensa::testing {

// A tar (pax) at `file` with one member, `name`, that declares `size` bytes
// of which only the last `data` are stored: the rest is a sparse hole that
// reads as zeros (Go's archive/tar/testdata/gnu-sparse-big.tar is such a
// file: 5 KB declaring 60 GB).
void write_sparse_tar(const std::filesystem::path& file, const std::string& name,
                      std::uint64_t size, const std::string& data);

// A tar at `file` with `members` (name, contents), gzipped when `gzip`.
void write_tar(const std::filesystem::path& file,
               const std::vector<std::pair<std::string, std::string>>& members, bool gzip = false);

// A zip (a jar) at `file` with `members` (name, contents).
void write_zip(const std::filesystem::path& file,
               const std::vector<std::pair<std::string, std::string>>& members);

// An ar archive (GNU, as a static library or a .deb is) at `file` with
// `members` (name, contents) in order. A member named "/" is written as
// the symbol table of a static library.
void write_ar(const std::filesystem::path& file,
              const std::vector<std::pair<std::string, std::string>>& members);

// The bytes of a tar (gzipped when `gzip`) with `members`, for nesting.
std::string tar_bytes(const std::vector<std::pair<std::string, std::string>>& members,
                      bool gzip = false);

} // namespace kensa::testing
