// Matching license files against the bundled SPDX license texts
// (docs/licenses.md): every real license file of
// tests/fixtures/license-text/ (npm 11.19.1's packages and real PyPI
// wheels), one identify_licenses() call each. The index of the texts is
// read once per process, before the timed loop, as a scan reads it on its
// first license file; `read_license_index` times that reading. Target:
// under 1 ms per file on average.
#include "../src/model/license_text_corpus.hpp"

#include <kensa/model/license_text.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::vector<std::string> license_files() {
  std::vector<std::string> texts;
  const fs::path root = fs::path(KENSA_SOURCE_DIR) / "tests/fixtures/license-text";
  std::error_code error;
  for (fs::recursive_directory_iterator it(root, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!it->is_regular_file() || name == "README.md" || name == "manifest.tsv") {
      continue;
    }
    std::ifstream in(it->path(), std::ios::binary);
    std::string text(static_cast<std::size_t>(it->file_size()), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    texts.push_back(std::move(text));
  }
  return texts;
}

void identify_real_license_files(benchmark::State& state) {
  const auto texts = license_files();
  if (texts.empty()) {
    state.SkipWithError("tests/fixtures/license-text is missing");
    return;
  }
  // The one-time index build, outside the timing.
  benchmark::DoNotOptimize(kensa::model::identify_licenses("MIT License"));
  std::size_t bytes = 0;
  for (auto _ : state) {
    // A scan matches each distinct text once (identical texts with other
    // copyright lines are remembered); so does each iteration.
    kensa::model::license_text::forget_matched_texts();
    for (const auto& text : texts) {
      auto findings = kensa::model::identify_licenses(text);
      benchmark::DoNotOptimize(findings);
      bytes += text.size();
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * texts.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["files"] = static_cast<double>(texts.size());
}
BENCHMARK(identify_real_license_files)->Unit(benchmark::kMillisecond);

// What the first license file of a process costs besides its matching:
// the compiled-in index copied into its tables.
void read_license_index(benchmark::State& state) {
  const std::string bytes = kensa::model::license_text::Corpus::bundled().serialise();
  for (auto _ : state) {
    auto corpus = kensa::model::license_text::Corpus::from_index(bytes);
    benchmark::DoNotOptimize(corpus);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(read_license_index)->Unit(benchmark::kMillisecond);

} // namespace
