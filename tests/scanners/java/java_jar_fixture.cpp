#include "java_jar_fixture.hpp"

#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <kensa/util/strings.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

namespace kensa::testing::java {

namespace fs = std::filesystem;
using native::shell_quote;

const std::vector<std::string>& debian_java_packages() {
  static const std::vector<std::string> packages = {
      "libcdi-api-java",       "libcommons-cli-java", "libcommons-io-java",
      "libcommons-lang3-java", "libhamcrest-java",    "libjackson2-core-java",
      "libjansi-java",         "libjsr305-java",      "libslf4j-java"};
  return packages;
}

std::vector<fs::path> debian_jars(std::string& reason) {
  std::vector<fs::path> jars;
  for (const auto& package : debian_java_packages()) {
    fs::path list = fs::path("/var/lib/dpkg/info") / (package + ".list");
    if (!fs::exists(list)) {
      reason = package + " is not installed (scripts/setup.sh installs it)";
      return {};
    }
    const std::string files = read_file(list);
    for (std::string_view line : split(files, '\n')) {
      fs::path path{std::string(line)};
      if (line.starts_with("/usr/share/java/") && line.ends_with(".jar") &&
          fs::is_regular_file(fs::symlink_status(path))) {
        jars.push_back(path);
      }
    }
  }
  std::sort(jars.begin(), jars.end());
  return jars;
}

std::set<std::string> pom_properties_coordinates(const fs::path& jar) {
  fs::path folder = scratch_dir("java-unzip");
  fs::path listing = folder / "listing.txt";
  REQUIRE(native::run_shell("unzip -Z1 " + shell_quote(jar.string()) + " > " +
                                shell_quote(listing.string()),
                            folder / "log.txt"));
  std::set<std::string> coordinates;
  const std::string entries = read_file(listing);
  for (std::string_view entry : split(entries, '\n')) {
    if (!entry.starts_with("META-INF/maven/") || !entry.ends_with("/pom.properties")) {
      continue;
    }
    fs::path text = folder / "pom.properties";
    shell_in(folder, "unzip -p " + shell_quote(jar.string()) + " " +
                         shell_quote(std::string(entry)) + " > " + shell_quote(text.string()));
    std::string group, artifact, version;
    const std::string properties = read_file(text);
    for (std::string_view line : split(properties, '\n')) {
      line = trim(line);
      auto equals = line.find('=');
      if (line.starts_with('#') || equals == std::string_view::npos) {
        continue;
      }
      std::string key(trim(line.substr(0, equals)));
      std::string value(trim(line.substr(equals + 1)));
      if (key == "groupId") {
        group = value;
      } else if (key == "artifactId") {
        artifact = value;
      } else if (key == "version") {
        version = value;
      }
    }
    coordinates.insert(group + ":" + artifact + ":" + version);
  }
  return coordinates;
}

void shell_in(const fs::path& folder, const std::string& command) {
  fs::path log = folder / "shell-log.txt";
  bool succeeded = native::run_shell("cd " + shell_quote(folder.string()) + " && " + command, log);
  INFO(command << "\n" << read_file(log));
  REQUIRE(succeeded);
}

std::string sha1sum(const fs::path& file) {
  fs::path out = file.parent_path() / (file.filename().string() + ".sha1");
  REQUIRE(
      native::run_shell("sha1sum " + shell_quote(file.string()) + " > " + shell_quote(out.string()),
                        out.string() + ".log"));
  return read_file(out).substr(0, 40);
}

} // namespace kensa::testing::java
