#pragma once

#include <cstddef>
#include <iterator>
#include <string_view>

namespace kensa {

// The lines of a text, cut at each '\n' as split(text, '\n') cuts them (a
// final '\n' gives a last, empty line), one at a time: a 64 MiB file of
// empty lines would make split's vector 1 GiB.
class Lines {
 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string_view*;
    using reference = const std::string_view&;

    iterator() = default;
    explicit iterator(std::string_view text) : m_rest(text), m_done(false) { cut(); }

    reference operator*() const { return m_line; }
    pointer operator->() const { return &m_line; }
    iterator& operator++() {
      if (m_last) {
        m_done = true;
      } else {
        cut();
      }
      return *this;
    }
    void operator++(int) { ++*this; }
    bool operator==(const iterator& other) const { return m_done && other.m_done; }

   private:
    void cut() {
      std::size_t end = m_rest.find('\n');
      m_last = end == std::string_view::npos;
      m_line = m_rest.substr(0, end);
      m_rest = m_last ? std::string_view{} : m_rest.substr(end + 1);
    }

    std::string_view m_rest;
    std::string_view m_line;
    bool m_last = false;
    bool m_done = true;
  };

  explicit Lines(std::string_view text) : m_text(text) {}
  iterator begin() const { return iterator(m_text); }
  iterator end() const { return iterator(); }

 private:
  std::string_view m_text;
};

inline Lines lines(std::string_view text) {
  return Lines(text);
}

} // namespace kensa
