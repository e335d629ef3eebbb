#include "../support/test_support.hpp"

#include <kensa/model/license.hpp>
#include <kensa/util/resources.hpp>
#include <kensa/util/strings.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using kensa::model::LicenseList;
using kensa::model::LicenseListEntry;
using kensa::model::parse_license_list;

namespace {

bool sorted_ignoring_case(const std::vector<LicenseListEntry>& entries) {
  return std::is_sorted(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return kensa::to_lower_ascii(a.id) < kensa::to_lower_ascii(b.id);
  });
}

} // namespace

TEST_CASE("the bundled list is the embedded license-list.json", "[license][list]") {
  const auto& list = LicenseList::bundled();
  const auto data = kensa::resources::find("spdx/license-list.json");
  REQUIRE(data.has_value());
  const auto json = nlohmann::json::parse(*data);

  CHECK(list.version() == json.at("licenseListVersion").get<std::string>());
  CHECK(list.licenses.size() == json.at("licenses").size());
  CHECK(list.exceptions.size() == json.at("exceptions").size());
  // SPDX has had ~700 licenses and ~80 exceptions since list 3.2x; far fewer
  // means the data was cut short.
  CHECK(list.licenses.size() > 650);
  CHECK(list.exceptions.size() > 70);
  CHECK(sorted_ignoring_case(list.licenses));
  CHECK(sorted_ignoring_case(list.exceptions));
  CHECK(&LicenseList::bundled() == &list);
}

TEST_CASE("the bundled list is parsed once, safely from several threads", "[license][list]") {
  std::vector<const LicenseList*> seen(4, nullptr);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] { seen[i] = &LicenseList::bundled(); });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (const auto* list : seen) {
    CHECK(list == &LicenseList::bundled());
  }
}

TEST_CASE("license and exception lookups ignore case", "[license][list]") {
  const auto& list = LicenseList::bundled();

  const auto* mit = list.find_license("mit");
  REQUIRE(mit != nullptr);
  CHECK(mit->id == "MIT");
  CHECK(mit->name == "MIT License");
  CHECK(mit->osi_approved);
  CHECK_FALSE(mit->deprecated);

  const auto* apache = list.find_license("APACHE-2.0");
  REQUIRE(apache != nullptr);
  CHECK(apache->id == "Apache-2.0");
  CHECK(apache->name == "Apache License 2.0");

  const auto* gpl = list.find_license("gpl-2.0");
  REQUIRE(gpl != nullptr);
  CHECK(gpl->id == "GPL-2.0");
  CHECK(gpl->deprecated);
  const auto* gpl_plus = list.find_license("GPL-2.0+");
  REQUIRE(gpl_plus != nullptr);
  CHECK(gpl_plus->deprecated);
  CHECK_FALSE(list.find_license("GPL-2.0-only")->deprecated);

  const auto* classpath = list.find_exception("classpath-EXCEPTION-2.0");
  REQUIRE(classpath != nullptr);
  CHECK(classpath->id == "Classpath-exception-2.0");
  CHECK_FALSE(classpath->deprecated);
  const auto* nokia = list.find_exception("Nokia-Qt-exception-1.1");
  REQUIRE(nokia != nullptr);
  CHECK(nokia->deprecated);

  // Licenses and exceptions are separate namespaces.
  CHECK(list.find_license("Classpath-exception-2.0") == nullptr);
  CHECK(list.find_exception("MIT") == nullptr);
  CHECK(list.find_license("") == nullptr);
  CHECK(list.find_license("MIT ") == nullptr);
  CHECK(list.find_license("Not-A-License") == nullptr);
  CHECK(list.find_license("zzzz") == nullptr);
  CHECK(list.find_license("0") == nullptr);
}

TEST_CASE("every bundled id is found by itself in any case", "[license][list]") {
  const auto& list = LicenseList::bundled();
  for (const auto& entry : list.licenses) {
    INFO(entry.id);
    CHECK(list.find_license(entry.id) == &entry);
    CHECK(list.find_license(kensa::to_upper_ascii(entry.id)) == &entry);
    CHECK(list.find_license(kensa::to_lower_ascii(entry.id)) == &entry);
    CHECK_FALSE(entry.name.empty());
  }
  for (const auto& entry : list.exceptions) {
    INFO(entry.id);
    CHECK(list.find_exception(kensa::to_lower_ascii(entry.id)) == &entry);
    CHECK_FALSE(entry.name.empty());
  }
}

