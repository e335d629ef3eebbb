#include "record.hpp"

#include <kensa/util/lines.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>

namespace kensa::scanner::python {

namespace {

// Splits one CSV line into fields, honouring double quotes (paths may hold
// commas) and "" inside them. nullopt for an unterminated quote.
std::optional<std::vector<std::string>> split_csv_line(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          fields.back() += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        fields.back() += c;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted) {
    return std::nullopt;
  }
  return fields;
}

} // namespace

std::optional<model::Hash> decode_record_hash(std::string_view text, std::string& problem) {
  std::size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    problem = "hash \"" + std::string(text) + "\" is not \"<algorithm>=<digest>\"";
    return std::nullopt;
  }
  auto algorithm = model::parse_hash_algorithm(text.substr(0, equals));
  if (!algorithm) {
    problem = "unknown hash algorithm \"" + std::string(text.substr(0, equals)) + "\"";
    return std::nullopt;
  }
  std::string_view digest = text.substr(equals + 1);
  // Debian's dh-python writes hex digests instead of base64. A base64
  // SHA-256 is 43 characters long, a hex one 64, so the two cannot be
  // confused.
  bool is_hex = std::all_of(digest.begin(), digest.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  if (is_hex && digest.size() == model::hash_hex_length(*algorithm)) {
    return model::Hash{*algorithm, std::string(digest)};
  }
  // The URL-safe alphabet, without padding (PEP 376, PEP 427).
  std::string standard(digest);
  for (char& c : standard) {
    if (c == '-') {
      c = '+';
    } else if (c == '_') {
      c = '/';
    }
  }
  auto bytes = model::decode_base64(standard);
  if (!bytes) {
    problem = "bad base64 in hash: " + bytes.error();
    return std::nullopt;
  }
  std::string hex = model::to_hex(*bytes);
  if (hex.size() != model::hash_hex_length(*algorithm)) {
    problem = "a " + std::string(model::hash_algorithm_name(*algorithm)) + " digest of " +
              std::to_string(bytes->size()) + " bytes";
    return std::nullopt;
  }
  return model::Hash{*algorithm, std::move(hex)};
}

RecordParse parse_record(std::string_view text) {
  RecordParse parse;
  std::size_t line_number = 0;
  for (std::string_view line : lines(text)) {
    ++line_number;
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    if (trim(line).empty()) {
      continue;
    }
    if (parse.entries.size() >= k_max_record_rows) {
      parse.problems.push_back("more than " + std::to_string(k_max_record_rows) +
                               " rows; the rest are not read");
      break;
    }
    auto fields = split_csv_line(line);
    std::string where = "line " + std::to_string(line_number) + ": ";
    if (!fields || fields->size() != 3 || (*fields)[0].empty()) {
      parse.problems.push_back(where + "not a \"path,hash,size\" row");
      continue;
    }
    RecordEntry entry{std::move((*fields)[0]), std::nullopt};
    if (!(*fields)[1].empty()) {
      std::string problem;
      entry.hash = decode_record_hash((*fields)[1], problem);
      if (!entry.hash) {
        parse.problems.push_back(where + problem);
      }
    }
    parse.entries.push_back(std::move(entry));
  }
  return parse;
}

} // namespace kensa::scanner::python
