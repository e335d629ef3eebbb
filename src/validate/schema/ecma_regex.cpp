#include "ecma_regex.hpp"

#include "utf8.hpp"

#include <kensa/util/strings.hpp>

#include <re2/re2.h>

#include <array>
#include <cstdio>
#include <utility>

namespace kensa::validate::schema {

namespace {

// ECMA-262 \s: WhiteSpace and LineTerminator, wider than RE2's \s.
constexpr std::string_view k_ecma_space_ranges =
    "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}"
    "\\x{205F}\\x{3000}\\x{FEFF}";

// ECMA-262 '.' excludes every line terminator, RE2's only \n.
constexpr std::string_view k_ecma_dot = "[^\\n\\r\\x{2028}\\x{2029}]";

// Long Unicode general category names ECMA-262 accepts, and RE2's short ones.
constexpr std::array<std::pair<std::string_view, std::string_view>, 38> k_category_names{{
    {"Letter", "L"},
    {"Cased_Letter", "LC"},
    {"Uppercase_Letter", "Lu"},
    {"Lowercase_Letter", "Ll"},
    {"Titlecase_Letter", "Lt"},
    {"Modifier_Letter", "Lm"},
    {"Other_Letter", "Lo"},
    {"Mark", "M"},
    {"Combining_Mark", "M"},
    {"Nonspacing_Mark", "Mn"},
    {"Spacing_Mark", "Mc"},
    {"Enclosing_Mark", "Me"},
    {"Number", "N"},
    {"Decimal_Number", "Nd"},
    {"digit", "Nd"},
    {"Letter_Number", "Nl"},
    {"Other_Number", "No"},
    {"Punctuation", "P"},
    {"punct", "P"},
    {"Connector_Punctuation", "Pc"},
    {"Dash_Punctuation", "Pd"},
    {"Open_Punctuation", "Ps"},
    {"Close_Punctuation", "Pe"},
    {"Initial_Punctuation", "Pi"},
    {"Final_Punctuation", "Pf"},
    {"Other_Punctuation", "Po"},
    {"Symbol", "S"},
    {"Math_Symbol", "Sm"},
    {"Currency_Symbol", "Sc"},
    {"Modifier_Symbol", "Sk"},
    {"Other_Symbol", "So"},
    {"Separator", "Z"},
    {"Space_Separator", "Zs"},
    {"Line_Separator", "Zl"},
    {"Paragraph_Separator", "Zp"},
    {"Other", "C"},
    {"Control", "Cc"},
    {"Format", "Cf"},
}};

unsigned hex_value(std::string_view digits) {
  unsigned value = 0;
  for (const char c : digits) {
    value = value * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return value;
}

std::string code_point_escape(char32_t code_point) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\x{%X}", static_cast<unsigned>(code_point));
  return buffer;
}

class Translator {
 public:
  explicit Translator(std::string_view pattern) : m_in(pattern) {}

  std::string run(EcmaRegex::Status& status, std::string& problem) {
    while (m_pos < m_in.size() && m_status == EcmaRegex::Status::ok) {
      step();
    }
    if (m_status == EcmaRegex::Status::ok && m_in_class) {
      fail(EcmaRegex::Status::invalid, "unterminated character class");
    }
    status = m_status;
    problem = m_problem;
    return m_out;
  }

 private:
  void fail(EcmaRegex::Status status, std::string problem) {
    if (m_status == EcmaRegex::Status::ok) {
      m_status = status;
      m_problem = std::move(problem);
    }
  }

  void step() {
    const char c = m_in[m_pos];
    if (c == '\\') {
      escape();
      return;
    }
    if (m_in_class) {
      class_char(c);
      return;
    }
    switch (c) {
    case '.':
      m_out += k_ecma_dot;
      ++m_pos;
      return;
    case '[':
      open_class();
      return;
    case '(':
      group();
      return;
    case '{':
      quantifier();
      return;
    case ']':
    case '}':
      // A lone closing bracket is a syntax error in Unicode-mode ECMA-262.
      fail(EcmaRegex::Status::invalid, std::string("lone '") + c + "'");
      return;
    default:
      copy_code_point();
      return;
    }
  }

  void copy_code_point() {
    const std::size_t start = m_pos;
    next_code_point(m_in, m_pos);
    m_out.append(m_in.substr(start, m_pos - start));
  }

