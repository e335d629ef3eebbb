#include "gemspec_ruby.hpp"

#include <kensa/util/strings.hpp>

#include <map>
#include <optional>
#include <set>

namespace kensa::scanner::ruby {

namespace {

// Far above real gemspecs (a few hundred lines, a few dozen dependencies).
constexpr std::size_t k_max_statements = 100'000;
constexpr std::size_t k_max_dependencies = 10'000;
constexpr std::size_t k_max_list_items = 10'000;
// A statement continued over more lines than this (an array of authors
// one per line) is read no further.
constexpr std::size_t k_max_statement_lines = 500;

bool is_identifier_char(char c) {
  return is_ascii_alnum(c) || c == '_';
}

char closing_of(char open) {
  switch (open) {
  case '(':
    return ')';
  case '[':
    return ']';
  case '{':
    return '}';
  case '<':
    return '>';
  default:
    return open;
  }
}

// Reads Ruby string literals and arrays of them from a statement, and
// nothing else: a value computed by code is not a literal.
class LiteralReader {
 public:
  explicit LiteralReader(std::string_view text) : m_text(text) {}

  // Skips white space and comments (an array over several lines may have
  // one after an item).
  void skip_space() {
    while (m_at < m_text.size()) {
      char c = m_text[m_at];
      if (c == '#') {
        std::size_t end = m_text.find('\n', m_at);
        m_at = end == std::string_view::npos ? m_text.size() : end;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++m_at;
      } else {
        break;
      }
    }
  }
  bool take(char c) {
    skip_space();
    if (m_at < m_text.size() && m_text[m_at] == c) {
      ++m_at;
      return true;
    }
    return false;
  }
  // "text", 'text', %q<text> and the like, then .freeze or similar.
  std::optional<std::string> string() {
    skip_space();
    if (m_at >= m_text.size()) {
      return std::nullopt;
    }
    std::optional<std::string> value;
    char c = m_text[m_at];
    if (c == '"') {
      ++m_at;
      value = double_quoted();
    } else if (c == '\'') {
      ++m_at;
      value = delimited('\'', '\'', false);
    } else if (c == '%' && m_at + 2 < m_text.size() &&
               (m_text[m_at + 1] == 'q' || m_text[m_at + 1] == 'Q')) {
      char open = m_text[m_at + 2];
      m_at += 3;
      value = delimited(open, closing_of(open), true);
    } else {
      return std::nullopt;
    }
    if (value) {
      skip_methods();
    }
    return value;
  }

  // A string, or an array of strings ([...] or %w[...]); nullopt when the
  // value is anything else.
  std::optional<std::vector<std::string>> strings() {
    skip_space();
    std::vector<std::string> values;
    if (m_at + 2 < m_text.size() && m_text[m_at] == '%' &&
        (m_text[m_at + 1] == 'w' || m_text[m_at + 1] == 'W')) {
      char open = m_text[m_at + 2];
      m_at += 3;
      auto words = delimited(open, closing_of(open), true);
      if (!words) {
        return std::nullopt;
      }
      for (auto word : split(*words, ' ')) {
        if (!trim(word).empty() && values.size() < k_max_list_items) {
          values.emplace_back(trim(word));
        }
      }
      skip_methods();
      return values;
    }
    if (!take('[')) {
      auto single = string();
      if (!single) {
        return std::nullopt;
      }
      values.push_back(std::move(*single));
      return values;
    }
    if (take(']')) {
      skip_methods();
      return values;
    }
    while (true) {
      auto item = string();
      if (!item) {
        return std::nullopt;
      }
      if (values.size() < k_max_list_items) {
        values.push_back(std::move(*item));
      }
      if (take(']')) {
        skip_methods();
        return values;
      }
      if (!take(',')) {
        return std::nullopt;
      }
      if (take(']')) { // A trailing comma.
        skip_methods();
        return values;
      }
    }
  }

  bool unterminated() const { return m_unterminated; }

