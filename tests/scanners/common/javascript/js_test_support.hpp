#pragma once

#include "../../npm/npm_test_support.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

// Helpers for the yarn, pnpm, bun, deno and node-modules scanner tests:
// running scanners (as the registry creates them) on a fixture folder or on
// files in memory, and npm's own marks for comparison.
namespace kensa::testing::javascript {

using npm::ScanResult;

// Runs `scanners` into one graph over every file under
// tests/fixtures/<folder> that one of them asks for; locations and paths
// are relative to that folder.
ScanResult scan_fixture(const std::vector<std::string>& scanners, const std::string& folder);

// Runs `scanners` on in-memory files (path -> contents).
ScanResult scan_texts(const std::vector<std::string>& scanners,
                      const std::map<std::string, std::string>& files);

// "name@version" -> "required", "optional", "excluded+dev", "optional+dev",
// from an `npm ls --all --json --long` file under tests/fixtures.
std::map<std::string, std::string> npm_ls_marks(const std::string& fixture_file);

// The same spelling for a component.
std::string mark_of(const model::Component& component);

// "name@version" -> mark for every component but the subject's root.
std::map<std::string, std::string> component_marks(const ScanResult& result);

// "name@version" of every component.
std::set<std::string> package_keys(const ScanResult& result);

} // namespace kensa::testing::javascript

namespace kensa::testing::javascript {

// The project every lockfile fixture was made from
// (tests/fixtures/npm/lockfile-v3), as npm ls marked it: the lockfile
// scanners must give the same marks for the same packages.
std::map<std::string, std::string> reference_marks();

// `result`'s marks, every package of the reference project but `missing`
// expected with npm's mark.
void check_marks_match_npm(const ScanResult& result, const std::set<std::string>& missing = {});

} // namespace kensa::testing::javascript
