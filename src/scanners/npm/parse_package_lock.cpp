// The entry point for one lockfile: parse the JSON without exceptions, pick
// the layout, hand over to its reader.
#include "../common/javascript/paths.hpp"
#include "lockfile.hpp"

#include <kensa/scanner/file_report.hpp>

#include <spdlog/spdlog.h>

#include <string>
#include <string_view>

namespace kensa::scanner::npm {

using nlohmann::json;

namespace {

// Records the first syntax error of a document without building it. Used
// only after a failed parse, to say where the file is broken.
class SyntaxErrorRecorder : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& error) override {
    m_message = error.what();
    return false;
  }

  // nlohmann prefixes its messages with "[json.exception.parse_error.101] ",
  // which says nothing to a user.
  std::string message() const {
    std::string_view text = m_message;
    if (text.starts_with('[')) {
      if (std::size_t end = text.find("] "); end != std::string_view::npos) {
        text.remove_prefix(end + 2);
      }
    }
    return text.empty() ? std::string("syntax error") : std::string(text);
  }

 private:
  std::string m_message;
};

std::string describe_syntax_error(const std::string& contents) {
  SyntaxErrorRecorder recorder;
  json::sax_parse(contents, &recorder);
  return recorder.message();
}

// lockfileVersion, or nullopt when absent or not a whole number.
std::optional<std::int64_t> lockfile_version(Lockfile& lock, const json& document) {
  const json* value = find_member(document, "lockfileVersion");
  if (value == nullptr) {
    return std::nullopt;
  }
  if (value->is_number_unsigned() || value->is_number_integer()) {
    return value->get<std::int64_t>();
  }
  lock.report().warn(
      "\"lockfileVersion\" is not a whole number; the layout is guessed from the content");
  return std::nullopt;
}

} // namespace

void parse_package_lock(FileReport& report, const source::SourceFile& file) {
  // npm reads only the lockfile at the project root. Copies shipped inside
  // installed packages list what their authors had, not what is installed
  // (whatever npm took from a dependency's npm-shrinkwrap.json is already in
  // the root lockfile).
  if (javascript::is_installed_package_file(file.path, report.context().root_name())) {
    spdlog::debug("{}: skipped, a lockfile inside node_modules is not used by npm", file.location);
    return;
  }
  json document = json::parse(file.contents, nullptr, false);
  if (document.is_discarded()) {
    report.omit("not valid JSON: " + describe_syntax_error(file.contents));
    return;
  }
  if (!document.is_object()) {
    report.omit("not an npm lockfile: the top level is not a JSON object");
    return;
  }

  Lockfile lock(report, file);
  auto version = lockfile_version(lock, document);
  if (version && (*version < 1 || *version > 3)) {
    lock.report().warn("lockfileVersion " + std::to_string(*version) +
                       " is not one of 1, 2, 3; reading it by its content");
  }

  const json* packages = find_member(document, "packages");
  const json* dependencies = find_member(document, "dependencies");
  if (packages != nullptr && packages->is_object()) {
    // Version 2 also carries the v1 tree for old npm releases; the packages
    // map is the complete one, so the tree is ignored.
    read_packages_map(lock, document, *packages);
  } else {
    if (packages != nullptr) {
      lock.report().warn(
          "\"packages\" is not an object; reading the \"dependencies\" tree instead");
    } else if (version && *version >= 2) {
      lock.report().warn("lockfileVersion " + std::to_string(*version) +
                         " without a \"packages\" map; reading the \"dependencies\" tree instead");
    }
    static const json k_empty = json::object();
    if (dependencies != nullptr && !dependencies->is_object()) {
      lock.report().warn("\"dependencies\" is not an object");
      dependencies = nullptr;
    }
    read_dependency_tree(lock, document, dependencies != nullptr ? *dependencies : k_empty);
  }
  lock.finish();
}

} // namespace kensa::scanner::npm
