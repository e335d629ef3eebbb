// conan.lock (Conan 1 and 2) and conanfile.txt as syft's tests have them
// (tests/fixtures/conan/README.md), and consumer nodes, build and python
// requirements and malformed input written here in Conan's layout.
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/model/purl.hpp>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

const model::Component& conan_package(const model::Document& document, std::string_view purl) {
  const auto* found = native::component_with_purl(document, purl);
  INFO(purl);
  REQUIRE(found != nullptr);
  return *found;
}

bool conan_warned(const model::Document& document, std::string_view location,
                  std::string_view text) {
  auto warnings = native::warnings(document);
  return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
    return warning.starts_with(location) && warning.find(text) != std::string::npos;
  });
}

} // namespace

TEST_CASE("conan.lock 0.4: the graph lock's nodes, revisions and requirements",
          "[conan][conan-lock]") {
  auto document = native::scan_with(fixture("conan/conan1-lock"), "conan");
  CHECK(native::warnings(document).empty());
  const auto& mfast = conan_package(
      document, "pkg:conan/mfast@1.2.2?channel=my_channel&prev=0ca9799450422cc55a92ccc6ffd57fba"
                "&rrev=c6f6387c9b99780f0ee05e25f99d0f39&user=my_user");
  CHECK(mfast.scope == model::Scope::required);
  CHECK(native::property(mfast, "kensa:conan:reference") ==
        "mfast/1.2.2@my_user/my_channel#c6f6387c9b99780f0ee05e25f99d0f39");
  CHECK(native::only(document, "libbacktrace").version == "cci.20210118");
  // tinyxml2's node has no package revision.
  CHECK(native::only(document, "tinyxml2").purl ==
        "pkg:conan/tinyxml2@9.0.0?rrev=9f13a36ebfc222cd55fe531a0a8d94d1");
  // No consumer node: mfast, which nothing requires, is the project's.
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"conan1-lock -> mfast@1.2.2", "mfast@1.2.2 -> boost@1.75.0",
                              "mfast@1.2.2 -> tinyxml2@9.0.0", "boost@1.75.0 -> zlib@1.2.12",
                              "boost@1.75.0 -> bzip2@1.0.8",
                              "boost@1.75.0 -> libbacktrace@cci.20210118"});
}

TEST_CASE("conan.lock 0.4: the consumer node and build requirements", "[conan][conan-lock]") {
  fs::path folder = scratch_dir("conan-consumer") / "app";
  fs::create_directories(folder);
  native::write_bytes(folder / "conan.lock", R"({
 "graph_lock": {
  "nodes": {
   "0": {"path": "conanfile.txt", "requires": ["1"], "build_requires": ["2"], "context": "host"},
   "1": {"ref": "openssl/3.0.8", "package_id": "abc", "prev": "0", "context": "host"},
   "2": {"ref": "cmake/3.25.3", "context": "build"}
  },
  "revisions_enabled": false
 },
 "version": "0.4"
})");
  auto document = native::scan_with(folder.parent_path(), "conan");
  CHECK(native::warnings(document).empty());
  CHECK(conan_package(document, "pkg:conan/openssl@3.0.8?prev=0").scope == model::Scope::required);
  const auto& cmake = conan_package(document, "pkg:conan/cmake@3.25.3");
  CHECK(cmake.scope == model::Scope::excluded);
  CHECK(native::property(cmake, "kensa:conan:context") == "build");
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"app -> openssl@3.0.8", "app -> cmake@3.25.3"});
}

TEST_CASE("conan.lock 0.5: Conan 2's lists", "[conan][conan-lock]") {
  auto document = native::scan_with(fixture("conan/conan2-lock"), "conan");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 2);
  const auto& sound =
      conan_package(document, "pkg:conan/sound32@1.0?rrev=83d4b7bf607b3b60a6546f8b58b5cdd7");
  CHECK(sound.version == "1.0");
  CHECK(
      conan_package(document, "pkg:conan/matrix@1.1?rrev=905c3f0babc520684c84127378fefdd0").scope ==
      model::Scope::required);

  fs::path folder = scratch_dir("conan-v2") / "tools";
  fs::create_directories(folder);
  native::write_bytes(folder / "conan.lock", R"({
    "version": "0.5",
    "requires": ["zlib/1.3#b3b71bfe8dd07abc7b82ff2bd0eac021%1702683583.3411012"],
    "build_requires": ["cmake/3.28.1#ff8a2b6cb4d6ee8a4ed2b8e0b9bd8b4e%1703083598.0574"],
    "python_requires": ["pyreq/0.1@acme/stable"]
})");
  auto tools = native::scan_with(folder.parent_path(), "conan");
  CHECK(native::warnings(tools).empty());
  CHECK(
      conan_package(tools, "pkg:conan/cmake@3.28.1?rrev=ff8a2b6cb4d6ee8a4ed2b8e0b9bd8b4e").scope ==
      model::Scope::excluded);
  CHECK(conan_package(tools, "pkg:conan/pyreq@0.1?channel=stable&user=acme").scope ==
        model::Scope::excluded);
  CHECK(conan_package(tools, "pkg:conan/zlib@1.3?rrev=b3b71bfe8dd07abc7b82ff2bd0eac021").scope ==
        model::Scope::required);
}