  // "{n}", "{n,}" or "{n,m}", copied as is; any other '{' is a syntax
  // error in Unicode-mode ECMA-262.
  void quantifier() {
    std::size_t i = m_pos + 1;
    const auto digits = [&] {
      const std::size_t start = i;
      while (i < m_in.size() && m_in[i] >= '0' && m_in[i] <= '9') {
        ++i;
      }
      return i > start;
    };
    bool ok = digits();
    if (ok && i < m_in.size() && m_in[i] == ',') {
      ++i;
      digits();
    }
    ok = ok && i < m_in.size() && m_in[i] == '}';
    if (!ok) {
      fail(EcmaRegex::Status::invalid, "lone '{'");
      return;
    }
    m_out.append(m_in.substr(m_pos, i + 1 - m_pos));
    m_pos = i + 1;
  }

  void open_class() {
    ++m_pos;
    if (m_in.substr(m_pos).starts_with("^]")) {
      // [^] matches any code point.
      m_out += "[\\x{0}-\\x{10FFFF}]";
      m_pos += 2;
      return;
    }
    if (m_in.substr(m_pos).starts_with("]")) {
      // [] matches nothing.
      m_out += "[^\\x{0}-\\x{10FFFF}]";
      m_pos += 1;
      return;
    }
    m_in_class = true;
    m_out += '[';
    if (m_pos < m_in.size() && m_in[m_pos] == '^') {
      m_out += '^';
      ++m_pos;
    }
  }

  void class_char(char c) {
    if (c == ']') {
      m_in_class = false;
      m_out += ']';
      ++m_pos;
      return;
    }
    if (c == '[') {
      // Literal in ECMA-262; RE2 would read "[:alpha:]" as a POSIX class.
      m_out += "\\[";
      ++m_pos;
      return;
    }
    copy_code_point();
  }

  void group() {
    const std::string_view rest = m_in.substr(m_pos);
    if (rest.starts_with("(?=") || rest.starts_with("(?!")) {
      fail(EcmaRegex::Status::unsupported,
           "lookahead is supported only at the start of the pattern");
      return;
    }
    if (rest.starts_with("(?<=") || rest.starts_with("(?<!")) {
      fail(EcmaRegex::Status::unsupported, "lookbehind is not supported");
      return;
    }
    if (rest.starts_with("(?<")) {
      m_out += "(?P<";
      m_pos += 3;
      return;
    }
    if (rest.starts_with("(?:")) {
      m_out += "(?:";
      m_pos += 3;
      return;
    }
    if (rest.starts_with("(?")) {
      fail(EcmaRegex::Status::invalid, "invalid group");
      return;
    }
    m_out += '(';
    ++m_pos;
  }

