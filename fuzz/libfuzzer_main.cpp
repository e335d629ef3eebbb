// kensa_fuzz: every fuzz target in one libFuzzer executable. The target is
// chosen by KENSA_FUZZ_TARGET, or by the program's name when it is called
// through a link named fuzz-<target>. scripts/fuzz.sh runs them all.
//
//   KENSA_FUZZ_TARGET=npm-lock kensa_fuzz CORPUS_DIR -max_total_time=60
//   KENSA_FUZZ_LIST=1 kensa_fuzz          the targets, one per line
//   KENSA_FUZZ_TARGET=npm-lock KENSA_FUZZ_PRINT_SEEDS=1 kensa_fuzz
//                                         the seed files, one per line
#include "fuzz_target.hpp"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

const kensa::fuzz::FuzzTarget* g_target = nullptr;

std::string target_name(const char* program) {
  if (const char* name = std::getenv("KENSA_FUZZ_TARGET"); name != nullptr && *name != '\0') {
    return name;
  }
  const std::string base = std::filesystem::path(program).filename().string();
  const std::string prefix = "fuzz-";
  return base.rfind(prefix, 0) == 0 ? base.substr(prefix.size()) : std::string();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  (void)argc;
  // Warnings about malformed input are what the fuzzer produces all day.
  spdlog::set_level(spdlog::level::off);
  if (std::getenv("KENSA_FUZZ_LIST") != nullptr) {
    for (const auto& target : kensa::fuzz::fuzz_targets()) {
      std::printf("%.*s\t%.*s\n", static_cast<int>(target.name.size()), target.name.data(),
                  static_cast<int>(target.what.size()), target.what.data());
    }
    std::exit(0);
  }
  const std::string name = target_name((*argv)[0]);
  g_target = kensa::fuzz::find_fuzz_target(name);
  if (g_target == nullptr) {
    std::fprintf(stderr, "kensa_fuzz: unknown target '%s' (KENSA_FUZZ_LIST=1 lists them)\n",
                 name.c_str());
    std::exit(2);
  }
  if (std::getenv("KENSA_FUZZ_PRINT_SEEDS") != nullptr) {
    for (const auto& seed : kensa::fuzz::seed_files(*g_target, KENSA_FIXTURES_DIR)) {
      std::printf("%s\n", seed.c_str());
    }
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  g_target->run(*g_target, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
