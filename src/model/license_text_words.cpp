#include "license_text_words.hpp"

#include <kensa/util/strings.hpp>

#include <array>
#include <string>
#include <unordered_map>
#include <utility>

namespace kensa::model::license_text {

namespace {

// The SPDX equivalent words (license-list-XML, resources/equivalentwords.txt)
// that are one word on both sides: the second spelling is read as the first.
// The entries of more than one word are handled in `Words::push`.
constexpr std::array<std::pair<std::string_view, std::string_view>, 41> k_equivalent_words{{
    {"acknowledgment", "acknowledgement"},
    {"analogue", "analog"},
    {"analyse", "analyze"},
    {"artefact", "artifact"},
    {"authorisation", "authorization"},
    {"authorised", "authorized"},
    {"calibre", "caliber"},
    {"cancelled", "canceled"},
    {"capitalisations", "capitalizations"},
    {"catalogue", "catalog"},
    {"categorise", "categorize"},
    {"centre", "center"},
    {"emphasised", "emphasized"},
    {"favour", "favor"},
    {"favourite", "favorite"},
    {"fulfil", "fulfill"},
    {"fulfilment", "fulfillment"},
    {"initialise", "initialize"},
    {"judgment", "judgement"},
    {"labelling", "labeling"},
    {"labour", "labor"},
    {"licence", "license"},
    {"licences", "licenses"},
    {"licenced", "licensed"},
    {"maximise", "maximize"},
    {"merchantibility", "merchantability"},
    {"modelled", "modeled"},
    {"modelling", "modeling"},
    {"offence", "offense"},
    {"optimise", "optimize"},
    {"organisation", "organization"},
    {"organise", "organize"},
    {"practise", "practice"},
    {"programme", "program"},
    {"realise", "realize"},
    {"recognise", "recognize"},
    {"signalling", "signaling"},
    {"utilisation", "utilization"},
    {"whilst", "while"},
    {"wilful", "wilfull"},
    // URLs: http and https are the same (guideline on URL forms).
    {"https", "http"},
}};

// The table above as word hashes: the map a word goes through.
struct Equivalents {
  std::unordered_map<Word, Word> words;
  Word sub = word_of("sub");
  Word per = word_of("per");
  Word non = word_of("non");
  Word cent = word_of("cent");
  Word commercial = word_of("commercial");
  Word copyright = word_of("copyright");
  Word owner = word_of("owner");
  Word owners = word_of("owners");
  Word holder = word_of("holder");
  Word holders = word_of("holders");
  Word percent = word_of("percent");
  Word noncommercial = word_of("noncommercial");
  Word and_word = word_of("and");
  // "sub license", "sub licenses", "sub licensed", "sub licensing"...
  std::unordered_map<Word, Word> sub_words;

  Equivalents() {
    for (const auto& [from, to] : k_equivalent_words) {
      words.emplace(word_of(from), word_of(to));
    }
    for (const std::string_view rest :
         {"license", "licenses", "licensed", "licensee", "licensees", "licensing"}) {
      sub_words.emplace(word_of(rest), word_of("sub" + std::string(rest)));
    }
  }
};

const Equivalents& equivalents() {
  static const Equivalents table;
  return table;
}

bool is_word_byte(char c) {
  return is_ascii_alnum(c);
}

// Collects the words of the text, applying the multi-word equivalences
// ("sub license", "per cent", "non commercial", "copyright owner") as the
// second word arrives.
class Words {
 public:
  Words(NormalisedText& out, std::size_t max_words)
      : m_out(out), m_max(max_words), m_table(equivalents()) {}

  bool full() const { return m_out.words.size() >= m_max; }

  void placeholder() {
    m_previous = k_placeholder;
    append(k_placeholder);
  }

