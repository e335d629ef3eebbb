// SPDX license expressions, after the grammar of SPDX 2.3 Annex D (with the
// AdditionRef- of SPDX 3.0 after WITH):
//
//   idstring          = 1*(ALPHA / DIGIT / "-" / ".")
//   license-ref       = ["DocumentRef-" idstring ":"] "LicenseRef-" idstring
//   addition-ref      = ["DocumentRef-" idstring ":"] "AdditionRef-" idstring
//   simple-expression = license-id / license-id "+" / license-ref
//   compound          = simple-expression
//                     / simple-expression "WITH" (exception-id / addition-ref)
//                     / compound "AND" compound      ; AND binds tighter
//                     / compound "OR" compound
//                     / "(" compound ")"
//
// The parse builds a small tree whose AND/OR nodes are n-ary (same-operator
// chains are flattened) so that printing it back gives the canonical text with
// parentheses only where OR sits inside AND.

#include <kensa/model/license.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kensa::model {

namespace {

constexpr std::string_view k_license_ref = "LicenseRef-";
constexpr std::string_view k_document_ref = "DocumentRef-";
constexpr std::string_view k_addition_ref = "AdditionRef-";

enum class TokenKind { open, close, op_and, op_or, op_with, term, end };

struct Token {
  TokenKind kind;
  std::string_view text;
  std::size_t offset;
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_idstring_char(char c) {
  return is_ascii_alnum(c) || c == '-' || c == '.';
}

bool is_idstring(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_idstring_char);
}

// A character as a message shows it: printable ASCII quoted, anything else
// (control bytes, UTF-8 lead bytes) as its hex value.
std::string describe_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x20 && byte < 0x7f) {
    return std::string("'") + c + "'";
  }
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
  return std::string("byte ") + buffer;
}

std::string at(std::size_t offset) {
  return " at offset " + std::to_string(offset);
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_space(c)) {
      ++i;
    } else if (c == '(' || c == ')') {
      tokens.push_back({c == '(' ? TokenKind::open : TokenKind::close, text.substr(i, 1), i});
      ++i;
    } else {
      const std::size_t start = i;
      while (i < text.size() && !is_space(text[i]) && text[i] != '(' && text[i] != ')') {
        ++i;
      }
      const auto word = text.substr(start, i - start);
      auto kind = TokenKind::term;
      if (equals_ignore_case(word, "AND")) {
        kind = TokenKind::op_and;
      } else if (equals_ignore_case(word, "OR")) {
        kind = TokenKind::op_or;
      } else if (equals_ignore_case(word, "WITH")) {
        kind = TokenKind::op_with;
      }
      tokens.push_back({kind, word, start});
    }
  }
  tokens.push_back({TokenKind::end, {}, text.size()});
  return tokens;
}

struct Node {
  enum class Kind { leaf, all_of, any_of };
  Kind kind = Kind::leaf;
  // A leaf's canonical text, e.g. "GPL-2.0-or-later WITH Classpath-exception-2.0".
  std::string text;
  std::vector<Node> children;
};

void print(const Node& node, std::string& out, bool inside_and) {
  if (node.kind == Node::Kind::leaf) {
    out += node.text;
    return;
  }
  const bool is_or = node.kind == Node::Kind::any_of;
  const bool parenthesise = is_or && inside_and;
  if (parenthesise) {
    out += '(';
  }
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (i > 0) {
      out += is_or ? " OR " : " AND ";
    }
    print(node.children[i], out, !is_or);
  }
  if (parenthesise) {
    out += ')';
  }
}

class Parser {
 public:
  Parser(std::string_view text, const LicenseList& list) : m_tokens(tokenize(text)), m_list(list) {}

