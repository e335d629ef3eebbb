// Linux kernels and modules: real Debian 12 modules are committed
// (tests/fixtures/linux-kernel, README.md there); the kernel image of the
// Debian package is checked when tests/fixtures/binary-classifier/fetch.sh
// has downloaded it (KENSA_BINARY_FIXTURES).
#include "../../../src/scanners/linux-kernel/kernel_image.hpp"
#include "../../../src/scanners/linux-kernel/kernel_module.hpp"
#include "../../support/test_support.hpp"
#include "../common/binary/native_test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <set>

namespace fs = std::filesystem;
using namespace kensa;
using namespace kensa::testing;

namespace {

constexpr std::string_view k_module_folder = "lib/modules/6.1.0-57-amd64/kernel/net/vmw_vsock";

// A copy of the committed modules, plus `extra` files, in a fresh folder.
fs::path kernel_tree(const std::string& name) {
  fs::path folder = scratch_dir(name);
  fs::copy(fixture("linux-kernel/debian-12"), folder, fs::copy_options::recursive);
  return folder;
}

// The bytes of a bzImage setup header whose version pointer is `pointer`
// and whose version string is `text`, at 0x200 + pointer.
std::string setup_header(std::uint16_t pointer, std::string_view text) {
  std::string bytes(0x1000, '\0');
  bytes.replace(0x202, 4, "HdrS");
  bytes[0x206] = 0x0f;
  bytes[0x207] = 0x02;
  bytes[0x20e] = static_cast<char>(pointer & 0xff);
  bytes[0x20f] = static_cast<char>(pointer >> 8);
  if (0x200u + pointer < bytes.size()) {
    bytes.replace(0x200 + pointer, text.size(), text);
  }
  return bytes;
}

} // namespace

TEST_CASE("linux kernel: real modules, with their dependencies", "[linux-kernel]") {
  auto document = native::scan_with(fixture("linux-kernel/debian-12"), "linux-kernel");
  CHECK(native::warnings(document).empty());
  REQUIRE(document.components.size() == 2);
  const auto& vsock = native::only(document, "vsock");
  CHECK(vsock.version == "1.0.2.0-k");
  CHECK(vsock.description == "VMware Virtual Socket Family");
  CHECK(vsock.purl == "pkg:generic/linux-kernel-module/vsock@1.0.2.0-k?kernel=6.1.0-57-amd64");
  CHECK(native::property(vsock, "kensa:linux-kernel:vermagic") ==
        "6.1.0-57-amd64 SMP preempt mod_unload modversions ");
  CHECK(native::property(vsock, "kensa:linux-kernel:module-license") == "GPL v2");
  CHECK(vsock.evidence.at(0).location == std::string(k_module_folder) + "/vsock.ko");
  const auto& diag = native::only(document, "vsock_diag");
  CHECK(diag.version.empty());
  CHECK(diag.purl == "pkg:generic/linux-kernel-module/vsock_diag?kernel=6.1.0-57-amd64");
  CHECK(native::edges(document, model::RelationshipType::depends_on) ==
        std::set<std::string>{"vsock_diag -> vsock@1.0.2.0-k"});
}

TEST_CASE("linux kernel: a module compressed with xz", "[linux-kernel]") {
  auto document = native::scan_with(fixture("linux-kernel/xz"), "linux-kernel");
  CHECK(native::warnings(document).empty());
  const auto& diag = native::only(document, "vsock_diag");
  CHECK(diag.purl == "pkg:generic/linux-kernel-module/vsock_diag?kernel=6.1.0-57-amd64");
  CHECK(native::property(diag, "kensa:linux-kernel:module-license") == "GPL");
}

TEST_CASE("linux kernel: damaged modules and images are warnings", "[linux-kernel]") {
  fs::path folder = kernel_tree("linux-kernel-damaged");
  const fs::path modules = folder / k_module_folder;
  const std::string module = native::read_bytes(modules / "vsock.ko");
  native::write_bytes(modules / "truncated.ko", module.substr(0, 200));
  native::write_bytes(modules / "text.ko", "not a module\n");
  native::write_bytes(modules / "garbage.ko.xz", "not xz at all");
  native::write_bytes(modules / "cut.ko.xz",
                      native::read_bytes(fixture("linux-kernel/xz/" + std::string(k_module_folder) +
                                                 "/vsock_diag.ko.xz"))
                          .substr(0, 100));
  fs::create_directories(folder / "boot");
  native::write_bytes(folder / "boot" / "vmlinuz-bad-pointer", setup_header(0xfff0, ""));
  native::write_bytes(folder / "boot" / "vmlinuz-unterminated",
                      setup_header(0xd00, std::string(0x100, 'a')));
  native::write_bytes(folder / "boot" / "vmlinuz-not-a-release", setup_header(0x10, "(none)"));
  // Not an x86 kernel at all (an arm64 Image.gz): nothing to say.
  native::write_bytes(folder / "boot" / "vmlinuz-arm64", std::string(4096, '\x1f'));
  auto document = native::scan_with(folder, "linux-kernel");
  auto messages = native::warnings(document);
  std::set<std::string> set(messages.begin(), messages.end());
  const std::string at = std::string(k_module_folder) + "/";
  // A text file named .ko (vim ships tutor.ko) is no module: no warning.
  CHECK(set.count(at + "text.ko: kernel module: not an ELF file") == 0);
  CHECK(set.count(at + "garbage.ko.xz: kernel module: compressed module is not a complete xz "
                       "stream") == 1);
  CHECK(set.count(at + "cut.ko.xz: kernel module: compressed module is not a complete xz "
                       "stream") == 1);
  CHECK(set.count("boot/vmlinuz-bad-pointer: kernel image's version pointer leads past the end of "
                  "the file") == 1);
  CHECK(set.count("boot/vmlinuz-unterminated: kernel image's version string is not terminated") ==
        1);
  CHECK(set.count("boot/vmlinuz-not-a-release: kernel image's version string does not start "
                  "with a release") == 1);
  bool truncated_warned = false;
  for (const auto& message : messages) {
    truncated_warned = truncated_warned || message.starts_with(at + "truncated.ko: ");
  }
  CHECK(truncated_warned);
  CHECK(messages.size() == 6);
  // The good modules are still read.
  CHECK(native::components_named(document, "vsock").size() == 1);
  CHECK(native::components_named(document, "vsock_diag").size() == 1);
}

