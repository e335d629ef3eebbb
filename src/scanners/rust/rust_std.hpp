#pragma once

#include "../common/binary/executable.hpp"

#include <kensa/model/component.hpp>

#include <string>
#include <string_view>

// The Rust standard library compiled into a binary. rustc (1.73 and later)
// names itself in the ELF .comment section: "rustc version 1.95.0
// (59807616e 2026-04-14)".
namespace kensa::scanner::rust {

inline constexpr std::string_view k_property_rustc = "kensa:cargo:rustc";

// The "rustc version ..." string of an image's .comment section; empty when
// there is none (another compiler, an older rustc, a stripped section, a PE
// or Mach-O image) or the section is damaged or over 64 KiB.
std::string rustc_version_string(const binary::Executable& image);

// The version in a "rustc version 1.95.0 (...)" string ("1.95.0"); empty
// when it holds none.
std::string rustc_release(std::string_view rustc_version);

// The standard library as a component: name "std", the rustc version, no
// purl (std is no crate of a registry), the CPE of the Rust toolchain
// (cpe:2.3:a:rust-lang:rust:<version>), MIT OR Apache-2.0, the whole string
// as kensa:cargo:rustc.
model::Component make_rust_std_component(std::string_view rustc_version,
                                         const model::Evidence& evidence);

} // namespace kensa::scanner::rust