  void escape() {
    if (m_pos + 1 >= m_in.size()) {
      fail(EcmaRegex::Status::invalid, "pattern ends with '\\'");
      return;
    }
    const char c = m_in[m_pos + 1];
    m_pos += 2;
    switch (c) {
    case 'd':
    case 'D':
    case 'w':
    case 'W':
      m_out += '\\';
      m_out += c;
      return;
    case 'b':
      m_out += m_in_class ? "\\x08" : "\\b";
      return;
    case 'B':
      if (m_in_class) {
        fail(EcmaRegex::Status::invalid, "\\B in a character class");
        return;
      }
      m_out += "\\B";
      return;
    case 's':
      if (m_in_class) {
        m_out += k_ecma_space_ranges;
      } else {
        m_out += '[';
        m_out += k_ecma_space_ranges;
        m_out += ']';
      }
      return;
    case 'S':
      if (m_in_class) {
        // A negated set cannot nest inside a class in RE2; its own \S
        // differs only in \v and the non-ASCII spaces.
        m_out += "\\S";
      } else {
        m_out += "[^";
        m_out += k_ecma_space_ranges;
        m_out += ']';
      }
      return;
    case 't':
      m_out += "\\t";
      return;
    case 'n':
      m_out += "\\n";
      return;
    case 'r':
      m_out += "\\r";
      return;
    case 'f':
      m_out += "\\f";
      return;
    case 'v':
      m_out += "\\x{0B}";
      return;
    case '0':
      if (m_pos < m_in.size() && m_in[m_pos] >= '0' && m_in[m_pos] <= '9') {
        fail(EcmaRegex::Status::invalid, "octal escape");
        return;
      }
      m_out += "\\x{0}";
      return;
    case 'x':
      if (m_pos + 2 > m_in.size() || !is_ascii_hex_digit(m_in[m_pos]) ||
          !is_ascii_hex_digit(m_in[m_pos + 1])) {
        fail(EcmaRegex::Status::invalid, "\\x needs two hex digits");
        return;
      }
      m_out += code_point_escape(hex_value(m_in.substr(m_pos, 2)));
      m_pos += 2;
      return;
    case 'u':
      unicode_escape();
      return;
    case 'c':
      if (m_pos < m_in.size() && ((m_in[m_pos] | 0x20) >= 'a' && (m_in[m_pos] | 0x20) <= 'z')) {
        m_out += code_point_escape(static_cast<char32_t>(m_in[m_pos] % 32));
        ++m_pos;
        return;
      }
      fail(EcmaRegex::Status::invalid, "\\c needs a letter");
      return;
    case 'p':
    case 'P':
      property_escape(c);
      return;
    case 'k':
      fail(EcmaRegex::Status::unsupported, "named backreferences are not supported");
      return;
    default:
      break;
    }
    if (c >= '1' && c <= '9') {
      fail(EcmaRegex::Status::unsupported, "backreferences are not supported");
      return;
    }
    if (c == '-' && !m_in_class) {
      fail(EcmaRegex::Status::invalid, "\\- outside a character class");
      return;
    }
    // Unicode-mode ECMA-262 allows identity escapes only of syntax
    // characters and '/'.
    static constexpr std::string_view k_syntax = "^$\\.*+?()[]{}|/-";
    if (k_syntax.find(c) != std::string_view::npos) {
      m_out += '\\';
      m_out += c;
      return;
    }
    fail(EcmaRegex::Status::invalid, std::string("invalid escape \\") + c);
  }

  void unicode_escape() {
    if (m_pos < m_in.size() && m_in[m_pos] == '{') {
      const auto close = m_in.find('}', m_pos);
      const auto digits =
          m_in.substr(m_pos + 1, close == std::string_view::npos ? 0 : close - m_pos - 1);
      if (close == std::string_view::npos || digits.empty() || digits.size() > 6 ||
          digits.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos ||
          hex_value(digits) > 0x10FFFF) {
        fail(EcmaRegex::Status::invalid, "invalid \\u{...} escape");
        return;
      }
      m_out += code_point_escape(hex_value(digits));
      m_pos = close + 1;
      return;
    }
    const auto read4 = [this](std::size_t at, unsigned& value) {
      if (at + 4 > m_in.size()) {
        return false;
      }
      const auto digits = m_in.substr(at, 4);
      if (digits.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos) {
        return false;
      }
      value = hex_value(digits);
      return true;
    };
    unsigned value = 0;
    if (!read4(m_pos, value)) {
      fail(EcmaRegex::Status::invalid, "\\u needs four hex digits");
      return;
    }
    m_pos += 4;
    if (value >= 0xD800 && value <= 0xDBFF && m_in.substr(m_pos).starts_with("\\u")) {
      unsigned low = 0;
      if (read4(m_pos + 2, low) && low >= 0xDC00 && low <= 0xDFFF) {
        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
        m_pos += 6;
      }
    }
    if (value >= 0xD800 && value <= 0xDFFF) {
      fail(EcmaRegex::Status::unsupported, "a lone surrogate cannot occur in UTF-8 text");
      return;
    }
    m_out += code_point_escape(value);
  }

  void property_escape(char letter) {
    if (m_pos >= m_in.size() || m_in[m_pos] != '{') {
      fail(EcmaRegex::Status::invalid, std::string("\\") + letter + " needs {name}");
      return;
    }
    const auto close = m_in.find('}', m_pos);
    if (close == std::string_view::npos) {
      fail(EcmaRegex::Status::invalid, "unterminated property escape");
      return;
    }
    std::string_view name = m_in.substr(m_pos + 1, close - m_pos - 1);
    m_pos = close + 1;
    for (const std::string_view prefix : {"General_Category=", "gc=", "Script=", "sc="}) {
      if (name.starts_with(prefix)) {
        name.remove_prefix(prefix.size());
        break;
      }
    }
    if (name.find('=') != std::string_view::npos) {
      fail(EcmaRegex::Status::unsupported, "property " + std::string(name) + " is not supported");
      return;
    }
    for (const auto& [long_name, short_name] : k_category_names) {
      if (name == long_name) {
        name = short_name;
        break;
      }
    }
    // RE2 reports names it does not know when the whole pattern compiles.
    m_out += '\\';
    m_out += letter;
    m_out += '{';
    m_out += name;
    m_out += '}';
  }

