// The JSON shape of impact results and plans: one shape per result, used by `--format json`
// and embedded in the workshop page alike. Building a JSON value is not printing: the
// formatters (cli/) and the page (viz/) decide where it goes.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/impact.h"
#include "engine/plan.h"

namespace landskap {

using ordered_json = nlohmann::ordered_json;

// Affected systems counted by owner ("(no owner)" for none) and by reason, for summaries.
std::map<std::string, size_t> ImpactByOwner(const Landscape& landscape, const ImpactResult& r);
std::map<std::string, size_t> ImpactByReason(const ImpactResult& r);

// {"query": {...}, "affected": [...], "integrations": [...], "summary": {...}}
ordered_json ImpactJson(const Landscape& landscape, const ImpactResult& result,
                        const std::string& file);
// {"file", "duration_days", ..., "tasks": [...], "waves", "bundles", "critical_paths", "late"}
ordered_json PlanJson(const Landscape& landscape, const Plan& plan, const std::string& file);

}  // namespace landskap
