#pragma once

#include <kensa/util/json_builder.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

// The draft an SPDX 2 tag-value text is read into before it becomes a
// json::Document (spdx2_tag_value_tree.cpp): values whose strings point
// into the text, completed once the whole document is known, then
// measured and written in one go.
namespace kensa::format::tag_value {

// `text` without the blanks (and a carriage return) around it.
std::string_view trim(std::string_view text);

// Splits at runs of white space, at most `parts` pieces (the last keeps the
// rest of the text).
std::vector<std::string_view> split_words(std::string_view text, std::size_t parts);

// A non-negative whole number of at most 18 digits, blanks around it
// allowed; nullopt otherwise.
std::optional<long long> parse_number(std::string_view text);

struct DraftMember;

// Members of a package as kensa writes it (name, SPDXID, version, download
// location, filesAnalyzed, checksums, two licenses, copyright, external
// references, purpose, annotations): room for them is taken at once.
constexpr std::size_t k_package_members = 12;

// A value of the tree before it is written out. Strings point into the text
// being read (or into the reader's few owned strings); member names are the
// tag tables' names. Kept small (48 bytes): a big document's draft holds
// millions of them at once.
struct DraftValue {
  enum class Kind : std::uint8_t { text, boolean, number, object, array };

  Kind kind = Kind::object;
  bool flag = false;
  // 1-based; 0 when the value has no line of its own.
  std::uint32_t line = 0;
  // Text; for a number its digits, as they stand in the text.
  std::string_view text;
  // An object's members; an array's items, which have no name.
  std::vector<DraftMember> children;

  // The factories and the members below that touch `children` are defined
  // after DraftMember: a vector's element type must be complete wherever
  // the vector is built, sized or destroyed.
  static DraftValue of_text(std::string_view text, std::size_t line = 0);
  static DraftValue of_boolean(bool flag, std::size_t line);
  // `digits` is what parse_number() accepted.
  static DraftValue of_number(std::string_view digits);
  static DraftValue object(std::size_t line = 0);
  static DraftValue array(std::size_t line);

  // The last member called `name`, or nullptr.
  DraftValue* find(std::string_view name);
  const DraftValue* find(std::string_view name) const {
    return const_cast<DraftValue*>(this)->find(name);
  }
  void add(std::string_view name, DraftValue value);
  // An array's items.
  std::size_t item_count() const;
  DraftValue& item(std::size_t index);
  const DraftValue& item(std::size_t index) const;
  DraftValue& last_item();
  void push_item(DraftValue value);
  // Replaces the member `name` (the last one) or adds it; true when it
  // replaced one.
  bool set(std::string_view name, DraftValue value);
};

struct DraftMember {
  std::string_view name;
  DraftValue value;
};

// A checksum value "ALGORITHM: hex" as an object of algorithm and
// checksumValue; `ok` is false (and the object empty) without the colon.
DraftValue checksum_of(std::string_view value, bool& ok);

// A PackageVerificationCode value "hex (excludes: a, b)" as the JSON
// object of packageVerificationCodeValue and, when the parentheses are
// there, packageVerificationCodeExcludedFiles.
DraftValue verification_code_of(std::string_view value);

// What writing a draft adds to a json::Document, counted before it is
// written so that the document is allocated once (json::Builder::reserve).
struct DraftSize {
  std::size_t nodes = 0;
  std::size_t items = 0;
  std::size_t string_bytes = 0;
};

// Adds what writing `value` into `out` takes to `size`.
void measure_draft(const DraftValue& value, const json::Builder& out, DraftSize& size);

// Writes `value` into `out`, noting the line of every value that has one.
void write_draft(const DraftValue& value, json::Builder& out, std::vector<std::uint32_t>& lines);

} // namespace kensa::format::tag_value
