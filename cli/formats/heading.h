// What a result covers, in words, built in one place from the result itself (its query and
// scope), so the impact table, the plan's table and Markdown, and the workshop page say it the
// same way: "Blast radius of a change of kommunenummer", "the 8 systems affected by a change
// of kommunenummer", "Scope: 1246 Fjell and 1259 Øygarden merge into 4626 Øygarden ...".
#pragma once

#include <string>

#include "engine/analysis/impact.h"
#include "engine/plan/plan.h"
#include "viz/i18n.h"

namespace landskap::cli {

// "a change of kommunenummer", "a change or outage of fjell.sak", "a change of kommunenummer
// starting at fjell.sak". Every phrase here is in `language` (English for terminals and
// programs, bokmål for the Markdown report by default).
std::string SelectionPhrase(const Landscape& landscape, const ImpactQuery& query,
                            viz::Language language = viz::Language::kEnglish);
// "Scope: 1245 Sund and 1246 Fjell merge into 4626 Øygarden on 1 Jan 2020; shared systems are
// in scope too." (viz/reform_words.h), or "" for an answer that follows systems only.
std::string ScopeLine(const Landscape& landscape, const ReformScope& scope,
                      const ImpactQuery& query, viz::Language language = viz::Language::kEnglish);

// The heading lines of `landskap impact` (ending in a line break).
std::string ImpactHeading(const Landscape& landscape, const ImpactResult& result,
                          viz::Language language = viz::Language::kEnglish);

struct PlanHeading {
  std::string tasks;  // "the 23 systems affected by a change of kommunenummer", "all 12 systems"
  std::string scope;  // empty when the change is not scoped
};
PlanHeading DescribePlan(const Landscape& landscape, const Plan& plan,
                         viz::Language language = viz::Language::kEnglish);

}  // namespace landskap::cli
