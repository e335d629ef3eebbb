#include "spdx2_tag_value_draft.hpp"

namespace kensa::format::tag_value {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

// Splits at runs of white space, at most `parts` pieces (the last keeps the
// rest of the text).
std::vector<std::string_view> split_words(std::string_view text, std::size_t parts) {
  std::vector<std::string_view> words;
  text = trim(text);
  while (!text.empty()) {
    if (words.size() + 1 == parts) {
      words.push_back(text);
      break;
    }
    auto end = text.find_first_of(" \t");
    words.push_back(text.substr(0, end));
    if (end == std::string_view::npos) {
      break;
    }
    text = trim(text.substr(end));
  }
  return words;
}

std::optional<long long> parse_number(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 18) {
    return std::nullopt;
  }
  long long number = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    number = number * 10 + (c - '0');
  }
  return number;
}

DraftValue DraftValue::of_text(std::string_view text, std::size_t line) {
  DraftValue value;
  value.kind = Kind::text;
  value.text = text;
  value.line = static_cast<std::uint32_t>(line);
  return value;
}

DraftValue DraftValue::of_boolean(bool flag, std::size_t line) {
  DraftValue value;
  value.kind = Kind::boolean;
  value.flag = flag;
  value.line = static_cast<std::uint32_t>(line);
  return value;
}

DraftValue DraftValue::of_number(std::string_view digits) {
  DraftValue value;
  value.kind = Kind::number;
  value.text = trim(digits);
  return value;
}

DraftValue DraftValue::object(std::size_t line) {
  DraftValue value;
  value.line = static_cast<std::uint32_t>(line);
  return value;
}

DraftValue DraftValue::array(std::size_t line) {
  DraftValue value;
  value.kind = Kind::array;
  value.line = static_cast<std::uint32_t>(line);
  return value;
}

std::size_t DraftValue::item_count() const {
  return children.size();
}

DraftValue& DraftValue::last_item() {
  return item(children.size() - 1);
}

void DraftValue::push_item(DraftValue value) {
  add({}, std::move(value));
}

DraftValue& DraftValue::item(std::size_t index) {
  return children[index].value;
}

const DraftValue& DraftValue::item(std::size_t index) const {
  return children[index].value;
}

DraftValue* DraftValue::find(std::string_view name) {
  for (auto it = children.rbegin(); it != children.rend(); ++it) {
    if (it->name == name) {
      return &it->value;
    }
  }
  return nullptr;
}

void DraftValue::add(std::string_view name, DraftValue value) {
  children.push_back({name, std::move(value)});
}

bool DraftValue::set(std::string_view name, DraftValue value) {
  if (DraftValue* existing = find(name)) {
    *existing = std::move(value);
    return true;
  }
  add(name, std::move(value));
  return false;
}

DraftValue checksum_of(std::string_view value, bool& ok) {
  DraftValue checksum = DraftValue::object();
  auto colon = value.find(':');
  ok = colon != std::string_view::npos;
  if (ok) {
    checksum.add("algorithm", DraftValue::of_text(trim(value.substr(0, colon))));
    checksum.add("checksumValue", DraftValue::of_text(trim(value.substr(colon + 1))));
  }
  return checksum;
}

DraftValue verification_code_of(std::string_view value) {
  DraftValue code = DraftValue::object();
  auto open = value.find('(');
  code.add("packageVerificationCodeValue", DraftValue::of_text(trim(value.substr(0, open))));
  if (open != std::string_view::npos) {
    std::string_view inside = value.substr(open + 1);
    inside = inside.substr(0, inside.rfind(')'));
    auto colon = inside.find(':');
    std::string_view files =
        trim(colon == std::string_view::npos ? inside : inside.substr(colon + 1));
    DraftValue excluded = DraftValue::array(0);
    for (auto word : split_words(files, 1000)) {
      if (!word.empty() && word.back() == ',') {
        word.remove_suffix(1);
      }
      excluded.push_item(DraftValue::of_text(word));
    }
    code.add("packageVerificationCodeExcludedFiles", std::move(excluded));
  }
  return code;
}

// Strings `out` borrows from the text take no room of their own.
void measure_draft(const DraftValue& value, const json::Builder& out, DraftSize& size) {
  ++size.nodes;
  switch (value.kind) {
  case DraftValue::Kind::text:
    if (!out.borrows(value.text)) {
      size.string_bytes += value.text.size();
    }
    break;
  case DraftValue::Kind::boolean:
  case DraftValue::Kind::number:
    break;
  case DraftValue::Kind::object:
    for (const auto& member : value.children) {
      ++size.nodes;
      size.string_bytes += member.name.size();
      measure_draft(member.value, out, size);
    }
    break;
  case DraftValue::Kind::array:
    size.items += value.children.size();
    for (const auto& item : value.children) {
      measure_draft(item.value, out, size);
    }
    break;
  }
}

// Writes `value` into `out`, noting the line of every value that has one.
void write_draft(const DraftValue& value, json::Builder& out, std::vector<std::uint32_t>& lines) {
  if (value.line != 0) {
    const std::uint32_t node = out.next_node();
    if (lines.size() <= node) {
      lines.resize(node + 1);
    }
    lines[node] = value.line;
  }
  switch (value.kind) {
  case DraftValue::Kind::text:
    out.string(value.text);
    break;
  case DraftValue::Kind::boolean:
    out.boolean(value.flag);
    break;
  case DraftValue::Kind::number:
    out.integer(parse_number(value.text).value_or(0));
    break;
  case DraftValue::Kind::object:
    out.begin_object();
    for (const auto& member : value.children) {
      out.key(member.name);
      write_draft(member.value, out, lines);
    }
    out.end();
    break;
  case DraftValue::Kind::array:
    out.begin_array();
    for (const auto& item : value.children) {
      write_draft(item.value, out, lines);
    }
    out.end();
    break;
  }
}

} // namespace kensa::format::tag_value
