#pragma once

#include <kensa/util/mapped_file.hpp>

#include <string>
#include <string_view>
#include <utility>

// The whole text of one input, however it was read: a mapped regular file
// (MappedFile) or a string (standard input, a pipe, a device, a text built
// in memory). Readers take it over and release it as soon as they no
// longer need it.
namespace kensa::util {

class InputText {
 public:
  InputText() = default;
  // Implicit: a string is an input text.
  InputText(std::string text) : m_string(std::move(text)) {}
  explicit InputText(MappedFile mapped) : m_mapped(std::move(mapped)), m_is_mapped(true) {}

  std::string_view view() const { return m_is_mapped ? m_mapped.text() : m_string; }
  // The text as a string that may be changed in place; null when it is a
  // mapped file (read-only).
  std::string* string() { return m_is_mapped ? nullptr : &m_string; }
  bool is_mapped() const { return m_is_mapped; }
  // Whether the file changed while it was mapped (MappedFile): what was
  // read of it is not the file.
  bool changed() const { return m_is_mapped && m_mapped.changed(); }
  // Frees the text; changed() still answers.
  void release() {
    m_mapped.release();
    std::string().swap(m_string);
  }

 private:
  std::string m_string;
  MappedFile m_mapped;
  bool m_is_mapped = false;
};

} // namespace kensa::util
