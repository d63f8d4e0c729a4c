// The JSON shape of impact results and plans: one shape per result, used by `--format json`
// and embedded in the workshop page alike. Building a JSON value is not printing: the
// formatters (cli/) and the page (viz/) decide where it goes.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/analysis/impact.h"
#include "engine/plan/plan.h"

namespace landskap {

// What an answer's scope was taken from and the reform's steps, whatever order the file's change
// rows came in: {"scoped", "changing", "basis": "none"|"changes"|"owners", "reform": [{"kind",
// "from", "to", "parts_from", "effective"}]}.
nlohmann::ordered_json ScopeJson(const ReformScope& scope);

using ordered_json = nlohmann::ordered_json;

// Affected systems counted by owner ("(no owner)" for none) and by reason, for summaries.
std::map<std::string, size_t> ImpactByOwner(const Landscape& landscape, const ImpactResult& r);
std::map<std::string, size_t> ImpactByReason(const ImpactResult& r);

// Where a result's JSON object goes, one top-level field at a time, in order. The page builds
// the whole value (ImpactJson, PlanJson); `--format json` writes each field, and each element
// of a big array, as soon as it is made (cli/formats/json_stream.h), so that a national answer of
// 200 000 elements never exists as one tree. One definition of the shape serves both.
class JsonFields {
 public:
  virtual ~JsonFields() = default;
  virtual void Field(std::string_view name, const ordered_json& value) = 0;
  // An array of `count` elements, `element(i)` made one at a time.
  virtual void Array(std::string_view name, size_t count,
                     const std::function<ordered_json(size_t)>& element) = 0;
};

// {"query": {...}, "affected": [...], "integrations": [...], "summary": {...}}
void ImpactJsonFields(const Landscape& landscape, const ImpactResult& result,
                      const std::string& file, JsonFields& out);
ordered_json ImpactJson(const Landscape& landscape, const ImpactResult& result,
                        const std::string& file);
// {"file", "duration_days", ..., "tasks": [...], "waves", "bundles", "critical_paths", "late"}
void PlanJsonFields(const Landscape& landscape, const Plan& plan, const std::string& file,
                    JsonFields& out);
ordered_json PlanJson(const Landscape& landscape, const Plan& plan, const std::string& file);

}  // namespace landskap
