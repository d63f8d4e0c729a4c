// The cutover plan for the tools that run projects: MS Project XML (MSPDI, which MS Project,
// ProjectLibre and GNOME Planner import), iCalendar (fixed dates, milestones and the deadline,
// for a shared calendar) and a Mermaid gantt block for Markdown documents. Every export needs
// dates: a plan without a calendar (no --start and no fixed dates) cannot be exported.
#pragma once

#include <string>

#include "cli/formats/heading.h"
#include "engine/plan/plan.h"

namespace landskap::cli {

// The message for a plan without a calendar; empty when the plan can be exported.
std::string ExportNeedsDates(const Plan& plan);

// MSPDI (http://schemas.microsoft.com/project): the project's dates, a calendar with its
// working days and non-working exceptions, one task per system (UID/ID in plan order from 1),
// durations in working days of 8 hours, finish-to-start predecessor links (none inside a
// bundle: its members switch together), fixed dates as "must start on" constraints, and the
// deadline as a milestone.
std::string FormatPlanMsProject(const Landscape& landscape, const Plan& plan,
                                const PlanHeading& heading);
// iCalendar (RFC 5545, built with libical): all-day events for the plan's start, each fixed
// date, each task of 0 days, the last day of work and the deadline. UIDs come from system ids
// and DTSTAMP from the plan's start, so the same plan gives the same bytes.
std::string FormatPlanIcs(const Landscape& landscape, const Plan& plan, const PlanHeading& heading);
// A Mermaid gantt block: one section per wave, tasks t1, t2 ... with their start date and
// duration, `crit` for critical tasks, a comment line per task naming its predecessors, and
// the deadline as a milestone.
std::string FormatPlanMermaid(const Landscape& landscape, const Plan& plan,
                              const PlanHeading& heading);

}  // namespace landskap::cli
