#include <kensa/util/keep_until_exit.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kensa;

namespace {

// Counts its own destructions through a pointer it was given.
struct Counted {
  explicit Counted(int* destroyed) : m_destroyed(destroyed) {}
  Counted(Counted&& other) noexcept : m_destroyed(other.m_destroyed) {
    other.m_destroyed = nullptr;
  }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
  Counted& operator=(Counted&&) = delete;
  ~Counted() {
    if (m_destroyed != nullptr) {
      ++*m_destroyed;
    }
  }

 private:
  int* m_destroyed;
};

} // namespace

TEST_CASE("a value kept until exit is moved, not copied, and never destroyed",
          "[util][keep-until-exit]") {
  std::vector<std::string> names{"first", "second", std::string(100, 'x')};
  const char* const buffer = names[2].data();
  std::vector<std::string>& kept = util::keep_until_exit(std::move(names));
  REQUIRE(kept.size() == 3);
  CHECK(kept[0] == "first");
  CHECK(kept[2] == std::string(100, 'x'));
  // The heap block moved with the vector: nothing was copied.
  CHECK(kept[2].data() == buffer);

  static int destroyed = 0;
  {
    Counted counted(&destroyed);
    util::keep_until_exit(std::move(counted));
  }
  // The moved-from local went; the kept value is still there.
  CHECK(destroyed == 0);
  util::keep_until_exit(Counted(&destroyed));
  CHECK(destroyed == 0);
}

TEST_CASE("values kept until exit keep their addresses as more are kept",
          "[util][keep-until-exit]") {
  std::string& first = util::keep_until_exit(std::string(64, 'a'));
  for (int k = 0; k < 100; ++k) {
    util::keep_until_exit(std::string(64, 'b'));
  }
  CHECK(first == std::string(64, 'a'));
}
