// landskap validate FILE: check a file and say what is wrong, all at once.
#include <ostream>

#include "cli/commands.h"
#include "cli/formats/table.h"
#include "engine/model/reform.h"
#include "viz/reform_words.h"

namespace landskap::cli {
namespace {

class Validate : public CommandBody {
 public:
  int Run(Context& c) override {
    c.io.out << "OK: " << Count(c.landscape.systems.size(), "system", "systems");
    if (!c.landscape.catalogue_used.empty()) {
      std::string ids;
      for (const std::string& id : c.landscape.catalogue_used)
        ids += (ids.empty() ? "" : ", ") + id;
      c.io.out << " (" << c.landscape.catalogue_used.size()
               << " from the national catalogue: " << ids << ")";
    }
    c.io.out << ", " << Count(c.landscape.integrations.size(), "integration", "integrations")
             << "\n";
    // The reform the changes describe, read as every command reads it (docs/reform.md), so
    // that a split written as two rows is seen to be a split before any analysis.
    for (KeyIndex k = 0; k < c.landscape.keys.size(); ++k) {
      std::vector<ReformStep> steps = DescribeReform(c.landscape, k);
      if (steps.empty()) continue;
      c.io.out << "Reform (" << c.landscape.keys[k].id
               << "): " << viz::ReformText(steps, viz::Language::kEnglish) << ".\n";
    }
    return kExitOk;
  }
};

}  // namespace

Command ValidateCommand() {
  return {
      "validate",
      "check a landscape file and report every problem in it",
      {"landskap validate FILE",
       "Checks a landscape file (format landskap/1) and reports every problem at once, each "
       "with\nits place in the file: line and column for broken JSON, a path such as\n"
       "/integrations/12/to for wrong content. Unknown fields are warnings (usually typos).\n"
       "A system named but not defined whose id is in the national catalogue (folkeregisteret,\n"
       "altinn, ks.svarut … see datasets/catalogue.json) is taken from it, and said so.\n"
       "FILE may be - (or /dev/stdin) to read what another program sends.",
       "  landskap validate datasets/oygarden-2020.json"},
      0,
      0,
      {},
      10,
      Inputs::kOneLandscape,
      [] { return std::make_unique<Validate>(); }};
}

}  // namespace landskap::cli
