// The table of every ecosystem scanner. Adding one means adding one row here
// and a folder under src/scanners/.
#include "apk/apk_scanner.hpp"
#include "binary-classifier/binary_classifier_scanner.hpp"
#include "bun/bun_scanner.hpp"
#include "cocoapods/cocoapods_scanner.hpp"
#include "composer/composer_scanner.hpp"
#include "conan/conan_scanner.hpp"
#include "conda/conda_scanner.hpp"
#include "dart/dart_scanner.hpp"
#include "deno/deno_scanner.hpp"
#include "dotnet/dotnet_scanner.hpp"
#include "dpkg/dpkg_scanner.hpp"
#include "elixir/elixir_scanner.hpp"
#include "erlang/erlang_scanner.hpp"
#include "github-actions/github_actions_scanner.hpp"
#include "golang/go_scanner.hpp"
#include "haskell/haskell_scanner.hpp"
#include "homebrew/homebrew_scanner.hpp"
#include "java/java_scanner.hpp"
#include "linux-kernel/linux_kernel_scanner.hpp"
#include "nix/nix_scanner.hpp"
#include "node-modules/node_modules_scanner.hpp"
#include "npm/npm_scanner.hpp"
#include "os_release/os_release_scanner.hpp"
#include "package_notes/package_notes_scanner.hpp"
#include "pacman/pacman_scanner.hpp"
#include "pnpm/pnpm_scanner.hpp"
#include "portage/portage_scanner.hpp"
#include "python/python_scanner.hpp"
#include "r/r_scanner.hpp"
#include "rpm/rpm_scanner.hpp"
#include "ruby/ruby_scanner.hpp"
#include "rust/rust_scanner.hpp"
#include "swift/swift_scanner.hpp"
#include "terraform/terraform_scanner.hpp"
#include "vcpkg/vcpkg_scanner.hpp"
#include "yarn/yarn_scanner.hpp"

#include <kensa/scanner/registry.hpp>

#include <algorithm>
#include <array>

