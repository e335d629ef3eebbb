#include "install_receipt.hpp"

#include "../common/parsers/json_file.hpp"

namespace kensa::scanner::homebrew {

namespace {

std::string string_field(FileReport& report, json::Value object, std::string_view name,
                         std::string_view where) {
  json::Value value = object[name];
  if (!value.exists() || value.is_null()) {
    return {};
  }
  if (!value.is_string()) {
    report.warn(std::string(where) + std::string(name) + " is " +
                std::string(json_type_name(value)) + ", not a string");
    return {};
  }
  return std::string(value.string());
}

std::optional<bool> boolean_field(FileReport& report, json::Value object, std::string_view name) {
  json::Value value = object[name];
  if (!value.exists() || value.is_null()) {
    return std::nullopt;
  }
  if (!value.is_boolean()) {
    report.warn(std::string(name) + " is " + std::string(json_type_name(value)) +
                ", not true or false");
    return std::nullopt;
  }
  return value.boolean();
}

} // namespace

std::optional<InstallReceipt> read_install_receipt(FileReport& report, std::string_view text) {
  auto document = read_json_object(report, text, "an INSTALL_RECEIPT.json");
  if (!document) {
    return std::nullopt;
  }
  json::Value root = document->root();
  InstallReceipt receipt;
  receipt.homebrew_version = string_field(report, root, "homebrew_version", "");
  receipt.arch = string_field(report, root, "arch", "");
  receipt.installed_on_request = boolean_field(report, root, "installed_on_request");
  receipt.installed_as_dependency = boolean_field(report, root, "installed_as_dependency");
  receipt.poured_from_bottle = boolean_field(report, root, "poured_from_bottle");
  json::Value source = root["source"];
  if (source.is_object()) {
    receipt.tap = string_field(report, source, "tap", "source.");
    receipt.tap_git_head = string_field(report, source, "tap_git_head", "source.");
    if (source["versions"].is_object()) {
      receipt.stable_version =
          string_field(report, source["versions"], "stable", "source.versions.");
    }
  }
  json::Value dependencies = root["runtime_dependencies"];
  if (dependencies.exists() && !dependencies.is_null() && !dependencies.is_array()) {
    report.warn("runtime_dependencies is " + std::string(json_type_name(dependencies)) +
                ", not an array");
  } else {
    std::size_t index = 0;
    for (json::Value dependency : dependencies) {
      std::string where = "runtime_dependencies[" + std::to_string(index++) + "].";
      if (receipt.runtime_dependencies.size() >= k_max_dependencies) {
        report.warn("more than " + std::to_string(k_max_dependencies) +
                    " runtime dependencies; the rest were not read");
        break;
      }
      if (!dependency.is_object()) {
        report.warn(where.substr(0, where.size() - 1) + " is not an object");
        continue;
      }
      RuntimeDependency entry;
      entry.full_name = string_field(report, dependency, "full_name", where);
      entry.pkg_version = string_field(report, dependency, "pkg_version", where);
      if (entry.full_name.empty()) {
        report.warn(where + "full_name is missing");
        continue;
      }
      receipt.runtime_dependencies.push_back(std::move(entry));
    }
  }
  return receipt;
}

} // namespace kensa::scanner::homebrew
