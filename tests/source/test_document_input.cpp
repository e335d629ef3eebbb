// Reading one SBOM whole for convert and validate: files, streams and
// devices, never more than the cap.
#include "../formats/format_fixture.hpp"
#include "../support/test_support.hpp"
#include "source_test_support.hpp"

#include <kensa/format/reader.hpp>
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
  // A regular file is mapped, not copied.
  CHECK(read->is_mapped());
  CHECK(read->view() == text);
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
  CHECK_FALSE(piped->is_mapped());
  CHECK(piped->view() == text);
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

TEST_CASE("document input: a file cut short while it is read is refused, not half read",
          "[source][hostile]") {
  const auto dir = testing::scratch_dir("document-input-cut");
  const auto path = dir / "bom.cdx.json";
  const std::string text = testing::render_as(testing::chain_document(400), "cyclonedx-json");
  REQUIRE(text.size() > 64 * 1024);
  testing::write_text(path, text);
  auto whole = source::read_document_input(path.string(), text.size());
  REQUIRE(whole.ok());
  const auto read = format::read_document_consuming(std::move(*whole), path.string());
  REQUIRE(read.ok());
  CHECK(read->document.components.size() == 400);

  auto input = source::read_document_input(path.string(), text.size());
  REQUIRE(input.ok());
  REQUIRE(input->is_mapped());
  // Another process truncates it after kensa measured and mapped it.
  std::filesystem::resize_file(path, text.size() / 2);
  const auto cut = format::read_document_consuming(std::move(*input), path.string());
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error() == path.string() + ": " + std::string(format::k_changed_while_read_message));
}
