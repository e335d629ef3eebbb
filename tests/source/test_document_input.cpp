// Reading one SBOM whole for convert and validate: files, streams and
// devices, never more than the cap.
#include "../support/test_support.hpp"
#include "source_test_support.hpp"

#include <kensa/source/document_input.hpp>

#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <string>

using namespace kensa;

TEST_CASE("document input: a file is read whole, up to the cap", "[source][hostile]") {
  const auto dir = testing::scratch_dir("document-input-file");
  const auto path = dir / "bom.json";
  const std::string text = "{\"bomFormat\": \"CycloneDX\"}\n" + std::string(100'000, ' ');
  testing::write_text(path, text);
  const auto read = source::read_document_input(path.string(), text.size());
  REQUIRE(read.ok());
  CHECK(*read == text);
  // One byte over: refused by its size, before it is read.
  const auto refused = source::read_document_input(path.string(), text.size() - 1);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error() == "larger than " + std::to_string(text.size() - 1) +
                               " bytes, the most kensa reads of one SBOM");
  CHECK(source::document_input_name(path.string()) == path.string());
  CHECK(source::document_input_name("-") == "standard input");
}

TEST_CASE("document input: a device or pipe is read no further than the cap", "[source][hostile]") {
  // /dev/zero never ends: it is refused once the cap is passed.
  const auto zero = source::read_document_input("/dev/zero", 3 << 20);
  REQUIRE_FALSE(zero.ok());
  CHECK(zero.error().starts_with("larger than 3145728 bytes"));
  // A pipe whose writer stops is read to its end.
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  const std::string text = "SPDXVersion: SPDX-2.3\n";
  REQUIRE(::write(ends[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(ends[1]);
  const auto piped =
      source::read_document_input("/dev/fd/" + std::to_string(ends[0]), std::size_t{1} << 20);
  ::close(ends[0]);
  REQUIRE(piped.ok());
  CHECK(*piped == text);
}

TEST_CASE("document input: a folder or a missing file is refused with the reason",
          "[source][hostile]") {
  const auto dir = testing::scratch_dir("document-input-errors");
  const auto folder = source::read_document_input(dir.string(), 1 << 20);
  REQUIRE_FALSE(folder.ok());
  CHECK(folder.error() == "a folder, not an SBOM file");
  const auto missing = source::read_document_input((dir / "missing.json").string(), 1 << 20);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error() == "cannot be read: No such file or directory");
  const auto head = source::read_document_head((dir / "missing.json").string(), 64);
  REQUIRE_FALSE(head.ok());
  CHECK(head.error() == "cannot be read: No such file or directory");
}
