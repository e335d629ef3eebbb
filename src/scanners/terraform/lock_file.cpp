#include "lock_file.hpp"

#include <algorithm>
#include <optional>

namespace kensa::scanner::terraform {

namespace {

enum class TokenKind {
  word,
  string,
  open_brace,
  close_brace,
  open_bracket,
  close_bracket,
  equals,
  comma,
  newline,
  other,
  end
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;
  std::size_t line = 0;
};

// Turns the text into tokens one at a time; an unterminated string or block
// comment ends the input (reported through `error`).
class Lexer {
 public:
  explicit Lexer(std::string_view text) : m_text(text) {}

  Token next() {
    skip_blanks_and_comments();
    Token token;
    token.line = m_line;
    if (m_at >= m_text.size()) {
      return token;
    }
    char c = m_text[m_at];
    if (c == '\n') {
      ++m_at;
      ++m_line;
      token.kind = TokenKind::newline;
      return token;
    }
    if (c == '"') {
      return read_string(token);
    }
    if (is_word_char(c)) {
      std::size_t start = m_at;
      while (m_at < m_text.size() && is_word_char(m_text[m_at])) {
        ++m_at;
      }
      token.kind = TokenKind::word;
      token.text = std::string(m_text.substr(start, m_at - start));
      return token;
    }
    ++m_at;
    switch (c) {
    case '{':
      token.kind = TokenKind::open_brace;
      break;
    case '}':
      token.kind = TokenKind::close_brace;
      break;
    case '[':
      token.kind = TokenKind::open_bracket;
      break;
    case ']':
      token.kind = TokenKind::close_bracket;
      break;
    case '=':
      token.kind = TokenKind::equals;
      break;
    case ',':
      token.kind = TokenKind::comma;
      break;
    default:
      token.kind = TokenKind::other;
      token.text = std::string(1, c);
      break;
    }
    return token;
  }

  const std::string& error() const { return m_error; }

 private:
  static bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  }

  void skip_blanks_and_comments() {
    while (m_at < m_text.size()) {
      char c = m_text[m_at];
      if (c == ' ' || c == '\t' || c == '\r') {
        ++m_at;
      } else if (c == '#' || (c == '/' && m_text.substr(m_at, 2) == "//")) {
        m_at = std::min(m_text.find('\n', m_at), m_text.size());
      } else if (m_text.substr(m_at, 2) == "/*") {
        std::size_t end = m_text.find("*/", m_at + 2);
        if (end == std::string_view::npos) {
          fail("a /* comment is not closed");
          return;
        }
        for (std::size_t i = m_at; i < end; ++i) {
          m_line += m_text[i] == '\n' ? 1 : 0;
        }
        m_at = end + 2;
      } else {
        return;
      }
    }
  }

  Token read_string(Token& token) {
    ++m_at; // the opening quote
    std::string value;
    while (m_at < m_text.size()) {
      char c = m_text[m_at++];
      if (c == '"') {
        token.kind = TokenKind::string;
        token.text = std::move(value);
        return token;
      }
      if (c == '\n') {
        break; // HCL strings hold no raw newline
      }
      if (c == '\\' && m_at < m_text.size()) {
        char escaped = m_text[m_at++];
        switch (escaped) {
        case 'n':
          value += '\n';
          break;
        case 't':
          value += '\t';
          break;
        case 'r':
          value += '\r';
          break;
        default:
          value += escaped; // \" \\ and the rest as themselves
          break;
        }
        continue;
      }
      value += c;
    }
    fail("line " + std::to_string(token.line) + ": a string is not closed");
    return Token{TokenKind::end, {}, token.line};
  }

  void fail(std::string message) {
    if (m_error.empty()) {
      m_error = std::move(message);
    }
    m_at = m_text.size();
  }

  std::string_view m_text;
  std::size_t m_at = 0;
  std::size_t m_line = 1;
  std::string m_error;
};

class Reader {
 public:
  explicit Reader(std::string_view text) : m_lexer(text) { advance(); }

  LockFile read() {
    while (m_token.kind != TokenKind::end && m_result.stopped.empty()) {
      if (m_token.kind == TokenKind::newline) {
        advance();
        continue;
      }
      read_top_level();
    }
    // A string or comment that does not end is why the rest could not be
    // read, whatever the reader then found missing.
    if (!m_lexer.error().empty()) {
      m_result.stopped = m_lexer.error();
    }
    return std::move(m_result);
  }

 private:
  void advance() { m_token = m_lexer.next(); }

  void problem(std::size_t line, std::string message) {
    m_result.problems.push_back("line " + std::to_string(line) + ": " + std::move(message));
  }

  // `provider "<address>" {` or another block or attribute, skipped.
  void read_top_level() {
    Token first = m_token;
    if (first.kind != TokenKind::word) {
      problem(first.line, "expected a block or an attribute");
      advance();
      skip_line();
      return;
    }
    advance();
    if (first.text == "provider" && m_token.kind == TokenKind::string) {
      LockedProvider provider;
      provider.address = m_token.text;
      provider.line = first.line;
      advance();
      if (m_token.kind != TokenKind::open_brace) {
        problem(first.line, "provider \"" + provider.address.substr(0, 200) + "\" has no { body");
        skip_line();
        return;
      }
      advance();
      if (!read_provider_body(provider)) {
        return;
      }
      if (m_result.providers.size() >= k_max_providers) {
        m_result.stopped = "more than " + std::to_string(k_max_providers) + " providers";
        return;
      }
      m_result.providers.push_back(std::move(provider));
      return;
    }
    // Another block (`<type> "label"... {`) or a top-level attribute.
    while (m_token.kind == TokenKind::string || m_token.kind == TokenKind::word) {
      advance();
    }
    if (m_token.kind == TokenKind::open_brace) {
      skip_nested(TokenKind::close_brace);
    } else {
      skip_line();
    }
  }

