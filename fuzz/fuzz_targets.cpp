// The table of fuzz targets. A new parser gets a row here, with seeds.
#include "fuzz_target.hpp"

#include <kensa/util/glob.hpp>
#include <kensa/util/strings.hpp>

#include <algorithm>
#include <array>
#include <set>

namespace kensa::fuzz {

namespace {

constexpr std::array k_targets{
    // Documents.
    FuzzTarget{"json-document", "the flat JSON parser (every JSON document and lockfile)",
               "formats/**/*.json;npm/**/*.json;deno/**/deno.lock", &run_json_document},
    FuzzTarget{"read-cyclonedx-json", "the CycloneDX JSON reader, then every writer",
               "formats/**/*.cdx.json", &run_read_document},
    FuzzTarget{"read-cyclonedx-xml", "the CycloneDX XML reader, then every writer",
               "formats/**/*.cdx.xml", &run_read_document},
    FuzzTarget{"read-spdx-json", "the SPDX 2 JSON reader, then every writer",
               "formats/**/*spdx-json-2.*.spdx.json", &run_read_document},
    FuzzTarget{"read-spdx-tag-value", "the SPDX 2 tag-value reader, then every writer",
               "formats/**/*.spdx", &run_read_document},
    FuzzTarget{"read-spdx-yaml", "the SPDX 2 YAML reader, then every writer",
               "formats/**/*.spdx.yaml", &run_read_document},
    FuzzTarget{"read-spdx3", "the SPDX 3 JSON-LD reader, then every writer",
               "formats/**/*spdx-json-3.*.spdx.json", &run_read_document},
    FuzzTarget{"read-kensa-json", "the kensa-json reader, then every writer",
               "formats/**/*.kensa.json", &run_read_document},
    FuzzTarget{
        "validate", "kensa validate: schema, semantic rules and every profile",
        "formats/**/*.cdx.json;formats/**/*.cdx.xml;formats/**/*.spdx.json;formats/**/*.spdx;"
        "formats/**/*.spdx.yaml",
        &run_validate},
    FuzzTarget{"purl", "package URLs, one per line", "formats/**/*.purls.txt", &run_purls},
    FuzzTarget{"license-expression", "SPDX license expressions, one per line", "",
               &run_license_expressions},
    FuzzTarget{
        "diff-merge", "any SBOM, compared with itself and an empty one, merged with itself",
        "formats/**/*.cdx.json;formats/**/*.cdx.xml;formats/**/*.spdx.json;formats/**/*.spdx",
        &run_diff_merge},
    FuzzTarget{"version-order", "versions, blank-separated, ordered by every ecosystem's rules",
               "versions/*.pairs;versions/*.sorted", &run_version_order},
    // Scanners: the bytes are one file of a scanned tree.
    FuzzTarget{"npm-lock", "npm package-lock.json",
               "npm/**/package-lock.json;npm/**/npm-shrinkwrap.json", &run_scan_file,
               "project/package-lock.json"},
    FuzzTarget{"node-modules-package", "an installed package's package.json",
               "node-modules/**/package.json", &run_scan_file,
               "project/node_modules/pkg/package.json"},
    FuzzTarget{"node-modules-hidden-lock", "npm's hidden lockfile, node_modules/.package-lock.json",
               "node-modules/**/.package-lock.json", &run_scan_file_with_package,
               "project/node_modules/.package-lock.json"},
    FuzzTarget{"yarn-lock", "yarn.lock, Yarn 1 and Berry", "yarn/**/yarn.lock", &run_scan_file,
               "project/yarn.lock"},
    FuzzTarget{"pnpm-lock", "pnpm-lock.yaml", "pnpm/**/pnpm-lock.yaml", &run_scan_file,
               "project/pnpm-lock.yaml"},
    FuzzTarget{"bun-lock", "bun.lock", "bun/**/bun.lock", &run_scan_file, "project/bun.lock"},
    FuzzTarget{"deno-lock", "deno.lock", "deno/**/deno.lock", &run_scan_file, "project/deno.lock"},
    FuzzTarget{"python-requirements", "requirements files",
               "python/**/requirements*.txt;python/**/constraints*.txt", &run_scan_file,
               "project/requirements.txt"},
    FuzzTarget{"python-poetry-lock", "poetry.lock (TOML)", "python/**/poetry.lock", &run_scan_file,
               "project/poetry.lock"},
    FuzzTarget{"python-uv-lock", "uv.lock (TOML)", "python/**/uv.lock", &run_scan_file,
               "project/uv.lock"},
    FuzzTarget{"python-pdm-lock", "pdm.lock (TOML)", "python/**/pdm.lock", &run_scan_file,
               "project/pdm.lock"},
    FuzzTarget{"python-pipfile-lock", "Pipfile.lock (JSON)", "python/**/Pipfile.lock",
               &run_scan_file, "project/Pipfile.lock"},
    FuzzTarget{"python-pylock", "pylock.toml", "python/**/pylock.toml", &run_scan_file,
               "project/pylock.toml"},
    FuzzTarget{"python-pyproject", "pyproject.toml", "python/**/pyproject.toml", &run_scan_file,
               "project/pyproject.toml"},
    FuzzTarget{"python-metadata", "an installed distribution's METADATA (core metadata)",
               "python/**/METADATA;python/**/PKG-INFO", &run_scan_file,
               "site-packages/pkg-1.0.dist-info/METADATA"},
    FuzzTarget{"python-record", "an installed distribution's RECORD", "python/**/RECORD",
               &run_scan_file, "site-packages/pkg-1.0.dist-info/RECORD"},
    FuzzTarget{"python-direct-url", "an installed distribution's direct_url.json",
               "python/**/direct_url.json", &run_scan_file,
               "site-packages/pkg-1.0.dist-info/direct_url.json"},
    FuzzTarget{"os-release", "etc/os-release", "**/os-release", &run_scan_file, "etc/os-release"},
    FuzzTarget{"dpkg-status", "the dpkg database (var/lib/dpkg/status)", "dpkg/**/status",
               &run_scan_file, "var/lib/dpkg/status"},
    FuzzTarget{"dpkg-copyright", "a Debian copyright file (DEP-5 or free text)",
               "dpkg/**/copyright", &run_scan_file, "usr/share/doc/pkg/copyright"},
    FuzzTarget{"apk-installed", "the apk database (lib/apk/db/installed)",
               "apk/**/lib/apk/db/installed", &run_scan_file, "lib/apk/db/installed"},
    FuzzTarget{"rpm-sqlite", "an rpm database in SQLite (rpmdb.sqlite) and its headers",
               "rpm/**/rpmdb.sqlite", &run_scan_file, "var/lib/rpm/rpmdb.sqlite"},
    FuzzTarget{"rpm-bdb", "an rpm database in Berkeley DB (Packages) and its headers",
               "rpm/**/var/lib/rpm/Packages", &run_scan_file, "var/lib/rpm/Packages"},
    FuzzTarget{"rpm-ndb", "an rpm database in NDB (Packages.db) and its headers",
               "rpm/**/Packages.db", &run_scan_file, "usr/lib/sysimage/rpm/Packages.db"},
    FuzzTarget{"go-mod", "go.mod", "golang/**/go.mod", &run_scan_file, "project/go.mod"},
    FuzzTarget{"go-sum", "go.sum", "golang/**/go.sum", &run_scan_file, "project/go.sum"},
    FuzzTarget{"go-work", "go.work", "golang/**/go.work", &run_scan_file, "project/go.work"},
    FuzzTarget{"go-module-info", "the module lines of Go build information", "",
               &run_go_module_info},
    FuzzTarget{"cargo-lock", "Cargo.lock (TOML)", "rust/**/Cargo.lock", &run_scan_file,
               "project/Cargo.lock"},
    FuzzTarget{"gemfile-lock", "Gemfile.lock", "ruby/**/Gemfile.lock", &run_scan_file,
               "project/Gemfile.lock"},
    FuzzTarget{"gemspec", "an installed gem's specification (Ruby)", "ruby/**/*.gemspec",
               &run_scan_file, "usr/lib/ruby/gems/3.1.0/specifications/x-1.0.gemspec"},
    FuzzTarget{"composer-lock", "composer.lock", "composer/**/composer.lock", &run_scan_file,
               "project/composer.lock"},
    FuzzTarget{"composer-installed", "vendor/composer/installed.json", "composer/**/installed.json",
               &run_scan_file, "project/vendor/composer/installed.json"},
    FuzzTarget{"github-workflow", "a GitHub Actions workflow (YAML)", "github-actions/**/*.yml",
               &run_scan_file, "project/.github/workflows/ci.yml"},
    FuzzTarget{"maven-pom", "pom.xml", "java/**/pom.xml", &run_scan_file, "project/pom.xml"},
    FuzzTarget{"gradle-lockfile", "Gradle lockfiles", "java/**/*.lockfile", &run_scan_file,
               "project/gradle.lockfile"},
    FuzzTarget{"gradle-verification", "Gradle verification-metadata.xml",
               "java/**/verification-metadata.xml", &run_scan_file,
               "project/gradle/verification-metadata.xml"},
    FuzzTarget{"jdk-release", "a JDK's release file", "java/**/release", &run_scan_file,
               "usr/lib/jvm/jdk/release"},
    FuzzTarget{"swift-package-resolved", "Package.resolved (JSON)", "swift/**/Package.resolved",
               &run_scan_file, "project/Package.resolved"},
    FuzzTarget{"cocoapods-podfile-lock", "Podfile.lock (YAML)", "cocoapods/**/Podfile.lock",
               &run_scan_file, "project/Podfile.lock"},
    FuzzTarget{"dart-pubspec-lock", "pubspec.lock (YAML)", "dart/**/pubspec.lock", &run_scan_file,
               "project/pubspec.lock"},
    FuzzTarget{"elixir-mix-lock", "mix.lock (an Elixir map literal)", "elixir/**/mix.lock",
               &run_scan_file, "project/mix.lock"},
    FuzzTarget{"erlang-rebar-lock", "rebar.lock (Erlang terms)", "erlang/**/rebar.lock",
               &run_scan_file, "project/rebar.lock"},
    FuzzTarget{"erlang-app-file", "an application resource file (<app>.app)", "erlang/**/*.app",
               &run_scan_file, "lib/app-1.0.0/ebin/app.app"},
    FuzzTarget{"executable",
               "an executable (ELF, PE, Mach-O): Go build information, cargo-auditable data",
               "/usr/bin/true", &run_scan_file, "usr/bin/app"},
    FuzzTarget{"pacman-desc", "a pacman database entry's desc file",
               "pacman/**/var/lib/pacman/local/*/desc", &run_scan_file,
               "var/lib/pacman/local/pkg-1.0-1/desc"},
    FuzzTarget{"terraform-lock", "a Terraform dependency lock file (.terraform.lock.hcl)",
               "terraform/**/.terraform.lock.hcl", &run_scan_file, "project/.terraform.lock.hcl"},
    FuzzTarget{"portage-contents", "a Portage database entry's CONTENTS",
               "portage/**/var/db/pkg/*/*/CONTENTS", &run_scan_file,
               "var/db/pkg/cat/pkg-1.0/CONTENTS"},
    FuzzTarget{"portage-rdepend", "a Portage database entry's RDEPEND",
               "portage/**/var/db/pkg/*/*/RDEPEND", &run_scan_file,
               "var/db/pkg/cat/pkg-1.0/RDEPEND"},
    FuzzTarget{"homebrew-receipt", "a Homebrew keg's INSTALL_RECEIPT.json",
               "homebrew/**/INSTALL_RECEIPT.json", &run_scan_file,
               "usr/local/Cellar/pkg/1.0/INSTALL_RECEIPT.json"},
    FuzzTarget{"nix-db", "a Nix store database (db.sqlite)", "nix/**/db.sqlite", &run_scan_file,
               "nix/var/nix/db/db.sqlite"},
    FuzzTarget{"package-note", "an ELF executable's package note (.note.package)",
               "package-notes/**/*-deb;package-notes/**/*-rpm", &run_scan_file, "usr/bin/app"},
    FuzzTarget{"cargo-toml", "Cargo.toml, read for a workspace's members",
               "rust/workspace/**/Cargo.toml", &run_scan_file, "project/Cargo.toml"},
    FuzzTarget{"binary-classifier", "a library named like one the binary classifier knows",
               "binary-classifier/**/libz.so.*", &run_scan_file,
               "usr/lib/x86_64-linux-gnu/libz.so.1"},
    FuzzTarget{"linux-kernel-module", "a Linux kernel module (.ko): its .modinfo section",
               "linux-kernel/debian-12/**/*.ko", &run_scan_file, "lib/modules/6.1.0/kernel/m.ko"},
    FuzzTarget{"linux-kernel-module-xz", "a Linux kernel module compressed with xz (.ko.xz)",
               "linux-kernel/xz/**/*.ko.xz", &run_scan_file, "lib/modules/6.1.0/kernel/m.ko.xz"},
    FuzzTarget{"linux-kernel-image", "a Linux kernel image (vmlinuz): its setup header", "",
               &run_scan_file, "boot/vmlinuz-6.1.0"},
    FuzzTarget{"dotnet-packages-lock", "NuGet's packages.lock.json", "dotnet/**/packages.lock.json",
               &run_scan_file, "project/packages.lock.json"},
    FuzzTarget{"dotnet-deps-json", "a built .NET application's .deps.json", "dotnet/**/*.deps.json",
               &run_scan_file, "app/App.deps.json"},
    FuzzTarget{"haskell-stack-lock", "stack.yaml.lock (YAML)", "haskell/**/stack.yaml.lock",
               &run_scan_file, "project/stack.yaml.lock"},
    FuzzTarget{"haskell-cabal-freeze", "cabal.project.freeze", "haskell/**/cabal.project.freeze",
               &run_scan_file, "project/cabal.project.freeze"},
    FuzzTarget{"r-renv-lock", "renv.lock (JSON)", "r/**/renv.lock", &run_scan_file,
               "project/renv.lock"},
    FuzzTarget{"r-description", "an installed R package's DESCRIPTION", "r/**/DESCRIPTION",
               &run_scan_file, "usr/lib/R/site-library/pkg/DESCRIPTION"},
    FuzzTarget{"conda-meta", "an installed conda package's conda-meta record (JSON)",
               "conda/**/conda-meta/*.json", &run_scan_file, "opt/conda/conda-meta/pkg-1-0.json"},
    FuzzTarget{"conda-environment-yml", "a conda environment.yml", "conda/**/environment.y*ml",
               &run_scan_file, "project/environment.yml"},
    FuzzTarget{"conan-lock", "conan.lock (Conan 1 graph lock and Conan 2, JSON)",
               "conan/**/conan.lock", &run_scan_file, "project/conan.lock"},
    FuzzTarget{"conanfile-txt", "conanfile.txt", "conan/**/conanfile.txt", &run_scan_file,
               "project/conanfile.txt"},
    FuzzTarget{"vcpkg-status", "vcpkg's installed/vcpkg/status", "vcpkg/**/vcpkg/status",
               &run_scan_file, "project/vcpkg_installed/vcpkg/status"},
    FuzzTarget{"vcpkg-manifest", "a vcpkg.json manifest", "vcpkg/**/vcpkg.json", &run_scan_file,
               "project/vcpkg.json"},
    FuzzTarget{"dotnet-project-assets", "NuGet's obj/project.assets.json",
               "dotnet/**/project.assets.json", &run_scan_file, "project/obj/project.assets.json"},
    FuzzTarget{"dotnet-msbuild-project", "an MSBuild project (*.csproj)", "dotnet/**/*.csproj",
               &run_scan_file, "src/App/App.csproj"},
    FuzzTarget{"dotnet-central-packages", "Directory.Packages.props and Directory.Build.props",
               "dotnet/**/Directory.*.props", &run_scan_file, "Directory.Packages.props"},
    FuzzTarget{"dotnet-nuspec", "a NuGet package's .nuspec", "dotnet/**/*.nuspec", &run_scan_file,
               ".nuget/packages/pkg/1.0.0/pkg.nuspec"},
    FuzzTarget{"dotnet-assembly", "a .NET assembly: the PE version resource and CLI header",
               "dotnet/**/*.dll", &run_scan_file, "app/App.dll"},
    // Sources: archives of every kind, nested, as the walker opens them.
    FuzzTarget{"archive", "an archive (tar, zip, 7z, ar, cpio, ...), members scanned",
               "python/**/*.whl;python/**/*.egg", &run_archive},
};

} // namespace

std::span<const FuzzTarget> fuzz_targets() {
  return k_targets;
}

const FuzzTarget* find_fuzz_target(std::string_view name) {
  auto it = std::find_if(k_targets.begin(), k_targets.end(),
                         [&](const FuzzTarget& target) { return target.name == name; });
  return it == k_targets.end() ? nullptr : &*it;
}

std::vector<std::filesystem::path> seed_files(const FuzzTarget& target,
                                              const std::filesystem::path& fixtures) {
  namespace fs = std::filesystem;
  std::set<fs::path> found;
  std::vector<std::string_view> globs;
  for (const auto glob : split(target.seeds, ';')) {
    if (glob.empty()) {
      continue;
    }
    if (glob.front() == '/') {
      // A file every Debian system has (an executable, say): fixtures hold
      // none, the tests build theirs.
      std::error_code error;
      if (fs::is_regular_file(glob, error)) {
        found.insert(fs::path(glob));
      }
      continue;
    }
    globs.push_back(glob);
  }
  std::error_code error;
  if (!globs.empty()) {
    for (fs::recursive_directory_iterator it(fixtures, error), end; !error && it != end;
         it.increment(error)) {
      if (!it->is_regular_file(error)) {
        continue;
      }
      const std::string relative = fs::relative(it->path(), fixtures).generic_string();
      for (const auto glob : globs) {
        if (glob_match(glob, relative)) {
          found.insert(it->path());
          break;
        }
      }
    }
  }
  const fs::path saved = fixtures / "fuzz" / std::string(target.name);
  for (fs::directory_iterator it(saved, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error) && it->path().filename() != "README.md") {
      found.insert(it->path());
    }
  }
  return {found.begin(), found.end()};
}

} // namespace kensa::fuzz
