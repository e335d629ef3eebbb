#pragma once

#include <kensa/format/loss_report.hpp>
#include <kensa/format/reader.hpp>
#include <kensa/model/document.hpp>
#include <kensa/util/json_document.hpp>

#include <string_view>

namespace kensa::format::kensa_json {

// Whether `json` is a kensa-json document ("kensaJson" at the top).
bool is_kensa_json(const json::Value& json);

// The model as write_kensa_json wrote it, field for field; component ids
// are kept as written. Members of the wrong type are skipped with a
// diagnostic naming `source_name`. Fails for another major version or when a
// limit is exceeded.
Result<model::Document> from_kensa_json(const json::Value& json, std::string_view source_name,
                                        const ReadLimits& limits, LossReport& losses);

} // namespace kensa::format::kensa_json
