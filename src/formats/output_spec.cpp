#include <kensa/format/output_spec.hpp>
#include <kensa/util/text_sink.hpp>

#include <algorithm>

namespace kensa::format {

namespace {

std::string known_formats() {
  std::string list;
  for (const auto& format : output_formats()) {
    if (!list.empty()) {
      list += ", ";
    }
    list += format.name;
  }
  return list;
}

std::string known_versions(const OutputFormat& format) {
  std::string list;
  for (auto version : format.versions) {
    if (!list.empty()) {
      list += ", ";
    }
    list += version;
  }
  return list;
}

} // namespace

Result<OutputSpec> parse_output_spec(std::string_view text) {
  OutputSpec spec;
  std::string_view name = text;
  if (auto equals = name.find('='); equals != std::string_view::npos) {
    spec.file = std::string(name.substr(equals + 1));
    name = name.substr(0, equals);
    if (spec.file.empty()) {
      return fail("output '" + std::string(text) + "' has an empty file name");
    }
    if (spec.file == "-") {
      spec.file.clear();
    }
  }
  std::string_view version;
  if (auto at = name.find('@'); at != std::string_view::npos) {
    version = name.substr(at + 1);
    name = name.substr(0, at);
  }
  spec.format = find_output_format(name);
  if (spec.format == nullptr) {
    return fail("unknown output format '" + std::string(name) + "' (known: " + known_formats() +
                ")");
  }
  if (version.empty()) {
    spec.version = std::string(spec.format->default_version);
  } else {
    const auto& versions = spec.format->versions;
    if (std::find(versions.begin(), versions.end(), version) == versions.end()) {
      if (versions.empty()) {
        return fail("output format '" + std::string(name) + "' has no versions");
      }
      return fail("output format '" + std::string(name) + "' has no version '" +
                  std::string(version) + "' (known: " + known_versions(*spec.format) + ")");
    }
    spec.version = std::string(version);
  }
  return spec;
}

void render_into(util::TextSink& out, const model::Document& document, const OutputSpec& spec,
                 LossReport* losses) {
  LossReport ignored;
  if (spec.width > 0 && spec.format->write_within != nullptr) {
    spec.format->write_within(document, spec.width, out);
    return;
  }
  spec.format->write(document, spec.version, out, losses != nullptr ? *losses : ignored);
}

std::string render(const model::Document& document, const OutputSpec& spec, LossReport* losses) {
  // Chunks instead of one doubling buffer (util/text_sink.hpp): a big
  // document is not copied on the way and needs no spare half of its size.
  util::TextSink out;
  render_into(out, document, spec, losses);
  return out.take();
}

} // namespace kensa::format
