// Build-time tool: indexes the SPDX license texts (license-texts.json.xz) by
// word pair and writes the index that src/CMakeLists.txt compiles into
// kensa (model/license_text_bundled.cpp reads it).
//
//   kensa_license_index <license-texts.json.xz> <output>

#include "../model/license_text_corpus.hpp"

#include <kensa/util/atomic_file.hpp>
#include <kensa/util/decompress.hpp>

#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>

namespace {

// The texts are about 5 MB; the cap only guards against a broken checkout.
constexpr std::size_t k_max_texts_size = 64 * 1024 * 1024;

int run(const std::string& input, const std::string& output) {
  std::ifstream in(input, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    std::cerr << "kensa_license_index: cannot read " << input << '\n';
    return 1;
  }
  const std::string compressed = std::move(bytes).str();
  const auto texts = kensa::decompress(compressed, kensa::Compression::xz, k_max_texts_size);
  if (!texts) {
    std::cerr << "kensa_license_index: " << input << ": " << texts.error() << '\n';
    return 1;
  }
  const auto corpus = kensa::model::license_text::Corpus::from_texts(*texts);
  const auto written = kensa::write_file_atomically(output, corpus.serialise());
  if (!written) {
    std::cerr << "kensa_license_index: " << output << ": " << written.error() << '\n';
    return 1;
  }
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: kensa_license_index <license-texts.json.xz> <output>\n";
    return 2;
  }
  try {
    return run(argv[1], argv[2]);
  } catch (const std::exception& e) {
    std::cerr << "kensa_license_index: " << argv[1] << ": " << e.what() << '\n';
    return 1;
  }
}
