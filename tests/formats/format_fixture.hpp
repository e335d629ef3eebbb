#pragma once

#include "../support/chain_document.hpp"

#include <kensa/format/loss_report.hpp>
#include <kensa/model/document.hpp>

#include <filesystem>
#include <string>

// The document the format tests write and read: every field kind of the
// model is set at least once (nesting, files, LicenseRefs, hashes no SPDX
// version has, a type CycloneDX 1.4 lacks, image layers, ...).
namespace kensa::testing {

model::Document every_field_document();

// Package `number` of a generated big document: package-(10000 + number)
// 1.0.0, an npm purl, and one evidence with an image layer (which
// CycloneDX before 1.6 has no field for: one loss each).
model::Component numbered_package(std::size_t number);

// `document` written as `spec_text` says ("spdx-json@2.3"); the spec must
// parse.
std::string render_as(const model::Document& document, const std::string& spec_text,
                      format::LossReport* losses = nullptr);

// File name extension for a format's output ("cdx.json", "spdx", ...).
std::string output_extension(std::string_view format);

// Writes `text` to a fresh file under the scratch folder `folder`.
std::filesystem::path write_scratch(const std::string& folder, const std::string& name,
                                    const std::string& text);

// Runs a command through the shell; its exit code, or -1 when it could not
// run. Output goes to the test's own stdout/stderr.
int run_shell(const std::string& command);

// Whether `program` is on PATH.
bool have_program(const std::string& program);

} // namespace kensa::testing
