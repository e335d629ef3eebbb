#include <kensa/format/output_spec.hpp>
#include <kensa/util/text_sink.hpp>

namespace kensa::format {

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
  auto resolved = parse_format_name(name, FormatUse::write);
  if (!resolved) {
    return fail(resolved.error());
  }
  spec.format = resolved->format;
  spec.version = std::move(resolved->version);
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