  void push(std::string_view text) {
    Word word = word_of(text);
    if (const auto mapped = m_table.words.find(word); mapped != m_table.words.end()) {
      word = mapped->second;
    }
    if (!m_out.words.empty() && m_previous != k_placeholder) {
      Word joined = k_placeholder;
      if (m_previous == m_table.sub) {
        if (const auto rest = m_table.sub_words.find(word); rest != m_table.sub_words.end()) {
          joined = rest->second;
        }
      } else if (m_previous == m_table.per && word == m_table.cent) {
        joined = m_table.percent;
      } else if (m_previous == m_table.non && word == m_table.commercial) {
        joined = m_table.noncommercial;
      } else if (m_previous == m_table.copyright) {
        word = word == m_table.owner    ? m_table.holder
               : word == m_table.owners ? m_table.holders
                                        : word;
      }
      if (joined != k_placeholder) {
        m_out.words.back() = joined;
        m_previous = joined;
        return;
      }
    }
    m_previous = word;
    append(word);
  }

  void push_and() { push("and"); }

 private:
  void append(Word word) {
    if (full()) {
      m_out.truncated = true;
      return;
    }
    m_out.words.push_back(word);
  }

  NormalisedText& m_out;
  std::size_t m_max;
  const Equivalents& m_table;
  Word m_previous = k_placeholder;
};

std::string collapse_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out.push_back(' ');
      space = false;
    }
    out.push_back(c);
  }
  return out;
}

// Comment markers, bullets and quotes before a line's first word.
std::string_view skip_line_lead(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c == ' ' || c == '\t' || c == '*' || c == '/' || c == '#' || c == '-' || c == ';' ||
        c == '%' || c == '!' || c == '>' || c == '"' || c == '\'' || c == '+' || c == '=' ||
        c == '|') {
      ++i;
    } else if (c == 0xE2 && i + 2 < line.size() &&
               static_cast<unsigned char>(line[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(line[i + 2]) == 0xA2 ||
                static_cast<unsigned char>(line[i + 2]) == 0x93 ||
                static_cast<unsigned char>(line[i + 2]) == 0x94)) {
      i += 3; // bullet, en dash, em dash
    } else if (c == 0xC2 && i + 1 < line.size() &&
               static_cast<unsigned char>(line[i + 1]) == 0xB7) {
      i += 2; // middle dot
    } else {
      break;
    }
  }
  return line.substr(i);
}

bool is_roman(std::string_view text) {
  if (text.empty() || text.size() > 4) {
    return false;
  }
  for (const char c : text) {
    if (c != 'i' && c != 'v' && c != 'x') {
      return false;
    }
  }
  return true;
}

// A list label: digits with dots ("2.1."), one letter, or a roman numeral.
bool is_label(std::string_view label) {
  if (label.empty() || label.size() > 12) {
    return false;
  }
  if (is_ascii_digit(label.front())) {
    for (const char c : label) {
      if (!is_ascii_digit(c) && c != '.') {
        return false;
      }
    }
    return true;
  }
  if (label.size() == 1) {
    return is_ascii_alnum(label.front());
  }
  return is_roman(to_lower_ascii(label));
}

// List numbering at the start of a line: "1.", "2.1", "a)", "(iv)".
std::string_view skip_numbering(std::string_view line) {
  const auto space = line.find_first_of(" \t");
  const std::string_view head = line.substr(0, space);
  std::string_view label = head;
  if (label.size() >= 3 && label.front() == '(' && label.back() == ')') {
    label = label.substr(1, label.size() - 2);
  } else if (!label.empty() && label.back() == ')') {
    label.remove_suffix(1);
  } else if (label.size() >= 2 && label.back() == '.' && is_ascii_digit(label.front())) {
    // "1." and "2.1." but not "a." or "v.": a line may start with "v. 2.0"
    // (the MPL's notice) or an abbreviation.
    label.remove_suffix(1);
  } else if (label.empty() || !is_ascii_digit(label.front()) ||
             label.find('.') == std::string_view::npos) {
    return line; // "2.1 Definitions" has no closing mark, "a Definitions" is a word
  }
  if (!is_label(label)) {
    return line;
  }
  return space == std::string_view::npos ? std::string_view() : line.substr(space);
}

constexpr std::array<std::string_view, 19> k_not_a_notice_after_copyright{
    "notice",     "notices", "and",     "holder",   "holders",    "owner", "owners",
    "law",        "laws",    "license", "licenses", "protection", "the",   "statement",
    "statements", "of",      "in",      "or",       "is"};

