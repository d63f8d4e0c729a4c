// Headings of impact results and plans, from the query and scope the results carry.
#include "cli/format_heading.h"

#include "cli/format.h"
#include "engine/municipality.h"

namespace landskap::cli {

std::string SelectionPhrase(const Landscape& landscape, const ImpactQuery& q) {
  std::string names;
  for (SystemIndex s : q.sources) names += (names.empty() ? "" : ", ") + landscape.systems[s].id;
  if (q.key && names.empty()) return "a change of " + landscape.keys[*q.key].id;
  if (q.key) return "a change of " + landscape.keys[*q.key].id + " starting at " + names;
  return "a change or outage of " + names;
}

std::string ScopeLine(const ReformScope& scope) {
  if (!scope.scoped()) return "";
  std::string changing;
  for (const std::string& c : scope.changing())
    changing += (changing.empty() ? "" : ", ") + OwnerLabel(c);
  return "Scope: the municipalities whose number changes (" + changing + ") and shared systems.";
}

std::string ImpactHeading(const Landscape& landscape, const ImpactResult& r) {
  const ImpactQuery& q = r.query;
  std::string out;
  if (q.sources.empty() && q.key) {
    out = "Blast radius of " + SelectionPhrase(landscape, q) + "\n";
  } else {
    ImpactQuery systems_only = q;
    systems_only.key.reset();
    out = "Blast radius of " + SelectionPhrase(landscape, systems_only);
    if (q.key) out += ", following " + landscape.keys[*q.key].id;
    out += "\n";
  }
  if (std::string scope = ScopeLine(r.scope); !scope.empty()) out += scope + "\n";
  out += "Direction: " + std::string(DirectionName(q.direction));
  if (q.max_depth) out += ", depth at most " + std::to_string(*q.max_depth);
  if (q.through_all) out += ", also through integrations that do not carry the key";
  out += ".\n";
  return out;
}

PlanHeading DescribePlan(const Landscape& landscape, const Plan& plan) {
  PlanHeading heading;
  std::string count = Count(plan.tasks.size(), "system", "systems");
  if (plan.all_systems) {
    heading.tasks = "all " + count;
    return heading;
  }
  std::string what = SelectionPhrase(landscape, plan.query);
  heading.tasks = plan.tasks.empty() ? "no systems: nothing is affected by " + what
                                     : "the " + count + " affected by " + what;
  heading.scope = ScopeLine(plan.scope);
  return heading;
}

}  // namespace landskap::cli
