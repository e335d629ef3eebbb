#include "homebrew_scanner.hpp"

#include "homebrew_component.hpp"
#include "install_receipt.hpp"

#include <kensa/scanner/file_parser_scanner.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/path_text.hpp>

#include <map>

namespace kensa::scanner::homebrew {

namespace {

struct Keg {
  std::string name;
  std::string version;
  InstallReceipt receipt;
  std::string id;
  const source::SourceFile* file = nullptr;
};

// The kegs of each Cellar, read together so that runtime dependencies
// resolve among the formulae installed beside them.
void read_cellars(ScanContext& context, const FileSet& files) {
  // Cellar location -> formula name -> kegs (one per installed version).
  std::map<std::string, std::map<std::string, std::vector<Keg>>> cellars;
  files.read_each(context, "**", [&](FileReport& report, const source::SourceFile& file) {
    std::string_view keg = folder_of(file.location);
    std::string_view formula = folder_of(keg);
    auto receipt = read_install_receipt(report, file.contents);
    if (!receipt) {
      return;
    }
    Keg entry{std::string(file_name_of(formula)),
              std::string(file_name_of(keg)),
              std::move(*receipt),
              {},
              &file};
    entry.id = context.graph().add(make_component(entry.name, entry.version, entry.receipt,
                                                  context.evidence_for(file), report));
    std::string formula_name = entry.name;
    cellars[std::string(folder_of(formula))][formula_name].push_back(std::move(entry));
  });
  for (const auto& [cellar, formulae] : cellars) {
    std::vector<std::string> unresolved;
    for (const auto& [name, kegs] : formulae) {
      for (const auto& keg : kegs) {
        for (const auto& dependency : keg.receipt.runtime_dependencies) {
          // "owner/tap/name" names a formula of another tap; kegs are named
          // by the formula alone.
          std::string target(file_name_of(dependency.full_name));
          auto installed = formulae.find(target);
          if (installed == formulae.end()) {
            unresolved.push_back(name + " -> " + dependency.full_name);
            continue;
          }
          const Keg* chosen = &installed->second.front();
          for (const auto& candidate : installed->second) {
            if (candidate.version == dependency.pkg_version) {
              chosen = &candidate;
            }
          }
          if (chosen->id != keg.id) {
            context.graph().relate(keg.id, chosen->id, model::RelationshipType::depends_on);
          }
        }
      }
    }
    if (!unresolved.empty()) {
      FileReport report(context, cellar);
      std::size_t count = unresolved.size();
      report.warn(std::to_string(count) +
                  (count == 1 ? " runtime dependency is" : " runtime dependencies are") +
                  " not installed (first: " + unresolved.front() + ")");
    }
  }
}

} // namespace

std::unique_ptr<Scanner> make_scanner() {
  return std::make_unique<FileParserScanner>(FileParserScanner::Rules{{
      file_set("Homebrew kegs",
               patterns_of_kind({"**/Cellar/*/*/INSTALL_RECEIPT.json"}, EvidenceKind::installed),
               &read_cellars),
  }});
}

} // namespace kensa::scanner::homebrew
