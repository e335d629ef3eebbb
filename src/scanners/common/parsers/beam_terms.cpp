#include "beam_terms.hpp"

#include <kensa/util/strings.hpp>

namespace kensa::scanner {

namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_name_char(char c) {
  return is_name_start(c) || is_ascii_digit(c) || c == '@' || c == '?' || c == '!';
}

// A recursive-descent reader over the text; depth is capped, so the
// recursion is bounded.
class TermReader {
 public:
  TermReader(std::string_view text, TermSyntax syntax) : m_text(text), m_syntax(syntax) {}

  Result<std::vector<Term>> read_all() {
    std::vector<Term> terms;
    skip_space();
    while (m_at < m_text.size()) {
      Term term;
      if (!read_term(term, 0)) {
        return fail(error());
      }
      terms.push_back(std::move(term));
      skip_space();
      if (m_syntax == TermSyntax::erlang) {
        if (!take('.')) {
          m_error = "a term does not end with '.'";
          return fail(error());
        }
        skip_space();
      }
    }
    return terms;
  }

 private:
  std::string error() const { return "line " + std::to_string(m_line) + ": " + m_error; }

  void skip_space() {
    while (m_at < m_text.size()) {
      char c = m_text[m_at];
      if (c == '\n') {
        ++m_line;
        ++m_at;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++m_at;
      } else if (c == (m_syntax == TermSyntax::elixir ? '#' : '%')) {
        while (m_at < m_text.size() && m_text[m_at] != '\n') {
          ++m_at;
        }
      } else {
        return;
      }
    }
  }

  bool take(char c) {
    if (m_at < m_text.size() && m_text[m_at] == c) {
      ++m_at;
      return true;
    }
    return false;
  }

  bool starts(std::string_view prefix) const { return m_text.substr(m_at).starts_with(prefix); }

  bool count_term() {
    if (++m_count > k_max_term_count) {
      m_error = "more than " + std::to_string(k_max_term_count) + " terms";
      return false;
    }
    return true;
  }

  bool read_quoted(char quote, std::string& out) {
    // At the opening quote.
    ++m_at;
    while (m_at < m_text.size()) {
      char c = m_text[m_at++];
      if (c == quote) {
        return true;
      }
      if (c == '\n') {
        ++m_line;
      }
      if (c == '\\' && m_at < m_text.size()) {
        char escaped = m_text[m_at++];
        switch (escaped) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        default:
          out.push_back(escaped);
          break;
        }
        continue;
      }
      out.push_back(c);
    }
    m_error = "a quoted text is not closed";
    return false;
  }

  // The items of a tuple, list or map up to `close`; maps take key-value
  // pairs (Elixir "k": v and k => v, and k: v inside lists).
  bool read_items(Term& into, char close, std::size_t depth) {
    skip_space();
    if (take(close)) {
      return true;
    }
    while (true) {
      skip_space();
      if (m_syntax == TermSyntax::elixir &&
          (into.kind == Term::Kind::map || into.kind == Term::Kind::list)) {
        // Keyword keys: "name": value or name: value.
        std::size_t start = m_at;
        std::size_t start_line = m_line;
        std::string key;
        bool keyword = false;
        if (m_at < m_text.size() && m_text[m_at] == '"') {
          if (read_quoted('"', key) && take(':') && m_at < m_text.size() &&
              (m_text[m_at] == ' ' || m_text[m_at] == '\n' || m_text[m_at] == '\t')) {
            keyword = true;
          }
        } else if (m_at < m_text.size() && is_name_start(m_text[m_at])) {
          while (m_at < m_text.size() && is_name_char(m_text[m_at])) {
            key.push_back(m_text[m_at++]);
          }
          keyword = take(':') && m_at < m_text.size() &&
                    (m_text[m_at] == ' ' || m_text[m_at] == '\n' || m_text[m_at] == '\t');
        }
        if (keyword) {
          if (!count_term()) {
            return false;
          }
          Term key_term;
          key_term.kind = into.kind == Term::Kind::map && m_text[start] == '"' ? Term::Kind::string
                                                                               : Term::Kind::atom;
          key_term.text = std::move(key);
          Term value;
          skip_space();
          if (!read_term(value, depth + 1)) {
            return false;
          }
          if (into.kind == Term::Kind::map) {
            into.items.push_back(std::move(key_term));
            into.items.push_back(std::move(value));
          } else {
            Term pair;
            pair.kind = Term::Kind::tuple;
            pair.items.push_back(std::move(key_term));
            pair.items.push_back(std::move(value));
            into.items.push_back(std::move(pair));
          }
        } else {
          m_at = start;
          m_line = start_line;
          Term item;
          if (!read_term(item, depth + 1)) {
            return false;
          }
          skip_space();
          if (into.kind == Term::Kind::map) {
            if (!take('=') || !take('>')) {
              m_error = "a map key is not followed by '=>'";
              return false;
            }
            Term value;
            skip_space();
            if (!read_term(value, depth + 1)) {
              return false;
            }
            into.items.push_back(std::move(item));
            into.items.push_back(std::move(value));
          } else {
            into.items.push_back(std::move(item));
          }
        }
      } else {
        Term item;
        if (!read_term(item, depth + 1)) {
          return false;
        }
        if (into.kind == Term::Kind::map) {
          skip_space();
          if (!take('=') || !take('>')) {
            m_error = "a map key is not followed by '=>'";
            return false;
          }
          Term value;
          skip_space();
          if (!read_term(value, depth + 1)) {
            return false;
          }
          into.items.push_back(std::move(item));
          into.items.push_back(std::move(value));
        } else {
          into.items.push_back(std::move(item));
        }
      }
      skip_space();
      if (take(close)) {
        return true;
      }
      if (m_syntax == TermSyntax::erlang && into.kind == Term::Kind::list && take('|')) {
        m_error = "an improper list";
        return false;
      }
      if (!take(',')) {
        m_error = std::string("expected ',' or '") + close + "'";
        return false;
      }
      skip_space();
      // Elixir allows a trailing comma.
      if (m_syntax == TermSyntax::elixir && take(close)) {
        return true;
      }
    }
  }