// A copyright notice line: "Copyright (c) 2019 Foo", "(C) 2001 Bar",
// "© Baz", "Copyright Joyent, Inc." - not the "copyright notice, this list of
// conditions" of a wrapped sentence.
bool is_copyright_line(std::string_view line) {
  const std::string lower = to_lower_ascii(line.substr(0, std::min<std::size_t>(line.size(), 40)));
  if (lower.starts_with("(c)") || lower.starts_with("\xc2\xa9")) {
    return true;
  }
  std::string_view rest = lower;
  if (rest.starts_with("portions ")) {
    rest.remove_prefix(9);
  }
  if (!rest.starts_with("copyright")) {
    return false;
  }
  rest.remove_prefix(9);
  if (rest.starts_with("ed") || rest.starts_with("s")) {
    return false; // copyrighted, copyrights
  }
  rest = trim(rest);
  while (!rest.empty() && (rest.front() == ':' || rest.front() == ',')) {
    rest = trim(rest.substr(1));
  }
  if (rest.empty()) {
    return false;
  }
  if (rest.starts_with("(c)") || rest.starts_with("\xc2\xa9") || is_ascii_digit(rest.front())) {
    return true;
  }
  std::size_t end = 0;
  while (end < rest.size() && is_word_byte(rest[end])) {
    ++end;
  }
  const std::string_view next = rest.substr(0, end);
  if (next.empty()) {
    return rest.front() == '<' || rest.front() == '[' || rest.front() == '{';
  }
  for (const auto word : k_not_a_notice_after_copyright) {
    if (next == word) {
      return false;
    }
  }
  return true;
}

// "SPDX-License-Identifier: MIT */" gives "MIT".
bool read_identifier(std::string_view line, std::vector<std::string>& out) {
  constexpr std::string_view k_tag = "spdx-license-identifier:";
  const std::string lower = to_lower_ascii(line);
  const auto at = lower.find(k_tag);
  if (at == std::string::npos) {
    return false;
  }
  std::string_view value = trim(line.substr(at + k_tag.size()));
  for (const std::string_view closer : {"*/", "-->", "#}", "%}", "*)", "\"", "'"}) {
    const auto end = value.find(closer);
    if (end != std::string_view::npos) {
      value = trim(value.substr(0, end));
    }
  }
  if (!value.empty() && value.size() <= 1000) {
    out.emplace_back(value);
  }
  return true;
}

} // namespace

Word word_of(std::string_view normalised) {
  // FNV-1a: stable across runs and platforms, which the index relies on.
  std::uint32_t hash = 2166136261u;
  for (const char c : normalised) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash == k_placeholder ? 1 : hash;
}

NormalisedText normalise(std::string_view text, bool placeholders, std::size_t max_words) {
  NormalisedText out;
  Words words(out, max_words);
  std::size_t line_start = 0;
  std::string word;
  char closing = 0;
  while (line_start <= text.size() && !words.full()) {
    const auto newline = text.find('\n', line_start);
    const std::size_t line_end = newline == std::string_view::npos ? text.size() : newline;
    std::string_view line = text.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (read_identifier(line, out.identifiers)) {
      continue;
    }
    line = skip_line_lead(line);
    if (is_copyright_line(line)) {
      out.copyrights.push_back(collapse_space(line));
      continue;
    }
    line = skip_numbering(line);
    for (std::size_t i = 0; i <= line.size(); ++i) {
      const char c = i < line.size() ? line[i] : ' ';
      if (closing != 0) {
        if (c == closing) {
          closing = 0;
        }
        continue;
      }
      if (is_word_byte(c)) {
        word.push_back(to_lower_ascii(c));
        continue;
      }
      if (!word.empty()) {
        words.push(word);
        word.clear();
      }
      if (placeholders && (c == '<' || c == '[')) {
        closing = c == '<' ? '>' : ']';
        words.placeholder();
      } else if (c == '&') {
        words.push_and();
      }
    }
    // A placeholder never spans lines: an unclosed bracket ends with its line.
    closing = 0;
    if (newline == std::string_view::npos) {
      break;
    }
  }
  if (line_start < text.size()) {
    out.truncated = true;
  }
  return out;
}

} // namespace kensa::model::license_text
