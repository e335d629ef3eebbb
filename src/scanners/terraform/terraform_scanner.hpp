#pragma once

#include <kensa/scanner/scanner.hpp>

#include <memory>

// terraform: the providers a Terraform or OpenTofu configuration's
// dependency lock file (.terraform.lock.hcl) pins.
namespace kensa::scanner::terraform {

std::unique_ptr<Scanner> make_scanner();

} // namespace kensa::scanner::terraform
