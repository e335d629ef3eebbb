// Fuzz entry points for the scanners: the bytes are one file of a scanned
// tree, taken through the whole scan (every scanner whose globs or content
// rule want it) and written in every format.
#include "fuzz_target.hpp"
#include "scanners/golang/build_info.hpp"
#include "write_every_format.hpp"

#include <kensa/scanner/problem_list.hpp>
#include <kensa/scanner/scan.hpp>
#include <kensa/source/memory_source.hpp>

#include <string>
#include <vector>

namespace kensa::fuzz {

namespace {

// Scans an in-memory tree of `files` the way `kensa scan` would and writes
// what it finds in every format.
void scan_and_write(std::vector<source::MemoryFile> files) {
  auto source = source::make_memory_source(std::move(files), "fuzz");
  scanner::ScanOptions options;
  options.timestamp = 0;
  auto document = scanner::scan(*source, options);
  if (document) {
    write_every_format(*document);
  }
}

} // namespace

void run_scan_file(const FuzzTarget& target, std::string_view data) {
  std::vector<source::MemoryFile> files;
  files.push_back(source::MemoryFile{std::string(target.path), std::string(data)});
  scan_and_write(std::move(files));
}

void run_scan_file_with_package(const FuzzTarget& target, std::string_view data) {
  std::vector<source::MemoryFile> files;
  files.push_back(source::MemoryFile{std::string(target.path), std::string(data)});
  files.push_back(source::MemoryFile{"project/node_modules/pkg/package.json",
                                     R"({"name": "pkg", "version": "1.0.0"})"});
  scan_and_write(std::move(files));
}

void run_go_module_info(const FuzzTarget&, std::string_view data) {
  scanner::ProblemList problems;
  const auto info = scanner::golang::parse_module_info("go1.22.1", data, problems);
  (void)info;
}

} // namespace kensa::fuzz
