#include <kensa/util/lines.hpp>
#include <kensa/util/strings.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

TEST_CASE("lines: cut where split(text, '\\n') cuts, one at a time", "[util][lines]") {
  for (std::string_view text :
       {"", "\n", "a", "a\n", "a\nb", "a\nb\n", "\n\na\n\n", "a\r\nb\r\n", "x\n\ny"}) {
    INFO(std::string(text));
    std::vector<std::string_view> cut;
    for (std::string_view line : kensa::lines(text)) {
      cut.push_back(line);
    }
    CHECK(cut == kensa::split(text, '\n'));
  }
}
