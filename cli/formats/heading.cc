// Headings of impact results and plans, from the query and scope the results carry. The words
// go through the catalogue (viz/i18n.h); in English they are the msgids themselves.
#include "cli/formats/heading.h"

#include "cli/formats/table.h"
#include "engine/model/municipality.h"
#include "viz/reform_words.h"

namespace landskap::cli {

using viz::Fill;
using viz::Tr;

std::string SelectionPhrase(const Landscape& landscape, const ImpactQuery& q, viz::Language lang) {
  std::string names;
  for (SystemIndex s : q.sources) names += (names.empty() ? "" : ", ") + landscape.systems[s].id;
  if (q.key && names.empty())
    return Fill(Tr(lang, "a change of {key}"), {{"key", landscape.keys[*q.key].id}});
  if (q.key)
    return Fill(Tr(lang, "a change of {key} starting at {systems}"),
                {{"key", landscape.keys[*q.key].id}, {"systems", names}});
  return Fill(Tr(lang, "a change or outage of {systems}"), {{"systems", names}});
}

std::string ScopeLine(const Landscape& landscape, const ReformScope& scope,
                      const ImpactQuery& query, viz::Language lang) {
  std::optional<std::string> key;
  if (query.key) key = landscape.keys[*query.key].id;
  return viz::ScopeText(scope, key, lang);
}

std::string ImpactHeading(const Landscape& landscape, const ImpactResult& r, viz::Language lang) {
  const ImpactQuery& q = r.query;
  std::string out;
  if (q.sources.empty() && q.key) {
    out = Fill(Tr(lang, "Blast radius of {what}"), {{"what", SelectionPhrase(landscape, q, lang)}});
  } else {
    ImpactQuery systems_only = q;
    systems_only.key.reset();
    out = Fill(Tr(lang, "Blast radius of {what}"),
               {{"what", SelectionPhrase(landscape, systems_only, lang)}});
    if (q.key) out += Fill(Tr(lang, ", following {key}"), {{"key", landscape.keys[*q.key].id}});
  }
  out += "\n";
  if (std::string scope = ScopeLine(landscape, r.scope, q, lang); !scope.empty())
    out += scope + "\n";
  out += Fill(Tr(lang, "Direction: {direction}"),
              {{"direction", Tr(lang, DirectionName(q.direction))}});
  if (q.max_depth)
    out += Fill(Tr(lang, ", depth at most {n}"), {{"n", std::to_string(*q.max_depth)}});
  if (q.through_all) out += Tr(lang, ", also through integrations that do not carry the key");
  out += ".\n";
  return out;
}

PlanHeading DescribePlan(const Landscape& landscape, const Plan& plan, viz::Language lang) {
  PlanHeading heading;
  std::string count =
      viz::Count(lang, static_cast<long long>(plan.tasks.size()), "{n} system", "{n} systems");
  if (plan.all_systems) {
    heading.tasks = Fill(Tr(lang, "all {systems}"), {{"systems", count}});
    return heading;
  }
  std::string what = SelectionPhrase(landscape, plan.query, lang);
  heading.tasks = plan.tasks.empty() ? Fill(Tr(lang, "no systems: nothing is affected by {what}"),
                                            {{"what", what}})
                                     : Fill(Tr(lang, "the {systems} affected by {what}"),
                                            {{"systems", count}, {"what", what}});
  heading.scope = ScopeLine(landscape, plan.scope, plan.query, lang);
  return heading;
}

}  // namespace landskap::cli
