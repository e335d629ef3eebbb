// OSGi bundles that name themselves through their localization files
// ("Bundle-Name: %pluginName"): the names are looked up, and a key left
// unresolved never becomes a component's name, supplier or property.
#include "../../support/archive_writer.hpp"
#include "../../support/test_support.hpp"

#include <kensa/scanner/scan.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace kensa;

namespace {

std::string manifest(const std::string& headers) {
  return "Manifest-Version: 1.0\r\n" + headers + "\r\n";
}

model::Document scan_java(const fs::path& root) {
  scanner::ScanOptions options;
  options.scanners = {"java"};
  options.timestamp = 0;
  auto document = scanner::scan(root, options);
  REQUIRE(document);
  return std::move(document).value();
}

} // namespace

TEST_CASE("osgi names: localized headers are looked up, unresolved keys are dropped",
          "[scanner][java]") {
  auto root = testing::scratch_dir("osgi-names");
  // Eclipse's way: Bundle-Localization names plugin.properties.
  testing::write_zip(
      root / "plugins/org.example.plugin_1.2.3.v2024.jar",
      {{"META-INF/MANIFEST.MF",
        manifest("Bundle-ManifestVersion: 2\r\nBundle-Name: %pluginName\r\n"
                 "Bundle-SymbolicName: org.example.plugin;singleton:=true\r\n"
                 "Bundle-Version: 1.2.3.v2024\r\nBundle-Vendor: %providerName\r\n"
                 "Bundle-Localization: plugin\r\n")},
       {"plugin.properties", "pluginName = Example Plugin\nproviderName = Example Corp\n"}});
  // The default place, OSGI-INF/l10n/bundle.properties, with a name fit to
  // be one.
  testing::write_zip(
      root / "plugins/org.example.core_2.0.0.jar",
      {{"META-INF/MANIFEST.MF",
        manifest("Bundle-Name: %bundleName\r\nBundle-SymbolicName: org.example.core\r\n"
                 "Bundle-Version: 2.0.0\r\nBundle-Vendor: %bundleVendor\r\n")},
       {"OSGI-INF/l10n/bundle.properties", "bundleName=example-core\nbundleVendor=Example\n"}});
  // No localization file at all: the keys resolve to nothing.
  testing::write_zip(root / "plugins/org.example.ui_3.1.0.jar",
                     {{"META-INF/MANIFEST.MF",
                       manifest("Bundle-Name: %Bundle-Name.0\r\n"
                                "Bundle-SymbolicName: org.example.ui\r\n"
                                "Bundle-Version: 3.1.0\r\nBundle-Vendor: %Bundle-Vendor.0\r\n")}});
  auto document = scan_java(root);
  std::set<std::string> names;
  for (const auto& component : document.components) {
    INFO(component.name);
    names.insert(component.name + "@" + component.version);
    CHECK(component.name.find('%') == std::string::npos);
    CHECK(component.supplier.name.find('%') == std::string::npos);
    for (const auto& property : component.properties) {
      CHECK_FALSE(property.value.starts_with('%'));
    }
    if (component.name == "org.example.plugin") {
      CHECK(component.supplier.name == "Example Corp");
    }
    if (component.name == "example-core") {
      CHECK(component.supplier.name == "Example");
    }
  }
  // "Example Plugin" has blanks: a title, not a name; the symbolic name is.
  CHECK(names == std::set<std::string>{"example-core@2.0.0", "org.example.plugin@1.2.3.v2024",
                                       "org.example.ui@3.1.0"});
}
