#include "../support/test_support.hpp"

#include <catch2/catch.hpp>
#include <spdlog/spdlog.h>

#include <fuzz_target.hpp>
#include <set>
#include <string>

namespace {

// The fuzz targets see malformed input on purpose: their warnings are not
// the test's output.
class QuietLog {
 public:
  QuietLog() : m_level(spdlog::get_level()) { spdlog::set_level(spdlog::level::off); }
  QuietLog(const QuietLog&) = delete;
  QuietLog& operator=(const QuietLog&) = delete;
  ~QuietLog() { spdlog::set_level(m_level); }

 private:
  spdlog::level::level_enum m_level;
};

} // namespace

TEST_CASE("fuzz targets: every target has a unique name and seeds to start from", "[fuzz]") {
  std::set<std::string> names;
  for (const auto& target : kensa::fuzz::fuzz_targets()) {
    INFO(target.name);
    CHECK(names.insert(std::string(target.name)).second);
    CHECK(kensa::fuzz::find_fuzz_target(target.name) == &target);
    CHECK_FALSE(kensa::fuzz::seed_files(target, KENSA_FIXTURES_DIR).empty());
  }
  CHECK(names.size() >= 40);
  CHECK(kensa::fuzz::find_fuzz_target("no-such-target") == nullptr);
}

TEST_CASE("fuzz targets: every seed and every saved finding runs clean", "[fuzz]") {
  QuietLog quiet;
  for (const auto& target : kensa::fuzz::fuzz_targets()) {
    for (const auto& seed : kensa::fuzz::seed_files(target, KENSA_FIXTURES_DIR)) {
      INFO(std::string(target.name) + " " + seed.string());
      const std::string data = kensa::testing::read_file(seed);
      // A crash or a broken property aborts the test binary; getting here
      // for every input is the assertion.
      target.run(target, data);
      SUCCEED();
    }
  }
}

TEST_CASE("fuzz targets: empty input and a truncated seed run clean", "[fuzz]") {
  QuietLog quiet;
  for (const auto& target : kensa::fuzz::fuzz_targets()) {
    INFO(target.name);
    target.run(target, "");
    const auto seeds = kensa::fuzz::seed_files(target, KENSA_FIXTURES_DIR);
    if (!seeds.empty()) {
      const std::string data = kensa::testing::read_file(seeds.front());
      target.run(target, std::string_view(data).substr(0, data.size() / 2));
    }
    SUCCEED();
  }
}
