#include "license_text_headers.hpp"

#include <array>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace kensa::model::license_text {

namespace {

// How far after the license's name its version and "any later version"
// may come ("version 2 of the License, or (at your option) any later
// version" is 14 words).
constexpr std::size_t k_version_window = 24;
constexpr std::size_t k_later_window = 16;

class Phrase {
 public:
  Phrase(std::initializer_list<std::string_view> words) {
    for (const auto word : words) {
      m_words.push_back(word_of(word));
    }
  }
  bool at(const std::vector<Word>& words, std::size_t position) const {
    if (position + m_words.size() > words.size()) {
      return false;
    }
    for (std::size_t i = 0; i < m_words.size(); ++i) {
      if (words[position + i] != m_words[i]) {
        return false;
      }
    }
    return true;
  }
  // The first position in [from, to) where the phrase starts.
  std::optional<std::size_t> find(const std::vector<Word>& words, std::size_t from,
                                  std::size_t to) const {
    for (std::size_t i = from; i < to && i < words.size(); ++i) {
      if (at(words, i)) {
        return i;
      }
    }
    return std::nullopt;
  }
  std::size_t size() const { return m_words.size(); }

 private:
  std::vector<Word> m_words;
};

struct GnuFamily {
  Phrase name;
  // version words -> id stem
  std::vector<std::pair<Phrase, std::string_view>> versions;
};

const std::vector<GnuFamily>& gnu_families() {
  static const std::vector<GnuFamily> families = [] {
    std::vector<GnuFamily> out;
    out.push_back({Phrase{"gnu", "general", "public", "license"},
                   {{Phrase{"version", "1"}, "GPL-1.0"},
                    {Phrase{"version", "2"}, "GPL-2.0"},
                    {Phrase{"version", "3"}, "GPL-3.0"}}});
    out.push_back(
        {Phrase{"gnu", "lesser", "general", "public", "license"},
         {{Phrase{"version", "2", "1"}, "LGPL-2.1"}, {Phrase{"version", "3"}, "LGPL-3.0"}}});
    out.push_back({Phrase{"gnu", "library", "general", "public", "license"},
                   {{Phrase{"version", "2"}, "LGPL-2.0"}}});
    out.push_back({Phrase{"gnu", "affero", "general", "public", "license"},
                   {{Phrase{"version", "3"}, "AGPL-3.0"}}});
    return out;
  }();
  return families;
}

struct FixedHeader {
  Phrase phrase;
  std::string_view id;
};

const std::vector<FixedHeader>& fixed_headers() {
  static const std::vector<FixedHeader> headers = [] {
    std::vector<FixedHeader> out;
    out.push_back({Phrase{"under", "the", "apache", "license", "version", "2", "0"}, "Apache-2.0"});
    out.push_back({Phrase{"under", "the", "apache", "license", "2", "0"}, "Apache-2.0"});
    out.push_back({Phrase{"under", "apache", "license", "2", "0"}, "Apache-2.0"});
    out.push_back({Phrase{"under", "the", "mit", "license"}, "MIT"});
    out.push_back({Phrase{"under", "the", "terms", "of", "the", "mit", "license"}, "MIT"});
    out.push_back({Phrase{"under", "mit", "license"}, "MIT"});
    out.push_back({Phrase{"under", "the", "isc", "license"}, "ISC"});
    out.push_back({Phrase{"mozilla", "public", "license", "v", "2", "0"}, "MPL-2.0"});
    out.push_back({Phrase{"mozilla", "public", "license", "version", "2", "0"}, "MPL-2.0"});
    return out;
  }();
  return headers;
}

const Phrase& free_software_foundation() {
  static const Phrase phrase{"free", "software", "foundation"};
  return phrase;
}

// "1" to "9": the minor version after "version 2" (not "0": "version 2.0").
bool is_minor_version(Word word) {
  static const std::array<Word, 9> k_digits{word_of("1"), word_of("2"), word_of("3"),
                                            word_of("4"), word_of("5"), word_of("6"),
                                            word_of("7"), word_of("8"), word_of("9")};
  for (const auto digit : k_digits) {
    if (word == digit) {
      return true;
    }
  }
  return false;
}

std::optional<HeaderFound> gnu_header_at(const std::vector<Word>& words, std::size_t position) {
  for (const auto& family : gnu_families()) {
    if (!family.name.at(words, position)) {
      continue;
    }
    const std::size_t after = position + family.name.size();
    const std::size_t end = after + k_version_window;
    // "as published by the Free Software Foundation" is what makes it the
    // GNU notice rather than a sentence that mentions the license.
    if (!free_software_foundation().find(words, after, end)) {
      return std::nullopt;
    }
    for (const auto& [version, stem] : family.versions) {
      const auto found = version.find(words, after, end);
      if (!found) {
        continue;
      }
      // "version 2" must not be the start of a "version 2.1" the family
      // does not have (the LGPL's 2.1 has a phrase of its own).
      const std::size_t next = *found + version.size();
      if (next < words.size() && is_minor_version(words[next])) {
        continue;
      }
      const bool later =
          Phrase{"any", "later", "version"}.find(words, next, next + k_later_window).has_value() ||
          Phrase{"or", "later"}.find(words, next, next + 4).has_value();
      return HeaderFound{std::string(stem) + (later ? "-or-later" : "-only"), position};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace

std::vector<HeaderFound> find_license_headers(const std::vector<Word>& words,
                                              const std::vector<bool>& covered) {
  std::vector<HeaderFound> found;
  const Word gnu = word_of("gnu");
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (covered[i]) {
      continue;
    }
    if (words[i] == gnu) {
      if (auto header = gnu_header_at(words, i)) {
        found.push_back(std::move(*header));
        continue;
      }
    }
    for (const auto& fixed : fixed_headers()) {
      if (fixed.phrase.at(words, i)) {
        found.push_back(HeaderFound{std::string(fixed.id), i});
        break;
      }
    }
  }
  return found;
}

} // namespace kensa::model::license_text
