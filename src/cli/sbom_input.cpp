#include "sbom_input.hpp"

#include "input_in_progress.hpp"
#include "limit_flags.hpp"

#include <kensa/source/document_input.hpp>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <functional>
#include <future>

namespace kensa::cli {

void add_max_document_size_flag(CLI::App& command, std::string& max_file_size) {
  command
      .add_option("--max-file-size", max_file_size,
                  "Refuse an SBOM larger than this (default: " +
                      std::to_string(source::k_default_max_document_size >> 20) + "MiB)")
      ->type_name("SIZE");
}

Result<std::uint64_t> max_document_size(const std::string& max_file_size) {
  if (max_file_size.empty()) {
    return source::k_default_max_document_size;
  }
  return parse_size_flag("--max-file-size", max_file_size);
}

namespace {

// read_sbom() without naming the input as the one being read: the caller
// names what it reads at once.
Result<format::ReadDocument> read_unnamed(const std::string& path, std::uint64_t max_bytes) {
  const std::string name = source::document_input_name(path);
  auto content = source::read_document_input(path, max_bytes);
  if (!content) {
    return fail(name + ": " + content.error());
  }
  format::ReadLimits limits;
  limits.max_bytes = static_cast<std::size_t>(max_bytes);
  auto read = format::read_document_consuming(std::move(*content), name, limits);
  if (!read) {
    return fail(read.error());
  }
  for (const auto& diagnostic : read->document.diagnostics) {
    spdlog::info("{}: {}", diagnostic.location.empty() ? name : diagnostic.location,
                 diagnostic.message);
  }
  return read;
}

} // namespace

Result<format::ReadDocument> read_sbom(const std::string& path, std::uint64_t max_bytes) {
  const InputInProgress reading(source::document_input_name(path));
  return read_unnamed(path, max_bytes);
}

Status read_sboms_in_turn(const std::vector<std::string>& paths, std::uint64_t max_bytes,
                          const std::function<void(std::size_t, format::ReadDocument)>& take) {
  for (std::size_t first = 0; first < paths.size(); first += 2) {
    std::string names = source::document_input_name(paths[first]);
    const bool pair = first + 1 < paths.size();
    if (pair) {
      names += ", " + source::document_input_name(paths[first + 1]);
    }
    const InputInProgress reading(names);
    // A failure in the second thread, memory running out included, comes
    // back through get().
    std::future<Result<format::ReadDocument>> second;
    if (pair) {
      second = std::async(std::launch::async, read_unnamed, paths[first + 1], max_bytes);
    }
    auto read = read_unnamed(paths[first], max_bytes);
    if (!read) {
      return fail(read.error());
    }
    // Taken while the second is still being read.
    take(first, std::move(*read));
    if (pair) {
      auto other = second.get();
      if (!other) {
        return fail(other.error());
      }
      take(first + 1, std::move(*other));
    }
  }
  return ok_status();
}

Result<std::vector<format::ReadDocument>> read_sboms(const std::vector<std::string>& paths,
                                                     std::uint64_t max_bytes) {
  std::vector<format::ReadDocument> documents;
  documents.reserve(paths.size());
  auto read = read_sboms_in_turn(paths, max_bytes,
                                 [&](std::size_t /*index*/, format::ReadDocument document) {
                                   documents.push_back(std::move(document));
                                 });
  if (!read) {
    return fail(read.error());
  }
  return documents;
}

} // namespace kensa::cli