TEST_CASE("conanfile.txt: requirements as written", "[conan][conanfile]") {
  auto document = native::scan_with(fixture("conan/conanfile"), "conan");
  CHECK(native::warnings(document).empty());
  CHECK(document.components.size() == 7);
  CHECK(conan_package(document, "pkg:conan/docopt.cpp@0.6.3").name == "docopt.cpp");
  CHECK(conan_package(document, "pkg:conan/spdlog@1.9.2?channel=my_channel&rrev=1234567"
                                "&user=my_user")
            .version == "1.9.2");
  CHECK(conan_package(document, "pkg:conan/fltk@1.3.8?channel=my_channel&user=my_user").name ==
        "fltk");
  CHECK(native::edges(document, model::RelationshipType::depends_on)
            .count("conanfile -> catch2@2.13.8") == 1);

  fs::path folder = scratch_dir("conanfile-sections") / "game";
  fs::create_directories(folder);
  native::write_bytes(folder / "conanfile.txt", "[requires]\n"
                                                "boost/[>=1.80 <1.85] # any 1.8x\n"
                                                "poco/1.12.4@_/_\n"
                                                "\n[tool_requires]\ncmake/3.27.7\n"
                                                "[options]\nboost/*:shared=True\n"
                                                "[test_requires]\ngtest/1.14.0\n");
  auto game = native::scan_with(folder.parent_path(), "conan");
  CHECK(native::warnings(game).empty());
  const auto& boost = native::only(game, "boost");
  CHECK(boost.version.empty());
  CHECK(boost.purl == "pkg:conan/boost");
  CHECK(native::property(boost, "kensa:conan:requirement") == "[>=1.80 <1.85]");
  CHECK(conan_package(game, "pkg:conan/poco@1.12.4").scope == model::Scope::required);
  CHECK(conan_package(game, "pkg:conan/cmake@3.27.7").scope == model::Scope::excluded);
  CHECK(conan_package(game, "pkg:conan/gtest@1.14.0").scope == model::Scope::excluded);
  CHECK(game.components.size() == 5);
}

TEST_CASE("conan: malformed files are warnings naming the file", "[conan]") {
  fs::path folder = scratch_dir("conan-malformed");
  fs::create_directories(folder / "syntax");
  native::write_bytes(folder / "syntax" / "conan.lock", "{\"graph_lock\": {\"nodes\": ");
  fs::create_directories(folder / "nodes");
  native::write_bytes(folder / "nodes" / "conan.lock",
                      R"({"graph_lock": {"nodes": {"1": 5, "2": {"ref": "noslash"},
                      "3": {"ref": "ok/1.0", "requires": "4"}, "4": {"ref": "x/2", "requires": [7]},
                      "5": {"ref": "y/3", "requires": ["99"]}}}})");
  fs::create_directories(folder / "shape");
  native::write_bytes(folder / "shape" / "conan.lock", R"({"graph_lock": {"nodes": []}})");
  fs::create_directories(folder / "lists");
  native::write_bytes(folder / "lists" / "conan.lock",
                      R"({"requires": {"a": 1}, "build_requires": [3, "bad"]})");
  fs::create_directories(folder / "txt");
  native::write_bytes(folder / "txt" / "conanfile.txt", "[requires]\nnot a reference\nz/1\n");
  auto document = native::scan_with(folder, "conan");
  INFO(Catch::Detail::stringify(native::warnings(document)));
  CHECK(conan_warned(document, "syntax/conan.lock", "not valid JSON"));
  CHECK(conan_warned(document, "nodes/conan.lock", "node 1 is a number"));
  CHECK(conan_warned(document, "nodes/conan.lock", "\"noslash\" is not a Conan reference"));
  CHECK(conan_warned(document, "nodes/conan.lock", "node 3: \"requires\" is not a list"));
  CHECK(conan_warned(document, "nodes/conan.lock", "entry is not a string"));
  CHECK(conan_warned(document, "nodes/conan.lock", "99"));
  CHECK(conan_warned(document, "shape/conan.lock", "no \"nodes\" object"));
  CHECK(conan_warned(document, "lists/conan.lock", "\"requires\" is not a list"));
  CHECK(conan_warned(document, "lists/conan.lock", "\"bad\" is not a Conan reference"));
  CHECK(conan_warned(document, "txt/conanfile.txt", "line 2"));
  CHECK(native::only(document, "z").version == "1");
  CHECK(native::only(document, "ok").version == "1.0");
}