  Result<ParsedLicenseExpression> run() {
    auto root = parse_or(0);
    if (root && peek().kind != TokenKind::end) {
      const auto& token = peek();
      if (token.kind == TokenKind::close) {
        fail_with("unbalanced ')'" + at(token.offset));
      } else {
        fail_with("expected AND, OR or the end of the expression" + at(token.offset) + ", found '" +
                  std::string(token.text) + "'");
      }
    }
    if (!root || m_error) {
      return fail(*m_error);
    }
    print(*root, m_result.canonical, false);
    return std::move(m_result);
  }

 private:
  const Token& peek() const { return m_tokens[m_position]; }
  const Token& advance() { return m_tokens[m_position++]; }

  void fail_with(std::string message) {
    if (!m_error) {
      m_error = std::move(message);
    }
  }

  void notice(std::string message) {
    const bool seen = std::any_of(m_result.notices.begin(), m_result.notices.end(),
                                  [&](const LicenseNotice& n) { return n.message == message; });
    if (!seen) {
      m_result.notices.push_back({std::move(message)});
    }
  }

  void add_ref(std::string ref) {
    auto& refs = m_result.license_refs;
    if (std::find(refs.begin(), refs.end(), ref) == refs.end()) {
      refs.push_back(std::move(ref));
    }
  }

  // Consumes an operator token. SPDX 2.3 reads operators in upper case only;
  // SPDX 3.0 also allows all lower case; neither allows mixed case. kensa
  // reads all three and prints upper case, so a notice tells the author.
  void take_operator(std::string_view canonical) {
    const auto& token = advance();
    if (token.text == canonical) {
      return;
    }
    const std::string written(token.text);
    if (written == to_lower_ascii(canonical)) {
      notice("operator '" + written +
             "' is lower case, which SPDX 3.0 allows and SPDX 2.3 does not; " + "written as " +
             std::string(canonical));
    } else {
      notice("operator '" + written + "' is in mixed case, which SPDX does not allow; written as " +
             std::string(canonical));
    }
  }

  std::optional<Node> parse_or(std::size_t depth) {
    return parse_chain(depth, TokenKind::op_or, "OR", Node::Kind::any_of, &Parser::parse_and);
  }

  std::optional<Node> parse_and(std::size_t depth) {
    return parse_chain(depth, TokenKind::op_and, "AND", Node::Kind::all_of, &Parser::parse_primary);
  }

  // operand (op operand)*, as one n-ary node; an operand that is itself the
  // same operator (from parentheses) is merged, since AND and OR associate.
  std::optional<Node> parse_chain(std::size_t depth, TokenKind op, std::string_view name,
                                  Node::Kind kind,
                                  std::optional<Node> (Parser::*operand)(std::size_t)) {
    auto first = (this->*operand)(depth);
    if (!first || peek().kind != op) {
      return first;
    }
    Node chain{kind, {}, {}};
    auto append = [&](Node&& child) {
      if (child.kind == kind) {
        for (auto& grandchild : child.children) {
          chain.children.push_back(std::move(grandchild));
        }
      } else {
        chain.children.push_back(std::move(child));
      }
    };
    append(std::move(*first));
    while (peek().kind == op) {
      take_operator(name);
      auto next = (this->*operand)(depth);
      if (!next) {
        return std::nullopt;
      }
      append(std::move(*next));
    }
    return chain;
  }

