#include "version_schemes.hpp"

#include <kensa/util/strings.hpp>

#include <optional>
#include <string>
#include <vector>

// PEP 440 (the packaging library's reading of it): epoch, release,
// pre-release, post-release, development release and local version, with
// the spellings it normalises ("1.0-alpha1", "1.0.post", "1.0-5", "v1.0").
namespace kensa::audit::versions {

namespace pep440_rules {

// Where an absent pre-, post- or dev-release sorts relative to present ones.
enum class Presence { before_all, present, after_all };

struct Part {
  Presence presence = Presence::present;
  // Rank of the letter (a = 0, b = 1, rc = 2) for pre-releases.
  int rank = 0;
  std::string_view number;
};

struct Pep440 {
  std::string_view epoch = "0";
  std::vector<std::string_view> release;
  Part pre;
  Part post;
  Part dev;
  // Lowercased, split at '.', '-' and '_'; empty when there is none.
  std::vector<std::string> local;
  bool has_local = false;
};

class Cursor {
 public:
  explicit Cursor(std::string_view text) : m_text(text) {}

  bool done() const { return m_at >= m_text.size(); }
  std::size_t at() const { return m_at; }
  void reset(std::size_t at) { m_at = at; }

  std::string_view digits() {
    const std::size_t start = m_at;
    while (m_at < m_text.size() && is_digit(m_text[m_at])) {
      ++m_at;
    }
    return m_text.substr(start, m_at - start);
  }
  bool take(char c) {
    if (m_at < m_text.size() && m_text[m_at] == c) {
      ++m_at;
      return true;
    }
    return false;
  }
  bool take_separator() { return take('.') || take('-') || take('_'); }
  // One of `words` (lowercase), case-insensitively, the first that matches.
  std::optional<std::size_t> take_word(std::initializer_list<std::string_view> words) {
    std::size_t index = 0;
    for (const std::string_view word : words) {
      if (matches(word)) {
        m_at += word.size();
        return index;
      }
      ++index;
    }
    return std::nullopt;
  }

 private:
  bool matches(std::string_view word) const {
    if (m_text.size() - m_at < word.size()) {
      return false;
    }
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (to_lower_ascii(m_text[m_at + k]) != word[k]) {
        return false;
      }
    }
    return true;
  }

