// The reform in words, for every place that names it: the Scope line of impact and plan, picture
// titles and legends, the Gantt chart and the page. "1507 Ålesund is split into 1508 Ålesund and
// 1580 Haram on 1 Jan 2024", whatever order the change rows came in (engine/model/reform.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/analysis/scope.h"
#include "engine/model/landscape.h"
#include "engine/model/reform.h"
#include "viz/i18n.h"

namespace landskap::viz {

// "A, B and C" / "A, B og C".
std::string JoinWithAnd(Language language, const std::vector<std::string>& items);

// One step: "1245 Sund and 1246 Fjell merge into 4626 Øygarden on 1 Jan 2020".
std::string ReformStepText(const ReformStep& step, Language language);

// The whole reform in one sentence (without a final full stop). Up to five steps are listed one
// by one; more are counted by kind, with every split and border adjustment still named (they
// are rare and ask questions of their own).
std::string ReformText(const std::vector<ReformStep>& steps, Language language);

// The Scope line of an answer: what was assumed about who changes. `key` is the key that
// changes (for the unscoped case); empty when the answer follows systems only (no line then).
std::string ScopeText(const ReformScope& scope, std::optional<std::string> key, Language language);

// A title for pictures and the page when the landscape has no name: "Ålesund og Haram:
// kommunedeling 1. jan. 2024". Empty when there is no reform.
std::string ReformTitle(const std::vector<ReformStep>& steps, Language language);

// The title of a picture or the page: the landscape's name, else the reform of its kommunenummer
// changes (ReformTitle), else the file's name.
std::string PictureTitle(const Landscape& landscape, std::string_view file, Language language);

}  // namespace landskap::viz
