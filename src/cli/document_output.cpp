#include "document_output.hpp"

#include <kensa/util/atomic_file.hpp>
#include <kensa/util/text_sink.hpp>

#include <iostream>
#include <string_view>
#include <vector>

namespace kensa::cli {

Status write_document(const model::Document& document, const format::OutputSpec& output,
                      format::LossReport* losses) {
  util::TextSink text;
  format::render_into(text, document, output, losses);
  std::vector<std::string_view> parts;
  for (const auto piece : text.pieces()) {
    parts.emplace_back(piece.data(), piece.size());
  }
  if (output.file.empty()) {
    for (const auto part : parts) {
      std::cout.write(part.data(), static_cast<std::streamsize>(part.size()));
    }
    std::cout.flush();
    return ok_status();
  }
  return write_file_atomically(output.file, parts);
}

} // namespace kensa::cli