  std::string_view m_text;
  std::size_t m_at = 0;
};

// The number after a pre-, post- or dev-release letter: an optional
// separator, then digits; "0" when there are none.
std::string_view part_number(Cursor& cursor) {
  const std::size_t before = cursor.at();
  cursor.take_separator();
  std::string_view number = cursor.digits();
  if (number.empty()) {
    cursor.reset(before);
    return "0";
  }
  return number;
}

std::optional<Pep440> parse(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  Pep440 version;
  Cursor cursor(text);
  if (!cursor.take('v')) {
    cursor.take('V');
  }
  std::string_view first = cursor.digits();
  if (first.empty()) {
    return std::nullopt;
  }
  if (cursor.take('!')) {
    version.epoch = first;
    first = cursor.digits();
    if (first.empty()) {
      return std::nullopt;
    }
  }
  version.release.push_back(first);
  while (true) {
    const std::size_t before = cursor.at();
    if (!cursor.take('.')) {
      break;
    }
    const std::string_view number = cursor.digits();
    if (number.empty()) {
      cursor.reset(before);
      break;
    }
    version.release.push_back(number);
  }
  // Pre-release.
  std::size_t before = cursor.at();
  cursor.take_separator();
  if (const auto word =
          cursor.take_word({"alpha", "a", "beta", "b", "preview", "pre", "c", "rc"})) {
    constexpr int k_rank[] = {0, 0, 1, 1, 2, 2, 2, 2};
    version.pre.rank = k_rank[*word];
    version.pre.number = part_number(cursor);
  } else {
    cursor.reset(before);
    version.pre.presence = Presence::after_all;
  }
  // Post-release: "-N", or a separator, a word and a number.
  before = cursor.at();
  bool post = false;
  if (cursor.take('-')) {
    const std::string_view number = cursor.digits();
    if (!number.empty()) {
      version.post.number = number;
      post = true;
    } else {
      cursor.reset(before);
    }
  }
  if (!post) {
    cursor.take_separator();
    if (cursor.take_word({"post", "rev", "r"})) {
      version.post.number = part_number(cursor);
      post = true;
    } else {
      cursor.reset(before);
    }
  }
  if (!post) {
    version.post.presence = Presence::before_all;
  }
  // Development release.
  before = cursor.at();
  cursor.take_separator();
  if (cursor.take_word({"dev"})) {
    version.dev.number = part_number(cursor);
  } else {
    cursor.reset(before);
    version.dev.presence = Presence::after_all;
  }
  // A development release of a final release comes before its
  // pre-releases.
  if (version.pre.presence == Presence::after_all && !post &&
      version.dev.presence == Presence::present) {
    version.pre.presence = Presence::before_all;
  }
  if (cursor.take('+')) {
    version.has_local = true;
    std::string segment;
    for (std::size_t k = cursor.at(); k <= text.size(); ++k) {
      const char c = k < text.size() ? text[k] : '.';
      if (c == '.' || c == '-' || c == '_') {
        if (segment.empty()) {
          return std::nullopt;
        }
        version.local.push_back(std::move(segment));
        segment.clear();
      } else if (is_digit(c) || is_alpha(c)) {
        segment += to_lower_ascii(c);
      } else {
        return std::nullopt;
      }
    }
    cursor.reset(text.size());
  }
  if (!cursor.done()) {
    return std::nullopt;
  }
  return version;
}

int compare_part(const Part& a, const Part& b) {
  if (a.presence != b.presence) {
    return a.presence < b.presence ? -1 : 1;
  }
  if (a.presence != Presence::present) {
    return 0;
  }
  if (a.rank != b.rank) {
    return a.rank < b.rank ? -1 : 1;
  }
  return compare_digits(a.number, b.number);
}

bool numeric(const std::string& segment) {
  for (const char c : segment) {
    if (!is_digit(c)) {
      return false;
    }
  }
  return true;
}

// Releases compare with trailing zeros ignored ("1.0" == "1.0.0").
int compare_release(const std::vector<std::string_view>& a,
                    const std::vector<std::string_view>& b) {
  for (std::size_t k = 0; k < a.size() || k < b.size(); ++k) {
    const std::string_view left = k < a.size() ? a[k] : "0";
    const std::string_view right = k < b.size() ? b[k] : "0";
    if (const int order = compare_digits(left, right); order != 0) {
      return order;
    }
  }
  return 0;
}

// No local version first; then segment by segment, letters before numbers,
// numbers by value, a shorter version before a longer one.
int compare_local(const Pep440& a, const Pep440& b) {
  if (a.has_local != b.has_local) {
    return a.has_local ? 1 : -1;
  }
  for (std::size_t k = 0; k < a.local.size() && k < b.local.size(); ++k) {
    const bool left_number = numeric(a.local[k]);
    const bool right_number = numeric(b.local[k]);
    int order = 0;
    if (left_number != right_number) {
      order = left_number ? 1 : -1;
    } else if (left_number) {
      order = compare_digits(a.local[k], b.local[k]);
    } else {
      order = sign(a.local[k].compare(b.local[k]));
    }
    if (order != 0) {
      return order;
    }
  }
  return sign(static_cast<long>(a.local.size()) - static_cast<long>(b.local.size()));
}

} // namespace pep440_rules

int compare_pep440(std::string_view a, std::string_view b) {
  using namespace pep440_rules;
  const auto left = parse(a);
  const auto right = parse(b);
  if (!left || !right) {
    return compare_unparsed(left.has_value(), right.has_value(), a, b);
  }
  for (const int order :
       {compare_digits(left->epoch, right->epoch), compare_release(left->release, right->release),
        compare_part(left->pre, right->pre), compare_part(left->post, right->post),
        compare_part(left->dev, right->dev)}) {
    if (order != 0) {
      return order;
    }
  }
  return compare_local(*left, *right);
}

} // namespace kensa::audit::versions