  // The attributes up to the closing brace; false when the file ended first.
  bool read_provider_body(LockedProvider& provider) {
    while (true) {
      switch (m_token.kind) {
      case TokenKind::end:
        m_result.stopped = "provider \"" + provider.address.substr(0, 200) + "\" (line " +
                           std::to_string(provider.line) + ") is not closed";
        return false;
      case TokenKind::newline:
        advance();
        continue;
      case TokenKind::close_brace:
        advance();
        return true;
      case TokenKind::word:
        read_attribute(provider);
        if (!m_result.stopped.empty()) {
          return false;
        }
        continue;
      case TokenKind::open_brace:
        skip_nested(TokenKind::close_brace);
        continue;
      default:
        problem(m_token.line,
                "unexpected text in provider \"" + provider.address.substr(0, 200) + "\"");
        skip_line();
        continue;
      }
    }
  }

  void read_attribute(LockedProvider& provider) {
    Token name = m_token;
    advance();
    if (m_token.kind == TokenKind::open_brace || m_token.kind == TokenKind::string) {
      // A nested block: skip its labels and body.
      while (m_token.kind == TokenKind::string) {
        advance();
      }
      if (m_token.kind == TokenKind::open_brace) {
        skip_nested(TokenKind::close_brace);
      }
      return;
    }
    if (m_token.kind != TokenKind::equals) {
      problem(name.line, "\"" + name.text.substr(0, 100) + "\" is not followed by =");
      skip_line();
      return;
    }
    advance();
    if (name.text == "hashes") {
      read_hashes(provider, name.line);
      return;
    }
    std::string* target = name.text == "version"       ? &provider.version
                          : name.text == "constraints" ? &provider.constraints
                                                       : nullptr;
    if (m_token.kind == TokenKind::string) {
      if (target != nullptr) {
        *target = m_token.text;
      }
      advance();
      return;
    }
    if (target != nullptr) {
      problem(name.line, name.text + " is not a string");
    }
    skip_value();
  }

  void read_hashes(LockedProvider& provider, std::size_t line) {
    if (m_token.kind != TokenKind::open_bracket) {
      problem(line, "hashes is not a list");
      skip_value();
      return;
    }
    advance();
    bool capped = false;
    while (true) {
      switch (m_token.kind) {
      case TokenKind::end:
        m_result.stopped = "the hashes list of line " + std::to_string(line) + " is not closed";
        return;
      case TokenKind::close_bracket:
        advance();
        return;
      case TokenKind::string:
        if (provider.hashes.size() < k_max_hashes) {
          provider.hashes.push_back(m_token.text);
        } else if (!capped) {
          problem(line,
                  "more than " + std::to_string(k_max_hashes) + " hashes; the rest was not read");
          capped = true;
        }
        advance();
        continue;
      case TokenKind::newline:
      case TokenKind::comma:
        advance();
        continue;
      case TokenKind::close_brace:
        // The provider's body ends inside the list: its reader closes it.
        problem(line, "the hashes list is not closed");
        return;
      default:
        problem(m_token.line, "a hash is not a string");
        advance();
        continue;
      }
    }
  }

  // A value that is not a plain string: a list, an object or an expression
  // up to the end of its line.
  void skip_value() {
    if (m_token.kind == TokenKind::open_bracket) {
      skip_nested(TokenKind::close_bracket);
    } else if (m_token.kind == TokenKind::open_brace) {
      skip_nested(TokenKind::close_brace);
    } else {
      skip_line();
    }
  }

  // From an opening token to its matching close, any brackets or braces
  // inside counted; nesting deeper than k_max_depth stops the file.
  void skip_nested(TokenKind close) {
    std::vector<TokenKind> closers{close};
    std::size_t line = m_token.line;
    advance();
    while (!closers.empty()) {
      if (m_token.kind == TokenKind::end) {
        m_result.stopped =
            "a block or list opened at line " + std::to_string(line) + " is not closed";
        return;
      }
      if (m_token.kind == TokenKind::open_brace || m_token.kind == TokenKind::open_bracket) {
        if (closers.size() >= k_max_depth) {
          m_result.stopped = "nesting deeper than " + std::to_string(k_max_depth) + " at line " +
                             std::to_string(m_token.line);
          return;
        }
        closers.push_back(m_token.kind == TokenKind::open_brace ? TokenKind::close_brace
                                                                : TokenKind::close_bracket);
      } else if (m_token.kind == closers.back()) {
        closers.pop_back();
      } else if (m_token.kind == TokenKind::close_brace ||
                 m_token.kind == TokenKind::close_bracket) {
        problem(m_token.line, "a closing bracket does not match");
      }
      advance();
    }
  }

  void skip_line() {
    while (m_token.kind != TokenKind::newline && m_token.kind != TokenKind::end) {
      if (m_token.kind == TokenKind::open_brace || m_token.kind == TokenKind::open_bracket) {
        skip_nested(m_token.kind == TokenKind::open_brace ? TokenKind::close_brace
                                                          : TokenKind::close_bracket);
        if (!m_result.stopped.empty()) {
          return;
        }
        continue;
      }
      if (m_token.kind == TokenKind::close_brace) {
        return; // the end of the enclosing block: its reader takes it
      }
      advance();
    }
  }

  Lexer m_lexer;
  Token m_token;
  LockFile m_result;
};

} // namespace

LockFile parse_lock_file(std::string_view text) {
  return Reader(text).read();
}

} // namespace kensa::scanner::terraform
