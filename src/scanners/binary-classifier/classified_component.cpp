#include "classified_component.hpp"

#include "../common/binary/executable.hpp"

#include <kensa/model/cpe.hpp>
#include <kensa/model/purl.hpp>
#include <kensa/util/strings.hpp>

namespace kensa::scanner::binary_classifier {

namespace {

// `text` with "{version}" replaced by `version`; without a version, a purl
// loses its "@{version}".
std::string fill(std::string_view text, std::string_view version) {
  std::string out(text);
  const std::string_view placeholder = "{version}";
  if (auto at = out.find(placeholder); at != std::string::npos) {
    if (version.empty() && at > 0 && out[at - 1] == '@') {
      out.erase(at - 1, placeholder.size() + 1);
    } else {
      out.replace(at, placeholder.size(), version);
    }
  }
  return out;
}

model::Component make_component(const ClassMatch& match, const source::SourceFile& file,
                                FileReport& report) {
  const BinaryClass& row = *match.row;
  model::Component component;
  component.type =
      row.application ? model::ComponentType::application : model::ComponentType::library;
  component.name = std::string(row.name);
  component.version = match.version;
  if (auto purl = model::parse_purl(fill(row.purl, match.version))) {
    component.ecosystem = purl->type;
    component.purl = purl->to_string();
  } else {
    report.warn(std::string(row.id) + " " + match.version + ": " + purl.error());
  }
  if (!row.cpe.empty() && !match.version.empty()) {
    if (auto version = model::escape_cpe_value(match.version)) {
      component.cpes.push_back(fill(row.cpe, *version));
    }
  }
  component.add_property(std::string(k_property_class), std::string(row.id));
  component.evidence.push_back(report.context().evidence_for(file));
  return component;
}

} // namespace

std::optional<std::string> condense_classified(const source::SourceFile& file) {
  std::string summary;
  // Only executables and libraries: a script or a text file named like a
  // program (an init script called nginx) is not the program.
  // A file over the buffer cap comes mapped: it is read chunk by chunk,
  // the pages it touches dropped again by the system.
  const std::string_view bytes = file.bytes();
  if (bytes.size() < 8 || !binary::looks_like_executable(bytes.substr(0, 64))) {
    return summary;
  }
  // The pages of a mapped file already searched are let go as the search
  // moves on, so that a 700 MB executable costs a few chunks of memory.
  std::size_t released = 0;
  auto release = [&](std::size_t up_to) {
    if (file.mapped && up_to > released) {
      file.mapped->release(released, up_to - released);
      released = up_to;
    }
  };
  for (const auto& match :
       classify_bytes(bytes, candidate_rows(file.path), std::size_t{1} << 20, release)) {
    summary += std::string(match.row->id) + '\t' + match.version + '\n';
  }
  return summary;
}

void add_classified(FileReport& report, const source::SourceFile& file) {
  for (const auto line : split(file.contents, '\n')) {
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) {
      continue;
    }
    for (const auto& row : binary_classes()) {
      if (row.id == line.substr(0, tab)) {
        const ClassMatch match{&row, std::string(line.substr(tab + 1))};
        report.context().graph().add(make_component(match, file, report));
        break;
      }
    }
  }
}

} // namespace kensa::scanner::binary_classifier
