#include "jdk_release.hpp"

#include <kensa/model/cpe.hpp>
#include <kensa/scanner/file_report.hpp>
#include <kensa/util/lines.hpp>
#include <kensa/util/strings.hpp>

#include <map>
#include <string>

namespace kensa::scanner::java {

namespace {

// A release file is a few hundred bytes; anything past this is not one.
constexpr std::size_t k_max_release_size = 64 * 1024;

// KEY="value" lines, as the JDK build writes them (quotes optional).
std::map<std::string, std::string> parse_release(std::string_view text) {
  std::map<std::string, std::string> values;
  for (std::string_view line : lines(text.substr(0, k_max_release_size))) {
    line = trim(line);
    auto equals = line.find('=');
    if (line.empty() || line.front() == '#' || equals == std::string_view::npos || equals == 0) {
      continue;
    }
    std::string_view value = trim(line.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    values[std::string(trim(line.substr(0, equals)))] = std::string(value);
  }
  return values;
}

struct Product {
  std::string_view name;
  std::string_view cpe_vendor;
  std::string_view cpe_product;
};

Product product_of(std::string_view implementor, const std::map<std::string, std::string>& values) {
  if (values.count("GRAALVM_VERSION") > 0 ||
      implementor.find("GraalVM") != std::string_view::npos) {
    return {"graalvm", "oracle", "graalvm"};
  }
  if (implementor.find("Azul") != std::string_view::npos) {
    return {"zulu", "azul", "zulu"};
  }
  return {"openjdk", "oracle", "openjdk"};
}

// Keys kept as properties, besides those the component's fields hold.
constexpr std::string_view k_kept_keys[] = {"IMPLEMENTOR_VERSION",
                                            "JAVA_RUNTIME_VERSION",
                                            "JAVA_VERSION_DATE",
                                            "OS_NAME",
                                            "OS_ARCH",
                                            "LIBC",
                                            "GRAALVM_VERSION",
                                            "SOURCE"};

} // namespace

bool looks_like_jdk_release(std::string_view contents) {
  return contents.size() <= k_max_release_size &&
         (contents.starts_with("JAVA_VERSION=") ||
          contents.find("\nJAVA_VERSION=") != std::string_view::npos);
}

void read_jdk_release(FileReport& report, const source::SourceFile& file) {
  auto values = parse_release(file.contents);
  const std::string& version = values["JAVA_VERSION"];
  if (version.empty()) {
    report.warn("JDK release file has an empty JAVA_VERSION");
    return;
  }
  const std::string& implementor = values["IMPLEMENTOR"];
  Product product = product_of(implementor, values);

  model::Component component;
  component.type = model::ComponentType::platform;
  component.name = std::string(product.name);
  component.version = version;
  if (!implementor.empty()) {
    component.supplier.name = implementor;
    component.supplier.is_organization = true;
  }
  if (auto cpe = model::make_cpe23(model::CpePart::application, product.cpe_vendor,
                                   product.cpe_product, version)) {
    component.cpes.push_back(std::move(*cpe));
  }
  for (std::string_view key : k_kept_keys) {
    auto found = values.find(std::string(key));
    if (found != values.end() && !found->second.empty()) {
      component.add_property("kensa:java:release:" + to_lower_ascii(key), found->second);
    }
  }
  component.scope = model::Scope::required;
  component.evidence.push_back(report.context().evidence_for(file));
  report.context().graph().add(std::move(component));
}

} // namespace kensa::scanner::java