TEST_CASE("linux kernel: an xz bomb is refused", "[linux-kernel]") {
  auto xz = native::find_program("xz");
  if (!xz) {
    WARN("skipped: xz is not installed");
    return;
  }
  fs::path folder = scratch_dir("linux-kernel-bomb");
  // 4 MiB of zeros compress to about 600 bytes: over a cap of 1 MiB (the
  // scan's cap, 256 MiB, is the same code with a bigger number).
  fs::path log = folder / "xz.log";
  REQUIRE(native::run_shell("head -c 4194304 /dev/zero | " + native::shell_quote(xz->string()) +
                                " -1 -T1 > " +
                                native::shell_quote((folder / "bomb.ko.xz").string()),
                            log));
  auto refused = scanner::linux_kernel::read_modinfo_section(
      native::read_bytes(folder / "bomb.ko.xz"), true, 1 << 20);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error() == "compressed module decompresses to more than 1048576 bytes");
  // Under the cap the zeros are read, and are no ELF file.
  auto zeros = scanner::linux_kernel::read_modinfo_section(
      native::read_bytes(folder / "bomb.ko.xz"), true, 8 << 20);
  REQUIRE_FALSE(zeros.ok());
  CHECK(zeros.error() == "not an ELF file");
}

TEST_CASE("linux kernel: the setup header's version string", "[linux-kernel]") {
  auto version = scanner::linux_kernel::read_kernel_version(setup_header(
      0x100, "6.8.0-31-generic (buildd@lcy02-amd64-080) (x86_64-linux-gnu-gcc-13 (Ubuntu "
             "13.2.0-23ubuntu4) 13.2.0) #31-Ubuntu SMP PREEMPT_DYNAMIC Sat Apr 20 00:40:06 "
             "UTC 2024 (Ubuntu 6.8.0-31.31-generic 6.8.1)"));
  REQUIRE(version.ok());
  CHECK(version->release == "6.8.0-31-generic");
  CHECK(version->upstream.empty());
  auto plain = scanner::linux_kernel::read_kernel_version(
      setup_header(0x100, "6.6.7 (root@host) #1 SMP Tue Dec 12 2023"));
  REQUIRE(plain.ok());
  CHECK(plain->release == "6.6.7");
  CHECK(plain->upstream.empty());
}

TEST_CASE("linux kernel: the Debian kernel image and its modules", "[linux-kernel]") {
  const char* downloaded = std::getenv("KENSA_BINARY_FIXTURES");
  if (downloaded == nullptr || !fs::is_directory(fs::path(downloaded) / "linux-image")) {
    WARN("skipped: KENSA_BINARY_FIXTURES is not set "
         "(tests/fixtures/binary-classifier/fetch.sh downloads the kernel package)");
    return;
  }
  const fs::path package = fs::path(downloaded) / "linux-image";
  std::string version = native::read_bytes(package / "VERSION");
  version = version.substr(0, version.find('\n'));
  // linux-image-6.1.0-57-amd64 6.1.192-3: upstream 6.1.192.
  const std::string upstream = version.substr(0, version.find('-'));
  const std::string release =
      fs::canonical(package).filename().string().substr(std::string("linux-image-").size());
  fs::path folder = scratch_dir("linux-kernel-debian");
  fs::create_directories(folder / "boot");
  fs::copy_file(package / "boot" / ("vmlinuz-" + release),
                folder / "boot" / ("vmlinuz-" + release));
  const fs::path modules = fs::path("lib") / "modules" / release / "kernel" / "net" / "vmw_vsock";
  fs::create_directories(folder / modules);
  fs::copy(package / modules, folder / modules, fs::copy_options::recursive);
  auto document = native::scan_with(folder, "linux-kernel");
  CHECK(native::warnings(document).empty());
  const auto& kernel = native::only(document, "linux-kernel");
  CHECK(kernel.type == model::ComponentType::operating_system);
  CHECK(kernel.version == release);
  CHECK(kernel.purl == "pkg:generic/linux-kernel@" + release);
  CHECK(kernel.cpes ==
        std::vector<std::string>{"cpe:2.3:o:linux:linux_kernel:" + upstream + ":*:*:*:*:*:*:*"});
  auto build = native::property(kernel, "kensa:linux-kernel:build");
  REQUIRE(build);
  CHECK(build->starts_with(release + " (debian-kernel@lists.debian.org)"));
  CHECK(build->find("Debian " + version) != std::string::npos);
  // Every module of the folder is related to the kernel.
  auto contained = native::edges(document, model::RelationshipType::contains);
  CHECK(contained.size() == document.components.size() - 1);
  CHECK(contained.count("linux-kernel@" + release + " -> vsock@1.0.2.0-k") == 1);
}
