// The pacman, portage, homebrew, nix and terraform scanners on 1,000
// entries each, generated in memory (the whole scan: walk, parse, graph,
// sorted document): a pacman database of 1,000 desc files, a Portage
// database of 1,000 packages, a Cellar of 1,000 receipts, a Nix db.sqlite of
// 1,000 store paths, and a .terraform.lock.hcl of 1,000 providers. Each
// package depends on the one before it. Target: under 20 ms each
// (docs/scanners/<name>.md record the figures).
#include <kensa/scanner/scan.hpp>
#include <kensa/source/memory_source.hpp>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <string>
#include <vector>

namespace {

constexpr int k_entries = 1'000;

std::vector<kensa::source::MemoryFile> pacman_files() {
  std::vector<kensa::source::MemoryFile> files;
  for (int i = 0; i < k_entries; ++i) {
    std::string name = "pkg" + std::to_string(i);
    std::string desc = "%NAME%\n" + name + "\n\n%VERSION%\n1:2." + std::to_string(i) +
                       "-1\n\n%DESC%\nA package\n\n%ARCH%\nx86_64\n\n%PACKAGER%\nA Packager "
                       "<a@example.org>\n\n%SIZE%\n1024\n\n%LICENSE%\nMIT\n\n%PROVIDES%\nlib" +
                       name + ".so=1-64\n\n";
    if (i > 0) {
      desc += "%DEPENDS%\nlibpkg" + std::to_string(i - 1) + ".so=1-64\n\n";
    }
    files.push_back({"var/lib/pacman/local/" + name + "-1:2." + std::to_string(i) + "-1/desc",
                     std::move(desc)});
  }
  return files;
}

std::vector<kensa::source::MemoryFile> portage_files() {
  std::vector<kensa::source::MemoryFile> files;
  for (int i = 0; i < k_entries; ++i) {
    std::string folder =
        "var/db/pkg/dev-libs/pkg" + std::to_string(i) + "-1.2." + std::to_string(i) + "-r1/";
    files.push_back({folder + "SLOT", "0\n"});
    files.push_back({folder + "LICENSE", "MIT\n"});
    files.push_back({folder + "repository", "gentoo\n"});
    files.push_back({folder + "CONTENTS", "dir /usr\nobj /usr/lib/libpkg" + std::to_string(i) +
                                              ".so d41d8cd98f00b204e9800998ecf8427e 1\n"});
    if (i > 0) {
      files.push_back({folder + "RDEPEND", ">=dev-libs/pkg" + std::to_string(i - 1) + "-1:0=\n"});
    }
  }
  return files;
}

std::vector<kensa::source::MemoryFile> homebrew_files() {
  std::vector<kensa::source::MemoryFile> files;
  for (int i = 0; i < k_entries; ++i) {
    std::string dependencies =
        i == 0 ? std::string()
               : "{\"full_name\": \"pkg" + std::to_string(i - 1) + "\", \"pkg_version\": \"1.0\"}";
    files.push_back({"opt/homebrew/Cellar/pkg" + std::to_string(i) + "/1.0/INSTALL_RECEIPT.json",
                     "{\"homebrew_version\": \"4.3.0\", \"installed_on_request\": true, "
                     "\"runtime_dependencies\": [" +
                         dependencies +
                         "], \"source\": {\"tap\": \"homebrew/core\", \"versions\": "
                         "{\"stable\": \"1.0\"}}}"});
  }
  return files;
}

std::vector<kensa::source::MemoryFile> nix_files() {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  std::string sql =
      "CREATE TABLE ValidPaths (id integer primary key autoincrement not null, path text unique "
      "not null, hash text not null, registrationTime integer not null, deriver text, narSize "
      "integer, ultimate integer, sigs text, ca text);"
      "CREATE TABLE Refs (referrer integer not null, reference integer not null, primary key "
      "(referrer, reference));BEGIN;";
  for (int i = 1; i <= k_entries; ++i) {
    std::string hash = std::to_string(i);
    hash.insert(0, 32 - hash.size(), '0');
    sql += "INSERT INTO ValidPaths VALUES (" + std::to_string(i) + ", '/nix/store/" + hash +
           "-pkg" + std::to_string(i) + "-1.0', 'sha256:00', 0, NULL, 1024, NULL, NULL, NULL);";
    if (i > 1) {
      sql += "INSERT INTO Refs VALUES (" + std::to_string(i) + ", " + std::to_string(i - 1) + ");";
    }
  }
  sql += "COMMIT;";
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_int64 size = 0;
  unsigned char* bytes = sqlite3_serialize(db, "main", &size, 0);
  std::string contents(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
  sqlite3_free(bytes);
  sqlite3_close(db);
  return {{"nix/var/nix/db/db.sqlite", std::move(contents)}};
}

std::vector<kensa::source::MemoryFile> terraform_files() {
  std::string lock = "# This file is maintained automatically by \"terraform init\".\n\n";
  for (int i = 0; i < k_entries; ++i) {
    lock += "provider \"registry.terraform.io/acme/p" + std::to_string(i) +
            "\" {\n  version     = \"1.2." + std::to_string(i) +
            "\"\n  constraints = \"~> 1.2\"\n  hashes = [\n"
            "    \"h1:jhd5O5o0CfZCNEwwN0EiDAzb7ApuFrtxJqa6HXW4EKE=\",\n"
            "    \"zh:0dea6843836e926d33469b48b948744079023816d16a2ff7666bcfb6aa3522d4\",\n"
            "  ]\n}\n\n";
  }
  return {{"infra/.terraform.lock.hcl", std::move(lock)}};
}

void scan_in_memory(benchmark::State& state, const std::vector<kensa::source::MemoryFile>& files,
                    const std::string& scanner) {
  kensa::scanner::ScanOptions options;
  options.scanners = {scanner};
  options.timestamp = 0;
  std::size_t components = 0;
  for (auto _ : state) {
    auto source = kensa::source::make_memory_source(files, "bench");
    auto document = kensa::scanner::scan(*source, options);
    if (!document) {
      state.SkipWithError(document.error().c_str());
      return;
    }
    components = document->components.size();
    benchmark::DoNotOptimize(components);
  }
  state.counters["components"] = static_cast<double>(components);
}

void scan_1000_pacman_packages(benchmark::State& state) {
  static const auto files = pacman_files();
  scan_in_memory(state, files, "pacman");
}
void scan_1000_portage_packages(benchmark::State& state) {
  static const auto files = portage_files();
  scan_in_memory(state, files, "portage");
}
void scan_1000_homebrew_kegs(benchmark::State& state) {
  static const auto files = homebrew_files();
  scan_in_memory(state, files, "homebrew");
}
void scan_1000_nix_store_paths(benchmark::State& state) {
  static const auto files = nix_files();
  scan_in_memory(state, files, "nix");
}
void scan_1000_terraform_providers(benchmark::State& state) {
  static const auto files = terraform_files();
  scan_in_memory(state, files, "terraform");
}

} // namespace

BENCHMARK(scan_1000_pacman_packages)->Unit(benchmark::kMillisecond);
BENCHMARK(scan_1000_portage_packages)->Unit(benchmark::kMillisecond);
BENCHMARK(scan_1000_homebrew_kegs)->Unit(benchmark::kMillisecond);
BENCHMARK(scan_1000_nix_store_paths)->Unit(benchmark::kMillisecond);
BENCHMARK(scan_1000_terraform_providers)->Unit(benchmark::kMillisecond);
