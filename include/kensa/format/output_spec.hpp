#pragma once

#include <kensa/format/writer.hpp>
#include <kensa/util/result.hpp>
#include <kensa/util/text_sink.hpp>

#include <string>
#include <string_view>

namespace kensa::format {

// One "-o FORMAT[@VERSION][=FILE]" argument, resolved against the writer table.
struct OutputSpec {
  const OutputFormat* format = nullptr;
  // The spec version to write: the one asked for, or the format's default.
  std::string version;
  // Empty means standard output.
  std::string file;
  // Columns the output may take (a terminal's width), for formats that have
  // a write_within; 0 for no limit.
  std::size_t width = 0;
};

// Parses `text` ("cyclonedx-json", "cyclonedx-json@1.6=sbom.json",
// "table=-"). Fails with one line naming the unknown format or version and
// listing the known ones.
Result<OutputSpec> parse_output_spec(std::string_view text);

// Renders `document` in `spec`'s format and version. What the format cannot
// hold is counted in `losses` when given.
std::string render(const model::Document& document, const OutputSpec& spec,
                   LossReport* losses = nullptr);

// The same into `out`, as the writer left it: in chunks, none of them
// copied, for a caller that writes them to a file one after the other
// (util::TextSink::pieces) instead of joining a big document into one
// string.
void render_into(util::TextSink& out, const model::Document& document, const OutputSpec& spec,
                 LossReport* losses = nullptr);

} // namespace kensa::format