  std::optional<Node> parse_primary(std::size_t depth) {
    const auto& token = peek();
    switch (token.kind) {
    case TokenKind::open: {
      if (depth >= k_max_license_expression_depth) {
        fail_with("parentheses nested deeper than " +
                  std::to_string(k_max_license_expression_depth) + at(token.offset));
        return std::nullopt;
      }
      advance();
      auto inner = parse_or(depth + 1);
      if (!inner) {
        return std::nullopt;
      }
      if (peek().kind != TokenKind::close) {
        if (peek().kind == TokenKind::end) {
          fail_with("missing ')' for the '('" + at(token.offset));
        } else {
          fail_with("expected ')'" + at(peek().offset) + ", found '" + std::string(peek().text) +
                    "'");
        }
        return std::nullopt;
      }
      advance();
      if (peek().kind == TokenKind::op_with) {
        fail_with("WITH" + at(peek().offset) +
                  " must follow a single license, not a parenthesised expression");
        return std::nullopt;
      }
      return inner;
    }
    case TokenKind::term:
      return parse_license_with_exception();
    case TokenKind::end:
      fail_with(m_position == 0
                    ? std::string("empty license expression")
                    : "expected a license after '" + std::string(m_tokens[m_position - 1].text) +
                          "' at the end of the expression");
      return std::nullopt;
    case TokenKind::close:
    case TokenKind::op_and:
    case TokenKind::op_or:
    case TokenKind::op_with:
      break;
    }
    fail_with("expected a license" + at(token.offset) + ", found '" + std::string(token.text) +
              "'");
    return std::nullopt;
  }

  std::optional<Node> parse_license_with_exception() {
    auto license = parse_license(advance());
    if (!license || peek().kind != TokenKind::op_with) {
      return license;
    }
    const auto with_offset = peek().offset;
    take_operator("WITH");
    if (peek().kind != TokenKind::term) {
      fail_with(peek().kind == TokenKind::end
                    ? "expected a license exception after 'WITH'" + at(with_offset)
                    : "expected a license exception" + at(peek().offset) + ", found '" +
                          std::string(peek().text) + "'");
      return std::nullopt;
    }
    auto exception = parse_exception(advance());
    if (!exception) {
      return std::nullopt;
    }
    license->text += " WITH " + *exception;
    return license;
  }

  // "DocumentRef-doc:<Kind>Ref-id" or "<Kind>Ref-id" with the prefixes in
  // canonical case; nullopt (with the failure recorded) when malformed.
  std::optional<std::string> parse_reference(const Token& token, std::string_view prefix) {
    std::string_view rest = token.text;
    std::string canonical;
    if (starts_with_ignore_case(rest, k_document_ref)) {
      const auto colon = rest.find(':');
      const auto document = rest.substr(k_document_ref.size(), colon - k_document_ref.size());
      if (colon == std::string_view::npos || !is_idstring(document)) {
        fail_with("malformed reference '" + std::string(token.text) + "'" + at(token.offset) +
                  ": expected DocumentRef-<id>:" + std::string(prefix) + "<id>");
        return std::nullopt;
      }
      canonical = std::string(k_document_ref) + std::string(document) + ":";
      rest.remove_prefix(colon + 1);
    }
    if (!starts_with_ignore_case(rest, prefix) || !is_idstring(rest.substr(prefix.size()))) {
      fail_with("malformed reference '" + std::string(token.text) + "'" + at(token.offset) +
                ": expected " + std::string(prefix) +
                "<id> where <id> has only letters, digits, '-' and '.'");
      return std::nullopt;
    }
    return canonical + std::string(prefix) + std::string(rest.substr(prefix.size()));
  }

  bool check_idstring(const Token& token, std::string_view id, const char* what) {
    const auto bad = std::find_if_not(id.begin(), id.end(), is_idstring_char);
    if (id.empty() || bad != id.end()) {
      fail_with("invalid " + std::string(what) + " '" + std::string(token.text) + "'" +
                at(token.offset) +
                (bad != id.end() ? ": " + describe_char(*bad) + " is not allowed in an id" : ""));
      return false;
    }
    return true;
  }

