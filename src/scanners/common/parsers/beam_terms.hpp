#pragma once

#include <kensa/util/result.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Literal terms of the BEAM languages as lockfiles and application
// resource files hold them: Elixir's mix.lock (a map literal), Erlang's
// rebar.lock and .app files (terms ending with '.'). Only literals: no
// operators, no calls, no variables. One reader, with its caps.
namespace kensa::scanner {

// The deepest nesting accepted: real files nest five or six levels.
inline constexpr std::size_t k_max_term_depth = 64;
// Terms (every atom, string, number, tuple, list and map) in one file.
inline constexpr std::size_t k_max_term_count = 500'000;

struct Term {
  enum class Kind {
    // `foo`, `'Foo'` (Erlang); `:foo`, `:"foo"`, `true`, `nil` (Elixir).
    atom,
    // "text" (a charlist in Erlang, a binary in Elixir), <<"text">>.
    string,
    // Integers and floats, as written.
    number,
    tuple,
    list,
    // %{...}: items hold key, value, key, value...
    map,
  };
  Kind kind = Kind::atom;
  std::string text;
  std::vector<Term> items;

  bool is_atom(std::string_view name) const { return kind == Kind::atom && text == name; }
  // Element `index` of a tuple or list, or nullptr.
  const Term* at(std::size_t index) const {
    return (kind == Kind::tuple || kind == Kind::list) && index < items.size() ? &items[index]
                                                                               : nullptr;
  }
  // The value of `key` in a map (string or atom key) or in a list of
  // {key, value} tuples (an Elixir keyword list, an Erlang proplist), or
  // nullptr.
  const Term* find(std::string_view key) const;
};

enum class TermSyntax {
  // Elixir: %{"k": v, k => v}, [k: v], :atom, "string", trailing commas.
  elixir,
  // Erlang: atom, 'atom', "string", <<"binary">>, each term ending in '.'.
  erlang,
};

// The terms of `text`, in order (an Elixir file holds one). Fails with
// "line L: <what>" on a syntax error, nesting deeper than k_max_term_depth
// or more than k_max_term_count terms. Never throws for bad input.
Result<std::vector<Term>> parse_terms(std::string_view text, TermSyntax syntax);

} // namespace kensa::scanner