 private:
  // .freeze, .dup, .to_s: they leave the text as it is.
  void skip_methods() {
    for (std::string_view method : {".freeze", ".dup", ".to_s"}) {
      if (m_text.substr(m_at).starts_with(method)) {
        m_at += method.size();
        skip_methods();
        return;
      }
    }
  }

  std::optional<std::string> double_quoted() {
    std::string out;
    while (m_at < m_text.size()) {
      char c = m_text[m_at++];
      if (c == '"') {
        return out;
      }
      if (c == '#' && m_at < m_text.size() && m_text[m_at] == '{') {
        return std::nullopt; // Interpolation: computed, not literal.
      }
      if (c != '\\' || m_at >= m_text.size()) {
        out += c;
        continue;
      }
      char escaped = m_text[m_at++];
      switch (escaped) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'e':
        out += '\x1b';
        break;
      case 'u':
        unicode_escape(out);
        break;
      default:
        out += escaped;
        break;
      }
    }
    m_unterminated = true;
    return std::nullopt;
  }

  // \uXXXX or \u{X...}.
  void unicode_escape(std::string& out) {
    bool braced = m_at < m_text.size() && m_text[m_at] == '{';
    if (braced) {
      ++m_at;
    }
    char32_t code = 0;
    std::size_t digits = 0;
    while (m_at < m_text.size() && hex_digit_value(m_text[m_at]) >= 0 &&
           (braced ? digits < 6 : digits < 4)) {
      code = code * 16 + static_cast<char32_t>(hex_digit_value(m_text[m_at]));
      ++m_at;
      ++digits;
    }
    if (braced && m_at < m_text.size() && m_text[m_at] == '}') {
      ++m_at;
    }
    if (digits > 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF)) {
      append_utf8(out, code);
    }
  }

  // Text up to `close`, with `open`/`close` pairs nested inside when they
  // differ, as %q<> reads.
  std::optional<std::string> delimited(char open, char close, bool nests) {
    std::string out;
    std::size_t depth = 0;
    while (m_at < m_text.size()) {
      char c = m_text[m_at++];
      if (c == '\\' && m_at < m_text.size() &&
          (m_text[m_at] == close || m_text[m_at] == '\\' || m_text[m_at] == open)) {
        out += m_text[m_at++];
        continue;
      }
      if (nests && open != close && c == open) {
        ++depth;
      } else if (c == close) {
        if (depth == 0) {
          return out;
        }
        --depth;
      }
      out += c;
    }
    m_unterminated = true;
    return std::nullopt;
  }

  std::string_view m_text;
  std::size_t m_at = 0;
  bool m_unterminated = false;
};

// How many more brackets open than close in `line` outside quoted text
// and comments: enough to know that an array goes on to the next line.
int bracket_balance(std::string_view line) {
  int balance = 0;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      break;
    } else if (c == '[' || c == '(') {
      ++balance;
    } else if (c == ']' || c == ')') {
      --balance;
    }
  }
  return balance;
}

// `<receiver>.<method>` at the start of `statement`: the method's name,
// with `statement` moved past it; empty when the statement is no such call.
std::string_view method_called(std::string_view& statement) {
  std::size_t at = 0;
  while (at < statement.size() && is_identifier_char(statement[at])) {
    ++at;
  }
  if (at == 0 || at >= statement.size() || statement[at] != '.') {
    return {};
  }
  std::size_t start = ++at;
  while (at < statement.size() && is_identifier_char(statement[at])) {
    ++at;
  }
  std::string_view method = statement.substr(start, at - start);
  statement.remove_prefix(at);
  return method;
}

class GemspecReader {
 public:
  explicit GemspecReader(ProblemList& problems) : m_problems(problems) {}

