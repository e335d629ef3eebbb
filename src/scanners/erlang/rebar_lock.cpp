#include "rebar_lock.hpp"

#include "../common/lockfile/locked_graph.hpp"
#include "../common/parsers/beam_terms.hpp"

#include <kensa/util/strings.hpp>

#include <map>

namespace kensa::scanner::erlang {

namespace {

std::string lock_text(const Term* term) {
  return term != nullptr && (term->kind == Term::Kind::string || term->kind == Term::Kind::atom)
             ? term->text
             : std::string();
}

// [{pkg_hash, [{<<"name">>, <<"HEX">>}...]}, {pkg_hash_ext, [...]}]
std::map<std::string, std::string> hashes_of(const Term* hashes, std::string_view kind) {
  std::map<std::string, std::string> found;
  const Term* list = hashes != nullptr ? hashes->find(kind) : nullptr;
  if (list == nullptr || list->kind != Term::Kind::list) {
    return found;
  }
  for (const Term& entry : list->items) {
    std::string name = lock_text(entry.at(0));
    std::string hex = lock_text(entry.at(1));
    if (entry.kind == Term::Kind::tuple && !name.empty() && !hex.empty()) {
      found.emplace(std::move(name), std::move(hex));
    }
  }
  return found;
}

} // namespace

void parse_rebar_lock(FileReport& report, const source::SourceFile& file) {
  auto terms = parse_terms(file.contents, TermSyntax::erlang);
  if (!terms) {
    report.omit("not a rebar.lock: " + terms.error());
    return;
  }
  if (terms->empty()) {
    return;
  }
  // {"1.2.0", [Deps]} (and 1.1.0), or a bare [Deps] before rebar3 3.7.
  const Term& first = terms->front();
  const Term* dependencies = &first;
  if (first.kind == Term::Kind::tuple && first.items.size() == 2 &&
      first.items[0].kind == Term::Kind::string) {
    const std::string& version = first.items[0].text;
    if (version != "1.1.0" && version != "1.2.0") {
      report.warn("lockfile version \"" + version + "\" is not one kensa knows (1.1.0, 1.2.0)");
    }
    dependencies = &first.items[1];
  }
  if (dependencies->kind != Term::Kind::list) {
    report.omit("not a rebar.lock: the dependencies are not a list");
    return;
  }
  const Term* extra = terms->size() > 1 ? &(*terms)[1] : nullptr;
  auto inner = hashes_of(extra, "pkg_hash");
  auto outer = hashes_of(extra, "pkg_hash_ext");

  LockedGraph packages(report, file);
  std::size_t index = 0;
  for (const Term& entry : dependencies->items) {
    ++index;
    std::string name = lock_text(entry.at(0));
    const Term* source = entry.at(1);
    const Term* level = entry.at(2);
    if (entry.kind != Term::Kind::tuple || name.empty() || source == nullptr ||
        source->kind != Term::Kind::tuple || source->items.empty()) {
      report.warn("dependency " + std::to_string(index) + " is not {Name, Source, Level}; skipped");
      continue;
    }
    const std::string kind = lock_text(source->at(0));
    model::Component component;
    if (kind == "pkg") {
      std::string package = lock_text(source->at(1));
      std::string version = lock_text(source->at(2));
      component = make_locked_component(report, "hex", "hex", "", package.empty() ? name : package,
                                        version);
      component.name = name;
      if (auto hash = outer.find(name); hash != outer.end()) {
        add_hex_hash(report, component, model::HashAlgorithm::sha256, hash->second);
      }
      if (auto hash = inner.find(name); hash != inner.end()) {
        component.add_property(std::string(k_property_inner_checksum),
                               to_lower_ascii(hash->second));
      }
    } else if (kind == "git" || kind == "git_subdir") {
      std::string url = lock_text(source->at(1));
      const Term* reference = source->at(2);
      std::string revision = reference != nullptr ? lock_text(reference->at(1)) : std::string();
      std::vector<std::pair<std::string, std::string>> qualifiers;
      if (!url.empty()) {
        qualifiers.emplace_back("vcs_url", "git+" + url + (revision.empty() ? "" : "@" + revision));
      }
      component =
          make_locked_component(report, "hex", "hex", "", name, revision, std::move(qualifiers));
      if (!url.empty()) {
        component.external_references.push_back(model::ExternalReference{"vcs", url});
      }
      if (!revision.empty()) {
        component.add_property(std::string(k_property_git_revision), revision);
      }
    } else {
      report.warn("dependency " + name + ": source " + kind + " is not one kensa knows; skipped");
      continue;
    }
    bool direct = level != nullptr && level->kind == Term::Kind::number && level->text == "0";
    if (level != nullptr && level->kind == Term::Kind::number) {
      component.add_property(std::string(k_property_level), level->text);
    }
    if (!packages.add(name, std::move(component))) {
      break;
    }
    if (direct) {
      packages.direct(name);
    }
  }
  packages.finish();
}

} // namespace kensa::scanner::erlang
