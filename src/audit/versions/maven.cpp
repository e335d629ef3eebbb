#include "version_schemes.hpp"

#include <kensa/util/strings.hpp>

#include <array>
#include <memory>
#include <string>
#include <vector>

// Maven's ComparableVersion (maven-artifact 3.8/3.9): a version is a list of
// numbers, qualifiers and sub-lists; '-' and a change between digits and
// letters open a sub-list, trailing "null" items (0, "", "final", ...) are
// dropped, and known qualifiers rank alpha < beta < milestone < rc <
// snapshot < release < sp < any other.
namespace kensa::audit::versions {

namespace maven_rules {

struct Item;
using List = std::vector<Item>;

enum class Kind { number, qualifier, list };

// One field per kind rather than a std::variant, on which GCC 12 raises
// false -Wmaybe-uninitialized warnings when a vector of items grows.
struct Item {
  Kind kind = Kind::number;
  // Numbers: digits without leading zeros, empty for zero. Qualifiers:
  // known ones their rank as one digit; others "7-" and the text, which
  // sorts after every known one, as Maven's own key does.
  std::string text;
  std::unique_ptr<List> list;
};

Item number_item(std::string digits) {
  return Item{Kind::number, std::move(digits), nullptr};
}
Item qualifier_item(std::string key) {
  return Item{Kind::qualifier, std::move(key), nullptr};
}

constexpr std::array<std::string_view, 7> k_qualifiers{"alpha",    "beta", "milestone", "rc",
                                                       "snapshot", "",     "sp"};
// The key of the release qualifier (""), which a missing item equals.
constexpr std::string_view k_release_key = "5";

Item make_qualifier(std::string value, bool followed_by_digit) {
  if (followed_by_digit && value.size() == 1) {
    if (value == "a") {
      value = "alpha";
    } else if (value == "b") {
      value = "beta";
    } else if (value == "m") {
      value = "milestone";
    }
  }
  if (value == "ga" || value == "final" || value == "release") {
    value.clear();
  } else if (value == "cr") {
    value = "rc";
  }
  for (std::size_t k = 0; k < k_qualifiers.size(); ++k) {
    if (k_qualifiers[k] == value) {
      return qualifier_item(std::string(1, static_cast<char>('0' + k)));
    }
  }
  return qualifier_item(std::to_string(k_qualifiers.size()) + "-" + value);
}

Item parse_item(bool digits, std::string_view text) {
  if (digits) {
    while (!text.empty() && text.front() == '0') {
      text.remove_prefix(1);
    }
    return number_item(std::string(text));
  }
  return make_qualifier(std::string(text), false);
}

bool is_null(const Item& item) {
  switch (item.kind) {
  case Kind::number:
    return item.text.empty();
  case Kind::qualifier:
    return item.text == k_release_key;
  case Kind::list:
    break;
  }
  return item.list->empty();
}

// Drops null items from the end, stopping at the first that is neither
// null nor a list.
void normalize(List& list) {
  for (std::size_t k = list.size(); k-- > 0;) {
    if (is_null(list[k])) {
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(k));
    } else if (list[k].kind != Kind::list) {
      break;
    }
  }
}

List parse(std::string_view version) {
  const std::string text = to_lower_ascii(version);
  List root;
  // The lists opened so far, innermost last; each is normalised at the end,
  // innermost first.
  std::vector<List*> stack{&root};
  List* list = &root;
  auto open_list = [&] {
    list->push_back(Item{Kind::list, {}, std::make_unique<List>()});
    list = list->back().list.get();
    stack.push_back(list);
  };
  bool digits = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' || c == '-') {
      if (i == start) {
        list->push_back(number_item({}));
      } else {
        list->push_back(parse_item(digits, std::string_view(text).substr(start, i - start)));
      }
      start = i + 1;
      if (c == '-') {
        open_list();
      }
    } else if (is_digit(c)) {
      if (!digits && i > start) {
        list->push_back(make_qualifier(text.substr(start, i - start), true));
        start = i;
        open_list();
      }
      digits = true;
    } else {
      if (digits && i > start) {
        list->push_back(parse_item(true, std::string_view(text).substr(start, i - start)));
        start = i;
        open_list();
      }
      digits = false;
    }
  }
  if (text.size() > start) {
    list->push_back(parse_item(digits, std::string_view(text).substr(start)));
  }
  while (!stack.empty()) {
    normalize(*stack.back());
    stack.pop_back();
  }
  return root;
}

int compare_items(const Item* a, const Item* b);

// A list against a missing item: its items in turn against nothing.
int compare_list_with_nothing(const List& list) {
  for (const Item& item : list) {
    if (const int order = compare_items(&item, nullptr); order != 0) {
      return order;
    }
  }
  return 0;
}

int compare_lists(const List& a, const List& b) {
  for (std::size_t k = 0; k < a.size() || k < b.size(); ++k) {
    const Item* left = k < a.size() ? &a[k] : nullptr;
    const Item* right = k < b.size() ? &b[k] : nullptr;
    const int order = left == nullptr ? -compare_items(right, left) : compare_items(left, right);
    if (order != 0) {
      return order;
    }
  }
  return 0;
}

// Maven's Item.compareTo: `b` null stands for a missing item.
int compare_items(const Item* a, const Item* b) {
  if (a == nullptr) {
    return b == nullptr ? 0 : -compare_items(b, nullptr);
  }
  switch (a->kind) {
  case Kind::number:
    if (b == nullptr) {
      return a->text.empty() ? 0 : 1;
    }
    return b->kind == Kind::number ? compare_digits(a->text, b->text) : 1;
  case Kind::qualifier:
    if (b == nullptr) {
      return sign(a->text.compare(k_release_key));
    }
    return b->kind == Kind::qualifier ? sign(a->text.compare(b->text)) : -1;
  case Kind::list:
    break;
  }
  if (b == nullptr) {
    return compare_list_with_nothing(*a->list);
  }
  switch (b->kind) {
  case Kind::number:
    return -1;
  case Kind::qualifier:
    return 1;
  case Kind::list:
    break;
  }
  return compare_lists(*a->list, *b->list);
}

} // namespace maven_rules

int compare_maven(std::string_view a, std::string_view b) {
  using namespace maven_rules;
  const List left = parse(a);
  const List right = parse(b);
  return compare_lists(left, right);
}

} // namespace kensa::audit::versions
