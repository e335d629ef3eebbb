#include "app_files.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/beam_terms.hpp"

#include <kensa/model/license.hpp>

#include <algorithm>
#include <array>
#include <map>

namespace kensa::scanner::erlang {

namespace {

// What one .app file says.
struct Application {
  std::string id;
  std::string name;
  // The lib folder the application is installed in: its applications
  // resolve among those beside it.
  std::string lib;
  std::vector<std::string> needs;
};

// The folder holding `<app>-<vsn>/ebin/<app>.app`.
std::string lib_folder_of(std::string_view location) {
  std::string_view path = location;
  for (int level = 0; level < 3; ++level) {
    std::size_t slash = path.rfind('/');
    path = slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
  }
  return std::string(path);
}

std::string text_of(const Term* term) {
  return term != nullptr && (term->kind == Term::Kind::string || term->kind == Term::Kind::atom)
             ? term->text
             : std::string();
}

void read_app_file(FileReport& report, const source::SourceFile& file,
                   std::vector<Application>& applications) {
  auto terms = parse_terms(file.contents, TermSyntax::erlang);
  if (!terms) {
    report.omit("not an application resource file: " + terms.error());
    return;
  }
  const Term* application = terms->empty() ? nullptr : &terms->front();
  if (application == nullptr || application->kind != Term::Kind::tuple ||
      application->items.size() != 3 || !application->items[0].is_atom("application") ||
      application->items[1].kind != Term::Kind::atom ||
      application->items[2].kind != Term::Kind::list) {
    report.omit("not an application resource file: not {application, Name, [Properties]}");
    return;
  }
  const std::string& name = application->items[1].text;
  const Term& properties = application->items[2];
  std::string version = text_of(properties.find("vsn"));
  bool bundled = is_bundled_application(name);
  model::Component component =
      make_locked_component(report, "hex", bundled ? "" : "hex", "", name, version);
  component.description = text_of(properties.find("description"));
  if (bundled) {
    component.add_property(std::string(k_property_otp), "true");
  }
  if (const Term* licenses = properties.find("licenses");
      licenses != nullptr && licenses->kind == Term::Kind::list) {
    for (const Term& license : licenses->items) {
      if (license.kind == Term::Kind::string && !license.text.empty()) {
        component.licenses_declared.push_back(model::license_from_text(license.text));
      }
    }
  }
  ScanContext& context = report.context();
  component.evidence.push_back(context.evidence_for(file));
  Application found;
  found.name = name;
  found.lib = lib_folder_of(file.location);
  found.id = context.graph().add(std::move(component));
  context.own_file(found.id, file.location);
  if (const Term* needs = properties.find("applications");
      needs != nullptr && needs->kind == Term::Kind::list) {
    for (const Term& need : needs->items) {
      if (need.kind == Term::Kind::atom && need.text != name) {
        found.needs.push_back(need.text);
      }
    }
  }
  applications.push_back(std::move(found));
}

} // namespace

bool is_bundled_application(std::string_view name) {
  // Erlang/OTP 26's applications, and Elixir's own.
  static constexpr std::array<std::string_view, 50> k_bundled{
      "asn1",       "common_test", "compiler",      "cosEvent", "crypto",     "debugger",
      "dialyzer",   "diameter",    "edoc",          "eldap",    "erl_docgen", "erl_interface",
      "erts",       "et",          "eunit",         "ftp",      "hipe",       "ic",
      "inets",      "jinterface",  "kernel",        "megaco",   "mnesia",     "observer",
      "odbc",       "orber",       "os_mon",        "otp_mibs", "parsetools", "percept",
      "public_key", "reltool",     "runtime_tools", "sasl",     "snmp",       "ssh",
      "ssl",        "stdlib",      "syntax_tools",  "tftp",     "tools",      "typer",
      "wx",         "xmerl",       "eex",           "elixir",   "ex_unit",    "iex",
      "logger",     "mix"};
  return std::find(k_bundled.begin(), k_bundled.end(), name) != k_bundled.end();
}

void read_app_files(ScanContext& context, const FileSet& files) {
  std::vector<Application> applications;
  files.read_each(context, "**/*.app", [&](FileReport& report, const source::SourceFile& file) {
    read_app_file(report, file, applications);
  });
  // Each application's needs: among those installed in the same lib
  // folder, or else the one application of that name installed anywhere
  // in the scan (Debian keeps Elixir's applications apart from Erlang's).
  std::map<std::pair<std::string, std::string>, std::string> in_lib;
  std::map<std::string, std::vector<std::string>> anywhere;
  for (const auto& application : applications) {
    in_lib.emplace(std::make_pair(application.lib, application.name), application.id);
    auto& ids = anywhere[application.name];
    if (std::find(ids.begin(), ids.end(), application.id) == ids.end()) {
      ids.push_back(application.id);
    }
  }
  for (const auto& application : applications) {
    for (const auto& need : application.needs) {
      std::string target;
      if (auto found = in_lib.find(std::make_pair(application.lib, need)); found != in_lib.end()) {
        target = found->second;
      } else if (auto named = anywhere.find(need);
                 named != anywhere.end() && named->second.size() == 1) {
        target = named->second.front();
      }
      if (!target.empty() && target != application.id) {
        context.graph().relate(application.id, target, model::RelationshipType::depends_on);
      }
    }
  }
}

} // namespace kensa::scanner::erlang