TEST_CASE("parse_license_list reads the list format and sorts it", "[license][list]") {
  const auto list = parse_license_list(R"({
    "licenseListVersion": "9.9.9",
    "licenses": [
      {"id": "b-license", "name": "B", "deprecated": false, "osiApproved": true},
      {"id": "A-License", "name": "A", "deprecated": true, "osiApproved": false}
    ],
    "exceptions": [{"id": "X-exception", "name": "X", "deprecated": false}]
  })");
  CHECK(list.version() == "9.9.9");
  REQUIRE(list.licenses.size() == 2);
  CHECK(list.licenses[0].id == "A-License");
  CHECK(list.licenses[0].deprecated);
  CHECK(list.licenses[1].osi_approved);
  REQUIRE(list.find_license("B-LICENSE") != nullptr);
  CHECK(list.find_license("B-LICENSE")->name == "B");
  CHECK(list.find_exception("x-EXCEPTION") != nullptr);
}

TEST_CASE("parse_license_list rejects malformed data", "[license][list]") {
  const char* malformed[] = {
      "",
      "not json",
      "[]",
      R"({"licenses": [], "exceptions": []})",
      R"({"licenseListVersion": "1", "exceptions": []})",
      R"({"licenseListVersion": "1", "licenses": {}, "exceptions": []})",
      R"({"licenseListVersion": "1", "licenses": [1], "exceptions": []})",
      R"({"licenseListVersion": "1", "licenses": [{"id": "A", "name": "A", "deprecated": false}],
          "exceptions": []})",
      R"({"licenseListVersion": "1", "licenses": [{"id": "", "name": "A", "deprecated": false,
          "osiApproved": false}], "exceptions": []})",
      R"({"licenseListVersion": "1", "licenses": [{"id": "A", "name": "A", "deprecated": "no",
          "osiApproved": false}], "exceptions": []})",
      R"({"licenseListVersion": "1", "licenses": [
          {"id": "MIT", "name": "A", "deprecated": false, "osiApproved": false},
          {"id": "mit", "name": "B", "deprecated": false, "osiApproved": false}],
          "exceptions": []})",
  };
  for (const char* json : malformed) {
    INFO(json);
    CHECK_THROWS_AS(parse_license_list(json), std::runtime_error);
  }
  CHECK_THROWS_WITH(parse_license_list(R"({"licenseListVersion": "1", "licenses": [
                        {"id": "MIT", "name": "A", "deprecated": false, "osiApproved": false},
                        {"id": "mit", "name": "B", "deprecated": false, "osiApproved": false}],
                        "exceptions": []})"),
                    Catch::Contains("MIT") && Catch::Contains("mit"));
}

TEST_CASE("the bundled list agrees with the official SPDX license list",
          "[license][list][conformance]") {
  const auto shared = kensa::testing::shared_dir();
  if (!shared) {
    WARN("no shared conformance data beside the checkout; skipped");
    return;
  }
  const auto folder = *shared / "conformance" / "spdx-license-list";
  const auto licenses = nlohmann::json::parse(kensa::testing::read_file(folder / "licenses.json"));
  const auto exceptions =
      nlohmann::json::parse(kensa::testing::read_file(folder / "exceptions.json"));
  const auto& list = LicenseList::bundled();

  // The bundled list may be newer, never older: every official id must be
  // there, spelt the same and with the same deprecated flag.
  REQUIRE(licenses.at("licenses").size() > 600);
  for (const auto& official : licenses.at("licenses")) {
    const auto id = official.at("licenseId").get<std::string>();
    INFO("license " << id);
    const auto* entry = list.find_license(id);
    REQUIRE(entry != nullptr);
    CHECK(entry->id == id);
    CHECK(entry->deprecated == official.at("isDeprecatedLicenseId").get<bool>());
  }
  REQUIRE(exceptions.at("exceptions").size() > 60);
  for (const auto& official : exceptions.at("exceptions")) {
    const auto id = official.at("licenseExceptionId").get<std::string>();
    INFO("exception " << id);
    const auto* entry = list.find_exception(id);
    REQUIRE(entry != nullptr);
    CHECK(entry->id == id);
    CHECK(entry->deprecated == official.at("isDeprecatedLicenseId").get<bool>());
  }
}

TEST_CASE("the bundled list and the CycloneDX license-id enum hold the same ids",
          "[license][list]") {
  const auto schema = kensa::resources::find("cyclonedx/spdx.SNAPSHOT.schema.json");
  REQUIRE(schema.has_value());
  const auto json = nlohmann::json::parse(*schema);
  const auto& list = LicenseList::bundled();

  std::set<std::string> enum_ids;
  for (const auto& value : json.at("enum")) {
    const auto id = value.get<std::string>();
    enum_ids.insert(id);
    INFO(id);
    const auto* license = list.find_license(id);
    const auto* exception = list.find_exception(id);
    // Known as exactly one of the two, in the same spelling.
    REQUIRE((license != nullptr) != (exception != nullptr));
    CHECK((license != nullptr ? license->id : exception->id) == id);
  }
  for (const auto& entry : list.licenses) {
    INFO(entry.id);
    CHECK(enum_ids.count(entry.id) == 1);
  }
  for (const auto& entry : list.exceptions) {
    INFO(entry.id);
    CHECK(enum_ids.count(entry.id) == 1);
  }
}