  bool read_term(Term& term, std::size_t depth) {
    if (depth >= k_max_term_depth) {
      m_error = "nested deeper than " + std::to_string(k_max_term_depth) + " levels";
      return false;
    }
    if (!count_term()) {
      return false;
    }
    skip_space();
    if (m_at >= m_text.size()) {
      m_error = "the text ends inside a term";
      return false;
    }
    char c = m_text[m_at];
    if (c == '{') {
      ++m_at;
      term.kind = Term::Kind::tuple;
      return read_items(term, '}', depth);
    }
    if (c == '[') {
      ++m_at;
      term.kind = Term::Kind::list;
      return read_items(term, ']', depth);
    }
    if (m_syntax == TermSyntax::elixir && starts("%{")) {
      m_at += 2;
      term.kind = Term::Kind::map;
      return read_items(term, '}', depth);
    }
    if (m_syntax == TermSyntax::erlang && starts("#{")) {
      m_at += 2;
      term.kind = Term::Kind::map;
      return read_items(term, '}', depth);
    }
    if (starts("<<")) {
      m_at += 2;
      skip_space();
      term.kind = Term::Kind::string;
      if (m_at < m_text.size() && m_text[m_at] == '"' && !read_quoted('"', term.text)) {
        return false;
      }
      skip_space();
      if (!take('>') || !take('>')) {
        m_error = "a binary is not a quoted text closed by '>>'";
        return false;
      }
      return true;
    }
    if (c == '"') {
      term.kind = Term::Kind::string;
      return read_quoted('"', term.text);
    }
    if (c == '\'' && m_syntax == TermSyntax::erlang) {
      term.kind = Term::Kind::atom;
      return read_quoted('\'', term.text);
    }
    if (c == ':' && m_syntax == TermSyntax::elixir) {
      ++m_at;
      term.kind = Term::Kind::atom;
      if (m_at < m_text.size() && m_text[m_at] == '"') {
        return read_quoted('"', term.text);
      }
      while (m_at < m_text.size() && is_name_char(m_text[m_at])) {
        term.text.push_back(m_text[m_at++]);
      }
      if (term.text.empty()) {
        m_error = "':' is not followed by an atom";
        return false;
      }
      return true;
    }
    if (is_ascii_digit(c) || c == '-') {
      term.kind = Term::Kind::number;
      term.text.push_back(m_text[m_at++]);
      while (m_at < m_text.size() &&
             (is_ascii_digit(m_text[m_at]) || m_text[m_at] == '_' || m_text[m_at] == '#' ||
              ((m_text[m_at] == '.' || m_text[m_at] == 'e') && m_at + 1 < m_text.size() &&
               is_ascii_digit(m_text[m_at + 1])))) {
        term.text.push_back(m_text[m_at++]);
      }
      return true;
    }
    if (is_name_start(c)) {
      // Bare atoms: Erlang's lowercase atoms, Elixir's true, false, nil
      // and aliases (Foo.Bar).
      term.kind = Term::Kind::atom;
      while (m_at < m_text.size() && (is_name_char(m_text[m_at]) ||
                                      (m_text[m_at] == '.' && m_syntax == TermSyntax::elixir))) {
        term.text.push_back(m_text[m_at++]);
      }
      return true;
    }
    m_error = std::string("unexpected '") + (static_cast<unsigned char>(c) < 0x20 ? '?' : c) + "'";
    return false;
  }

  std::string_view m_text;
  TermSyntax m_syntax;
  std::size_t m_at = 0;
  std::size_t m_line = 1;
  std::size_t m_count = 0;
  std::string m_error;
};

} // namespace

const Term* Term::find(std::string_view key) const {
  if (kind == Kind::map) {
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
      const Term& name = items[i];
      if ((name.kind == Kind::string || name.kind == Kind::atom) && name.text == key) {
        return &items[i + 1];
      }
    }
    return nullptr;
  }
  if (kind == Kind::list) {
    for (const Term& item : items) {
      if (item.kind == Kind::tuple && item.items.size() == 2 &&
          (item.items[0].kind == Kind::atom || item.items[0].kind == Kind::string) &&
          item.items[0].text == key) {
        return &item.items[1];
      }
    }
  }
  return nullptr;
}

Result<std::vector<Term>> parse_terms(std::string_view text, TermSyntax syntax) {
  return TermReader(text, syntax).read_all();
}

} // namespace kensa::scanner
