// Fuzz entry points for the document side: JSON, the SBOM readers (each
// read document is written back in every format), the validator, purls and
// license expressions.
#include "fuzz_check.hpp"
#include "fuzz_target.hpp"
#include "write_every_format.hpp"

#include <kensa/format/reader.hpp>
#include <kensa/model/license.hpp>
#include <kensa/model/purl.hpp>
#include <kensa/util/json_document.hpp>
#include <kensa/util/strings.hpp>
#include <kensa/validate/profiles.hpp>
#include <kensa/validate/validator.hpp>

#include <string>
#include <vector>

namespace kensa::fuzz {

void run_json_document(const FuzzTarget&, std::string_view data) {
  auto document = json::Document::parse(data);
  if (document) {
    // Walk the whole tree once, without recursion (the parser's depth cap
    // is deeper than a fuzzer's stack wants to go): every value must be
    // reachable.
    std::size_t values = 0;
    std::vector<json::Value> pending{document->root()};
    while (!pending.empty()) {
      const json::Value value = pending.back();
      pending.pop_back();
      ++values;
      if (value.is_structured()) {
        for (const json::Value child : value) {
          pending.push_back(child);
        }
      }
    }
    fuzz_check(values > 0, "a parsed document has a root");
  }
}

void run_read_document(const FuzzTarget&, std::string_view data) {
  format::ReadLimits limits;
  limits.max_bytes = data.size() + 1;
  auto read = format::read_document(data, "fuzz", limits);
  if (read) {
    write_every_format(read->document);
  }
}

void run_validate(const FuzzTarget&, std::string_view data) {
  validate::ValidationOptions options;
  for (const auto& profile : validate::profile_table()) {
    options.profiles.emplace_back(profile.id);
  }
  auto report = validate::validate_document("fuzz", data, options);
  fuzz_check(report.findings.size() <= options.max_findings, "findings are capped");
}

void run_purls(const FuzzTarget&, std::string_view data) {
  for (const auto line : split(data, '\n')) {
    auto purl = model::parse_purl(line);
    if (!purl) {
      continue;
    }
    // The canonical form is a fixed point: parsed again it prints the same.
    const std::string canonical = purl->to_string();
    auto again = model::parse_purl(canonical);
    fuzz_check(again.ok(), "a canonical purl parses", canonical);
    fuzz_check(again->to_string() == canonical, "a canonical purl is a fixed point", canonical);
  }
}

void run_license_expressions(const FuzzTarget&, std::string_view data) {
  for (const auto line : split(data, '\n')) {
    auto parsed = model::parse_license_expression(line);
    if (!parsed) {
      continue;
    }
    auto again = model::parse_license_expression(parsed->canonical);
    fuzz_check(again.ok(), "a canonical license expression parses", parsed->canonical);
    fuzz_check(again->canonical == parsed->canonical,
               "a canonical license expression is a fixed point", parsed->canonical);
  }
}

} // namespace kensa::fuzz
