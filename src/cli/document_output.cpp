#include "document_output.hpp"

#include <kensa/util/file_spill.hpp>
#include <kensa/util/text_sink.hpp>

#include <CLI/CLI.hpp>
#include <sys/ioctl.h>
#include <unistd.h>

#include <iostream>
#include <string_view>
#include <vector>

namespace kensa::cli {

namespace {

// Writes straight to descriptor 1, so that a failed write is seen (iostreams
// would only set a flag) and the document is never half in a buffer.
Status write_parts_to_stdout(std::span<const std::string_view> parts) {
  std::cout.flush();
  return write_to_descriptor(STDOUT_FILENO, parts, "standard output");
}

} // namespace

void add_special_output_flag(CLI::App& command, OutputPathRules& rules) {
  command.add_flag("--allow-special-output", rules.allow_special,
                   "Let -o write through a symbolic link or into a device or FIFO (refused "
                   "otherwise; a read-only file is never replaced)");
}

Result<std::vector<format::OutputSpec>> plan_outputs(const std::vector<std::string>& texts,
                                                     const OutputPathRules& rules) {
  std::vector<format::OutputSpec> outputs;
  int to_stdout = 0;
  for (const auto& text : texts) {
    auto spec = format::parse_output_spec(text);
    if (!spec) {
      return fail(spec.error());
    }
    if (spec->file.empty()) {
      ++to_stdout;
    } else if (auto checked = check_output_path(spec->file, rules); !checked) {
      if (!rules.allow_special && is_special_output(spec->file)) {
        return fail(checked.error() + " (--allow-special-output allows it)");
      }
      return fail(checked.error());
    }
    outputs.push_back(std::move(spec).value());
  }
  if (to_stdout > 1) {
    return fail("only one output can go to standard output; give the others a file (-o "
                "FORMAT=FILE)");
  }
  return outputs;
}

namespace {

// The chunks a document streamed to its file is rendered in: small enough
// that the file is written while the rest is rendered, in memory used over
// and over rather than touched fresh for each part of the text.
constexpr std::size_t k_streamed_chunk_size = std::size_t{4} << 20U;

// Renders `document` into its file as it goes (util::FileSpill on a thread
// of its own), instead of whole into memory first, then the file.
Status stream_document(const model::Document& document, const format::OutputSpec& output,
                       const OutputPathRules& rules, format::LossReport* losses) {
  auto file = AtomicFile::open(output.file, rules);
  if (!file) {
    return fail(file.error());
  }
  int error = 0;
  {
    util::FileSpill spill((*file)->descriptor());
    util::TextSink text(k_streamed_chunk_size);
    text.spill_into(spill);
    format::render_into(text, document, output, losses);
    text.flush_spill();
    spill.drain();
    error = spill.error();
  }
  if (error != 0) {
    return fail((*file)->write_error(error));
  }
  return (*file)->commit();
}

} // namespace

Status write_document(const model::Document& document, const format::OutputSpec& output,
                      const OutputPathRules& rules, format::LossReport* losses) {
  if (!output.file.empty() && !is_special_output(output.file)) {
    return stream_document(document, output, rules, losses);
  }
  util::TextSink text;
  if (output.file.empty() && output.format->write_within != nullptr &&
      ::isatty(STDOUT_FILENO) == 1) {
    // A table read on a terminal fits its width.
    format::OutputSpec fitted = output;
    struct winsize size {};
    fitted.width =
        ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
    format::render_into(text, document, fitted, losses);
  } else {
    format::render_into(text, document, output, losses);
  }
  std::vector<std::string_view> parts;
  for (const auto piece : text.pieces()) {
    parts.emplace_back(piece.data(), piece.size());
  }
  if (output.file.empty()) {
    return write_parts_to_stdout(parts);
  }
  return write_file_atomically(output.file, parts, rules);
}

Status write_standard_output(std::string_view text) {
  return write_parts_to_stdout(std::span<const std::string_view>(&text, 1));
}

} // namespace kensa::cli
