#pragma once

// The documented exit codes (docs/cli.md). Scripts rely on them: never
// change a meaning, only add.
namespace kensa::cli {

// The command did what was asked.
inline constexpr int k_exit_success = 0;
// The document or check failed (a validation found errors).
inline constexpr int k_exit_check_failed = 1;
// Bad usage (unknown flag or format) or input that cannot be read, or an
// output that cannot be written.
inline constexpr int k_exit_usage = 2;
// A bug in kensa: an unexpected internal error.
inline constexpr int k_exit_internal = 3;

} // namespace kensa::cli
