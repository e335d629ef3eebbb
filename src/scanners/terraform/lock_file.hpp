#pragma once

#include <kensa/scanner/problem_list.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// What a Terraform (or OpenTofu) dependency lock file, .terraform.lock.hcl,
// says: one `provider "<source address>" { ... }` block per provider
// `terraform init` selected.
namespace kensa::scanner::terraform {

struct LockedProvider {
  // The source address as written: "registry.terraform.io/hashicorp/aws".
  std::string address;
  std::string version;     // version = "5.31.0"
  std::string constraints; // constraints = ">= 4.0.0, ~> 5.0"
  // hashes = [ "h1:...", "zh:..." ], in file order.
  std::vector<std::string> hashes;
  std::size_t line = 0; // of the `provider` keyword
};

struct LockFile {
  std::vector<LockedProvider> providers;
  // "line 12: ..." for each part that was not understood and skipped.
  ProblemList problems;
  // Set when the file ended inside a block or a cap was reached: what was
  // read before is kept, the rest is not.
  std::string stopped;
};

// Most providers and hashes per provider read; real lock files have tens of
// providers with a dozen hashes each.
inline constexpr std::size_t k_max_providers = 10'000;
inline constexpr std::size_t k_max_hashes = 1'000;
// Deepest nesting of blocks, brackets and braces skipped.
inline constexpr std::size_t k_max_depth = 64;

// Reads a lock file with a small HCL reader that knows what Terraform writes
// there: `#`, `//` and `/* */` comments; blocks `<type> "<label>" { ... }`;
// attributes `<name> = <string or list of strings>`. Blocks other than
// `provider` and attributes other than the three above are skipped (with
// their nesting counted); template interpolation (`${`) is kept as text.
LockFile parse_lock_file(std::string_view text);

} // namespace kensa::scanner::terraform
