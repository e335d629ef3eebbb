#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Licenses identified from the text of a file (a LICENSE, COPYING or NOTICE
// file): matched against the SPDX license texts compiled into kensa, by the
// SPDX License List Matching Guidelines as far as plain texts allow
// (docs/licenses.md).
namespace kensa::model {

// How a license was recognised in a file.
enum class LicenseMatchMethod {
  // The license's own text.
  text,
  // A short notice naming the license ("Licensed under the Apache License,
  // Version 2.0", the GNU "either version 2 of the License, or ..." notice).
  header,
  // An "SPDX-License-Identifier:" line.
  identifier,
  // No license of the SPDX list: the file's own text, kept whole under a
  // LicenseRef- (--license-text full).
  unlisted,
};

// "text", "header", "identifier" or "unlisted".
std::string_view license_match_method_name(LicenseMatchMethod method);

// One license found in a file.
struct LicenseTextMatch {
  // Canonical SPDX license expression (a single id for a text match).
  std::string expression;
  // Share of the license's text found in the file, from 0 to 1; 1 for
  // identifier lines and headers.
  double score = 0;
  LicenseMatchMethod method = LicenseMatchMethod::text;
  // Other ids whose SPDX text is the same as `expression`'s, which the text
  // alone cannot tell apart (GPL-2.0-or-later for GPL-2.0-only).
  std::vector<std::string> same_text;

  bool operator==(const LicenseTextMatch&) const = default;
};

// What one file says.
struct LicenseFileFindings {
  // Each license found, in order of first appearance, each expression once.
  std::vector<LicenseTextMatch> licenses;
  // When `licenses` is empty: the license whose text came closest and the
  // share of it found (below k_license_match_threshold); empty when no
  // license text shares a meaningful part with the file.
  std::string closest;
  double closest_score = 0;
  // Copyright statements, as written (white space collapsed), each once, in
  // order; those that belong to a license's own text (the FSF's in the GPL)
  // are left out.
  std::vector<std::string> copyrights;
  // True when the text was longer than k_max_license_text_size or held more
  // than k_max_license_text_words words, and only its start was read.
  bool truncated = false;
  // Words of the text, copyright lines left out: none means the file holds
  // no license terms at all (only a copyright line, or nothing).
  std::size_t words = 0;
  // The longest run of words that no license found accounts for (outside
  // the stretch each license text was found in, and the notices' first
  // k_license_notice_words words): all of `words` when none was found.
  std::size_t longest_unmatched_run = 0;
};

// How many words after the start of a license notice ("Licensed under the
// Apache License, Version 2.0, ...") count as the notice's.
inline constexpr std::size_t k_license_notice_words = 60;

// A license text counts as found when at least this share of it is in the
// file; below it, only `closest` is reported (docs/licenses.md explains the
// figure).
inline constexpr double k_license_match_threshold = 0.93;
// A closer match than this is reported as `closest`; less says nothing.
inline constexpr double k_license_closest_floor = 0.5;
// Only the first MiB and 200,000 words of a file are read.
inline constexpr std::size_t k_max_license_text_size = 1024 * 1024;
inline constexpr std::size_t k_max_license_text_words = 200'000;
// At most this many copyright statements, each cut to this many bytes.
inline constexpr std::size_t k_max_copyright_statements = 100;
inline constexpr std::size_t k_max_copyright_length = 300;

// Identifies the licenses in `text` (any bytes; not UTF-8 is fine). Never
// throws on input; throws std::logic_error only if the bundled texts are
// missing from the build.
LicenseFileFindings identify_licenses(std::string_view text);

// True for the file names a component's license files have: LICENSE*,
// LICENCE*, COPYING*, NOTICE*, UNLICENSE*, ignoring case ("LICENSE-MIT",
// "license.txt", "COPYING.LIB"); also "MIT-LICENSE" style names.
bool is_license_file_name(std::string_view file_name);

// Version of the SPDX License List the bundled texts come from ("3.28.0").
const std::string& license_texts_version();

} // namespace kensa::model