  void statement(std::string_view text, std::size_t line) {
    std::string_view rest = trim(text);
    std::string_view method = method_called(rest);
    if (method.empty()) {
      return;
    }
    LiteralReader reader(rest);
    if (method.starts_with("add_") && method.ends_with("dependency")) {
      dependency(method, reader, line);
    } else if (reader.take('=') && !reader.take('=')) {
      assignment(method, reader);
    }
    if (reader.unterminated()) {
      m_problems.push_back("line " + std::to_string(line) + ": a string is not terminated");
    }
  }

  Gem finish() {
    std::set<std::string> development;
    for (const auto& dependency : m_dependencies) {
      if (dependency.development) {
        development.insert(dependency.name);
      }
    }
    std::set<std::string> seen;
    for (auto& dependency : m_dependencies) {
      if (!seen.insert(dependency.name).second) {
        continue;
      }
      dependency.development = development.count(dependency.name) != 0;
      m_gem.dependencies.push_back(std::move(dependency));
    }
    return std::move(m_gem);
  }

 private:
  void assignment(std::string_view attribute, LiteralReader& reader) {
    static const std::map<std::string_view, std::string Gem::*> k_texts{
        {"name", &Gem::name},         {"version", &Gem::version}, {"platform", &Gem::platform},
        {"homepage", &Gem::homepage}, {"summary", &Gem::summary},
    };
    if (auto text = k_texts.find(attribute); text != k_texts.end()) {
      if (auto value = reader.string()) {
        m_gem.*(text->second) = *value == "ruby" && attribute == "platform" ? "" : *value;
      }
      return;
    }
    if (attribute == "license" || attribute == "licenses") {
      if (auto values = reader.strings()) {
        m_gem.licenses = std::move(*values);
      }
    } else if (attribute == "author" || attribute == "authors") {
      if (auto values = reader.strings()) {
        m_gem.authors = std::move(*values);
      }
    }
  }

  void dependency(std::string_view method, LiteralReader& reader, std::size_t line) {
    reader.take('(');
    auto name = reader.string();
    if (!name) {
      return; // A name computed by code.
    }
    if (m_dependencies.size() >= k_max_dependencies) {
      if (m_dependencies.size() == k_max_dependencies) {
        m_problems.push_back("line " + std::to_string(line) + ": more than " +
                             std::to_string(k_max_dependencies) +
                             " dependencies; the rest are not read");
        m_dependencies.emplace_back();
      }
      return;
    }
    GemDependency dependency;
    dependency.name = std::move(*name);
    dependency.development = method == "add_development_dependency";
    while (reader.take(',')) {
      auto requirements = reader.strings();
      if (!requirements) {
        break;
      }
      for (auto& requirement : *requirements) {
        dependency.requirement += (dependency.requirement.empty() ? "" : ", ") + requirement;
      }
    }
    m_dependencies.push_back(std::move(dependency));
  }

  ProblemList& m_problems;
  Gem m_gem;
  std::vector<GemDependency> m_dependencies;
};

} // namespace

Gem read_ruby_gemspec(std::string_view text, ProblemList& problems) {
  GemspecReader reader(problems);
  std::size_t line_number = 0;
  std::size_t statements = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string statement(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    std::size_t first_line = ++line_number;
    if (trim(statement).starts_with('#')) {
      continue;
    }
    // An array or a call going on over the next lines.
    int balance = bracket_balance(statement);
    for (std::size_t more = 0; balance > 0 && !text.empty() && more < k_max_statement_lines;
         ++more) {
      end = text.find('\n');
      std::string_view next = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      ++line_number;
      balance += bracket_balance(next);
      statement += '\n';
      statement += next;
    }
    if (++statements > k_max_statements) {
      problems.push_back("more than " + std::to_string(k_max_statements) +
                         " lines; the rest are not read");
      break;
    }
    reader.statement(statement, first_line);
  }
  // Remove the placeholder a capped dependency list leaves.
  Gem gem = reader.finish();
  std::erase_if(gem.dependencies, [](const GemDependency& d) { return d.name.empty(); });
  return gem;
}

} // namespace kensa::scanner::ruby
