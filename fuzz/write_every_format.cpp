#include "write_every_format.hpp"

#include <kensa/format/output_spec.hpp>
#include <kensa/format/writer.hpp>
#include <kensa/util/text_sink.hpp>

#include <string>

namespace kensa::fuzz {

void write_every_format(const model::Document& document) {
  for (const auto& format : format::output_formats()) {
    format::OutputSpec spec{&format, std::string(format.default_version), {}};
    util::TextSink out;
    format::LossReport losses;
    format::render_into(out, document, spec, &losses);
  }
}

} // namespace kensa::fuzz