namespace kensa::scanner {

namespace {

constexpr std::array k_scanners{
    ScannerInfo{"npm", "npm package-lock.json and npm-shrinkwrap.json (lockfile v1, v2, v3)",
                "language,javascript,declared", &npm::make_scanner},
    ScannerInfo{"node-modules", "installed JavaScript packages (node_modules/**/package.json)",
                "language,javascript,installed", &node_modules::make_scanner},
    ScannerInfo{"yarn", "yarn.lock: Yarn 1 and Yarn 2+ (Berry), with the project's package.json",
                "language,javascript,declared", &yarn::make_scanner},
    ScannerInfo{"pnpm", "pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.x",
                "language,javascript,declared", &pnpm::make_scanner},
    ScannerInfo{"bun", "bun.lock (Bun's text lockfile)", "language,javascript,declared",
                &bun::make_scanner},
    ScannerInfo{"deno", "deno.lock (versions 3, 4, 5): npm and JSR packages",
                "language,javascript,declared", &deno::make_scanner},
    ScannerInfo{"python",
                "Python: installed packages (.dist-info, .egg-info, eggs, wheels), requirements "
                "files, poetry.lock, uv.lock, pdm.lock, Pipfile.lock, pylock.toml, pyproject.toml",
                "language,python,installed,declared", &python::make_scanner},
    ScannerInfo{"os-release",
                "the distribution, from etc/os-release, usr/lib/os-release and older release files",
                "os,installed", &os_release::make_scanner},
    ScannerInfo{"dpkg",
                "installed Debian and Ubuntu packages (var/lib/dpkg/status, status.d); .deb "
                "files lying on disk",
                "os,installed,declared", &dpkg::make_scanner},
    ScannerInfo{"apk", "installed Alpine packages (lib/apk/db/installed)", "os,installed",
                &apk::make_scanner},
    ScannerInfo{"rpm",
                "installed rpm packages (SQLite, Berkeley DB and NDB rpm databases); .rpm files "
                "lying on disk",
                "os,installed,declared", &rpm::make_scanner},
    ScannerInfo{"go", "Go: go.mod, go.sum, go.work, and the build information in Go binaries",
                "language,go,installed,declared,binary", &golang::make_scanner},
    ScannerInfo{"rust",
                "Rust: Cargo.lock (versions 1 to 4) and binaries built with cargo-auditable",
                "language,rust,installed,declared,binary", &rust::make_scanner},
    ScannerInfo{"java",
                "Java: jar, war, ear and other Java archives (nested too), pom.xml, Gradle "
                "lockfiles and verification metadata, JDK and JRE installations",
                "language,java,installed,declared,archive", &java::make_scanner},
    ScannerInfo{"pacman", "installed Arch Linux packages (var/lib/pacman/local/*/desc and files)",
                "os,installed", &pacman::make_scanner},
    ScannerInfo{"terraform", "Terraform and OpenTofu providers (.terraform.lock.hcl)",
                "infrastructure,terraform,declared", &terraform::make_scanner},
    ScannerInfo{"portage", "installed Gentoo packages (var/db/pkg/<category>/<package>/)",
                "os,installed", &portage::make_scanner},
    ScannerInfo{"homebrew",
                "installed Homebrew formulae (Cellar/<formula>/<version>/INSTALL_RECEIPT.json)",
                "os,installed", &homebrew::make_scanner},
    ScannerInfo{"nix", "Nix store paths and references (nix/var/nix/db/db.sqlite)", "os,installed",
                &nix::make_scanner},
    ScannerInfo{"package-notes",
                "ELF package notes (.note.package): the distribution package a binary came from",
                "os,installed,binary", &package_notes::make_scanner},
    ScannerInfo{"swift", "Swift Package Manager: Package.resolved (versions 1, 2, 3)",
                "language,swift,declared", &swift::make_scanner},
    ScannerInfo{"cocoapods", "CocoaPods: Podfile.lock", "language,cocoapods,declared",
                &cocoapods::make_scanner},
    ScannerInfo{"dart", "Dart and Flutter: pubspec.lock", "language,dart,declared",
                &dart::make_scanner},
    ScannerInfo{"elixir", "Elixir: mix.lock (hex and git dependencies)", "language,elixir,declared",
                &elixir::make_scanner},
    ScannerInfo{"erlang",
                "Erlang/OTP: rebar.lock (1.1.0, 1.2.0), and installed applications' .app files",
                "language,erlang,installed,declared", &erlang::make_scanner},
    ScannerInfo{"ruby",
                "Ruby: Gemfile.lock, gemspecs of projects, installed gems (specifications of gem "
                "homes and of Debian's rubygems-integration)",
                "language,ruby,installed,declared", &ruby::make_scanner},
    ScannerInfo{"composer",
                "PHP: composer.json, composer.lock and what Composer installed "
                "(vendor/composer/installed.json, Composer 1 and 2)",
                "language,php,installed,declared", &composer::make_scanner},
    ScannerInfo{"github-actions",
                "GitHub Actions: actions, reusable workflows and docker:// images used by "
                "workflows (.github/workflows), composite actions and Docker actions "
                "(action.yml)",
                "ci,github-actions,declared", &github_actions::make_scanner},
    ScannerInfo{"binary-classifier",
                "software recognised in executables and libraries by the version compiled into "
                "them (openssl, busybox, curl, nginx, python, ...)",
                "binary,installed", &binary_classifier::make_scanner},
    ScannerInfo{"linux-kernel", "Linux kernel images (vmlinuz, bzImage) and modules (.ko, .ko.xz)",
                "os,linux,installed", &linux_kernel::make_scanner},
    ScannerInfo{"dotnet",
                ".NET: packages.lock.json, project.assets.json, *.csproj with "
                "Directory.Packages.props, .nuspec and .nupkg, *.deps.json and assemblies",
                "language,dotnet,installed,declared", &dotnet::make_scanner},
    ScannerInfo{"haskell", "Haskell: stack.yaml.lock and cabal.project.freeze",
                "language,haskell,declared", &haskell::make_scanner},
    ScannerInfo{"r",
                "R: renv.lock, and installed packages' DESCRIPTION files (R's library, site "
                "libraries, renv project libraries)",
                "language,r,installed,declared", &r::make_scanner},
    ScannerInfo{"conda",
                "conda: installed environments (conda-meta/*.json) and environment.yml files",
                "language,conda,installed,declared", &conda::make_scanner},
    ScannerInfo{"conan", "Conan (C and C++): conan.lock (Conan 1 and 2) and conanfile.txt",
                "language,conan,declared", &conan::make_scanner},
    ScannerInfo{"vcpkg",
                "vcpkg (C and C++): vcpkg.json manifests and what vcpkg installed "
                "(installed/vcpkg/status)",
                "language,vcpkg,installed,declared", &vcpkg::make_scanner},
};

} // namespace

std::span<const ScannerInfo> scanner_table() {
  return k_scanners;
}

bool has_tag(const ScannerInfo& info, std::string_view tag) {
  std::string_view tags = info.tags;
  while (!tags.empty()) {
    auto comma = tags.find(',');
    if (tags.substr(0, comma) == tag) {
      return true;
    }
    tags = comma == std::string_view::npos ? std::string_view() : tags.substr(comma + 1);
  }
  return false;
}

std::vector<const ScannerInfo*> scanners_tagged(std::string_view tag) {
  std::vector<const ScannerInfo*> tagged;
  for (const auto& info : k_scanners) {
    if (has_tag(info, tag)) {
      tagged.push_back(&info);
    }
  }
  return tagged;
}

const ScannerInfo* find_scanner(std::string_view name) {
  auto it = std::find_if(k_scanners.begin(), k_scanners.end(),
                         [&](const ScannerInfo& info) { return info.name == name; });
  return it == k_scanners.end() ? nullptr : &*it;
}

} // namespace kensa::scanner
