#include <kensa/util/terminal_text.hpp>
#include <kensa/util/utf8.hpp>

#include <catch2/catch.hpp>

#include <string>

using kensa::escape_for_terminal;
using kensa::needs_terminal_escape;

TEST_CASE("terminal text: plain and non-ASCII text is kept as it is", "[util][terminal]") {
  CHECK(escape_for_terminal("lodash 4.17.21") == "lodash 4.17.21");
  CHECK(escape_for_terminal("検査 café") == "検査 café");
  CHECK(escape_for_terminal(R"(C:\path)") == R"(C:\path)");
  CHECK_FALSE(needs_terminal_escape("検査 café"));
}

TEST_CASE("terminal text: a newline cannot forge a log line", "[util][terminal]") {
  CHECK(escape_for_terminal("evil\nkensa: error: FAKE") == "evil\\nkensa: error: FAKE");
  CHECK(escape_for_terminal("a\r\tb") == "a\\r\\tb");
  CHECK(needs_terminal_escape("evil\n"));
}

TEST_CASE("terminal text: escape sequences, BEL, DEL and C1 controls are shown, not run",
          "[util][terminal]") {
  // OSC 0 sets the terminal title; CSI 2J clears the screen.
  CHECK(escape_for_terminal("\x1b]0;owned\x07") == "\\e]0;owned\\x07");
  CHECK(escape_for_terminal("\x1b[2J") == "\\e[2J");
  CHECK(escape_for_terminal(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(escape_for_terminal("\x7f") == "\\x7f");
  // U+009B, the 8-bit CSI, well-formed in UTF-8.
  CHECK(escape_for_terminal("\xc2\x9b"
                            "2J") == "\\u{009b}2J");
}

TEST_CASE("terminal text: bidirectional controls and broken UTF-8 are shown as escapes",
          "[util][terminal]") {
  // U+202E RIGHT-TO-LEFT OVERRIDE would show "evil.exe" as "evil.txt"-like text.
  CHECK(escape_for_terminal("a\xe2\x80\xae"
                            "b") == "a\\u{202e}b");
  CHECK(escape_for_terminal("\xff\xfe") == "\\xff\\xfe");
  // A raw 0x9B byte is CSI on terminals that read 8-bit controls.
  CHECK(escape_for_terminal("x\x9b"
                            "2J") == "x\\x9b2J");
  // An overlong encoding of ESC is not well formed: each byte is shown.
  CHECK(escape_for_terminal("\xc0\x9b") == "\\xc0\\x9b");
  // A sequence cut short keeps the bytes after it.
  CHECK(escape_for_terminal("\xe2\x80"
                            "ok") == "\\xe2\\x80ok");
}

TEST_CASE("utf8: decodes well-formed sequences and refuses the rest", "[util][utf8]") {
  auto decoded = kensa::decode_utf8("\xf0\x9f\x98\x80", 0);
  REQUIRE(decoded);
  CHECK(decoded->code_point == 0x1F600);
  CHECK(decoded->length == 4);
  CHECK_FALSE(kensa::decode_utf8("\xed\xa0\x80", 0));     // a surrogate
  CHECK_FALSE(kensa::decode_utf8("\xf4\x90\x80\x80", 0)); // past U+10FFFF
  CHECK_FALSE(kensa::decode_utf8("\xe0\x80\x80", 0));     // overlong
  CHECK_FALSE(kensa::decode_utf8("", 0));
}