  std::optional<Node> parse_license(const Token& token) {
    std::string_view id = token.text;
    const bool plus = !id.empty() && id.back() == '+';
    if (plus) {
      id.remove_suffix(1);
    }
    const bool is_reference =
        starts_with_ignore_case(id, k_license_ref) || starts_with_ignore_case(id, k_document_ref);
    if (is_reference) {
      if (plus) {
        fail_with("'+'" + at(token.offset + id.size()) +
                  " may follow only a listed license id, not a LicenseRef");
        return std::nullopt;
      }
      auto reference = parse_reference(token, k_license_ref);
      if (!reference) {
        return std::nullopt;
      }
      add_ref(*reference);
      return Node{Node::Kind::leaf, std::move(*reference), {}};
    }
    if (starts_with_ignore_case(id, k_addition_ref)) {
      fail_with("'" + std::string(token.text) + "'" + at(token.offset) +
                " is an addition; it can only follow WITH");
      return std::nullopt;
    }
    if (!check_idstring(token, id, "license id")) {
      return std::nullopt;
    }
    const auto* entry = m_list.find_license(id);
    if (entry == nullptr) {
      if (m_list.find_exception(id) != nullptr) {
        fail_with("'" + std::string(id) + "'" + at(token.offset) +
                  " is a license exception; it can only follow WITH");
      } else {
        fail_with("unknown SPDX license id '" + std::string(id) + "'" + at(token.offset) +
                  " (licenses not on the SPDX list are written LicenseRef-<id>)");
      }
      return std::nullopt;
    }
    std::string canonical = entry->id + (plus ? "+" : "");
    if (entry->deprecated) {
      notice_deprecated(*entry, plus);
    }
    if (plus && (entry->id.ends_with("-only") || entry->id.ends_with("-or-later"))) {
      notice("'" + canonical + "' adds '+' to an id that already states which versions apply");
    }
    add_ref(entry->id);
    return Node{Node::Kind::leaf, std::move(canonical), {}};
  }

  void notice_deprecated(const LicenseListEntry& entry, bool plus) {
    // The GNU ids deprecated in list 3.0 have successors named by suffix;
    // "GPL-2.0" meant "only" and "GPL-2.0+" meant "or later".
    const auto* successor = m_list.find_license(entry.id + (plus ? "-or-later" : "-only"));
    std::string message =
        plus ? "'" + entry.id + "+' uses the deprecated SPDX license id '" + entry.id + "'"
             : "'" + entry.id + "' is a deprecated SPDX license id";
    if (successor != nullptr && !successor->deprecated) {
      message += "; use " + successor->id;
    }
    notice(std::move(message));
  }

  std::optional<std::string> parse_exception(const Token& token) {
    const std::string_view id = token.text;
    if (starts_with_ignore_case(id, k_addition_ref) ||
        starts_with_ignore_case(id, k_document_ref)) {
      return parse_reference(token, k_addition_ref);
    }
    if (!id.empty() && id.back() == '+') {
      fail_with("'+'" + at(token.offset + id.size() - 1) + " cannot follow a license exception");
      return std::nullopt;
    }
    if (!check_idstring(token, id, "license exception")) {
      return std::nullopt;
    }
    const auto* entry = m_list.find_exception(id);
    if (entry == nullptr) {
      if (m_list.find_license(id) != nullptr) {
        fail_with("'" + std::string(id) + "'" + at(token.offset) +
                  " is a license, not a license exception; WITH needs an exception");
      } else {
        fail_with("unknown SPDX license exception '" + std::string(id) + "'" + at(token.offset) +
                  " (exceptions not on the SPDX list are written AdditionRef-<id>)");
      }
      return std::nullopt;
    }
    if (entry->deprecated) {
      notice("'" + entry->id + "' is a deprecated SPDX license exception");
    }
    return entry->id;
  }

  std::vector<Token> m_tokens;
  std::size_t m_position = 0;
  const LicenseList& m_list;
  std::optional<std::string> m_error;
  ParsedLicenseExpression m_result;
};

} // namespace

Result<ParsedLicenseExpression> parse_license_expression(std::string_view text) {
  if (text.size() > k_max_license_expression_length) {
    return fail("license expression is " + std::to_string(text.size()) +
                " characters long; the limit is " +
                std::to_string(k_max_license_expression_length));
  }
  return Parser(text, LicenseList::bundled()).run();
}

} // namespace kensa::model