  std::string_view m_in;
  std::size_t m_pos = 0;
  bool m_in_class = false;
  std::string m_out;
  EcmaRegex::Status m_status = EcmaRegex::Status::ok;
  std::string m_problem;
};

// The index just past the group opening at `open`, skipping escapes and
// classes, or npos when it is not closed.
std::size_t group_end(std::string_view pattern, std::size_t open) {
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = open; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

bool has_top_level_alternation(std::string_view pattern) {
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return true;
    }
  }
  return false;
}

std::shared_ptr<const re2::RE2> compile_re2(const std::string& pattern, EcmaRegex::Status& status,
                                            std::string& problem) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_never_capture(true);
  auto regex = std::make_shared<const re2::RE2>(pattern, options);
  if (!regex->ok()) {
    // RE2 caps repetition counts at 1000; ECMA-262 does not.
    status = regex->error_code() == re2::RE2::ErrorRepeatSize ? EcmaRegex::Status::unsupported
                                                              : EcmaRegex::Status::invalid;
    problem = regex->error();
    return nullptr;
  }
  return regex;
}

} // namespace

std::string translate_ecma_regex(std::string_view pattern, EcmaRegex::Status& status,
                                 std::string& problem) {
  return Translator(pattern).run(status, problem);
}

EcmaRegex EcmaRegex::compile(std::string_view pattern) {
  EcmaRegex result;
  std::string_view body = pattern;
  std::vector<std::pair<std::string, bool>> conditions;
  if (body.starts_with("^(?=") || body.starts_with("^(?!")) {
    // "^(?!A)B" holds when "^B" matches and "^A" does not: the lookahead looks
    // at the start of the text only, so it splits off as its own expression.
    body.remove_prefix(1);
    while (body.starts_with("(?=") || body.starts_with("(?!")) {
      const auto end = group_end(body, 0);
      if (end == std::string_view::npos) {
        result.m_status = Status::invalid;
        result.m_problem = "unterminated group";
        return result;
      }
      conditions.emplace_back("^" + std::string(body.substr(3, end - 4)), body[2] == '=');
      body.remove_prefix(end);
    }
    if (has_top_level_alternation(body)) {
      result.m_status = Status::unsupported;
      result.m_problem = "lookahead is supported only before a pattern without top-level '|'";
      return result;
    }
    conditions.emplace_back("^" + std::string(body), true);
    body = {};
  }

  Status status = Status::ok;
  std::string problem;
  if (conditions.empty()) {
    const std::string translated = translate_ecma_regex(body, status, problem);
    if (status == Status::ok) {
      result.m_main = compile_re2(translated, status, problem);
    }
  } else {
    for (auto& [text, must_match] : conditions) {
      const std::string translated = translate_ecma_regex(text, status, problem);
      if (status != Status::ok) {
        break;
      }
      auto regex = compile_re2(translated, status, problem);
      if (status != Status::ok) {
        break;
      }
      result.m_conditions.push_back(Condition{std::move(regex), must_match});
    }
    if (status == Status::ok) {
      // The last condition is the pattern's body.
      result.m_main = std::move(result.m_conditions.back().regex);
      result.m_conditions.pop_back();
    }
  }
  result.m_status = status;
  result.m_problem = std::move(problem);
  if (status != Status::ok) {
    result.m_main.reset();
    result.m_conditions.clear();
  }
  return result;
}

bool EcmaRegex::search(std::string_view text) const {
  const re2::StringPiece piece(text.data(), text.size());
  for (const auto& condition : m_conditions) {
    if (re2::RE2::PartialMatch(piece, *condition.regex) != condition.must_match) {
      return false;
    }
  }
  return re2::RE2::PartialMatch(piece, *m_main);
}

} // namespace kensa::validate::schema
