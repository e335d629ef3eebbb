#include "renderers.hpp"

#include <nlohmann/json.hpp>

#include <map>

namespace kensa::validate::report {

namespace {

using Json = nlohmann::ordered_json;

std::string_view sarif_level(Severity severity) {
  switch (severity) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  case Severity::info:
    return "note";
  }
  return "error";
}

Json location_json(const std::string& path, const Finding& finding) {
  Json physical;
  physical["artifactLocation"] = {{"uri", path}};
  if (finding.line > 0) {
    physical["region"] = {{"startLine", finding.line}};
  }
  Json location;
  location["physicalLocation"] = std::move(physical);
  if (!finding.location.empty()) {
    location["logicalLocations"] = Json::array({{{"fullyQualifiedName", finding.location}}});
  }
  return location;
}

} // namespace

std::string render_sarif(std::span<const DocumentReport> reports, const ReportOptions& options) {
  // Rules in order of first use, each listed once; results point at them
  // by index, as SARIF viewers expect.
  std::map<std::string, std::size_t> rule_index;
  Json rules = Json::array();
  Json results = Json::array();
  auto add = [&](const std::string& path, const Finding& finding) {
    auto [it, inserted] = rule_index.emplace(finding.rule, rules.size());
    if (inserted) {
      Json rule;
      rule["id"] = finding.rule;
      rule["helpUri"] = "https://github.com/kensa-sbom/kensa/blob/main/docs/validate/rules.md";
      if (!finding.hint.empty()) {
        rule["help"] = {{"text", finding.hint}};
      }
      rules.push_back(std::move(rule));
    }
    Json result;
    result["ruleId"] = finding.rule;
    result["ruleIndex"] = it->second;
    result["level"] = sarif_level(finding.severity);
    result["message"] = {{"text", finding.message}};
    result["locations"] = Json::array({location_json(path, finding)});
    results.push_back(std::move(result));
  };
  for (const auto& report : reports) {
    if (!report.read_error.empty()) {
      add(report.path, Finding{Severity::error, "READ", "", 0, report.read_error, {}});
      continue;
    }
    for (const auto& finding : report.findings) {
      add(report.path, finding);
    }
  }
  Json driver;
  driver["name"] = "kensa";
  driver["version"] = options.tool_version;
  driver["informationUri"] = "https://github.com/kensa-sbom/kensa";
  driver["rules"] = std::move(rules);
  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["results"] = std::move(results);
  Json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = Json::array({std::move(run)});
  return sarif.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace kensa::validate::report
