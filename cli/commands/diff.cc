// landskap diff BEFORE AFTER: what changed between two versions of a landscape, field by field,
// with renames suggested; --fail-if-changed for a CI that guards an inventory.
#include "cli/formats/diff.h"

#include "cli/commands.h"
#include "engine/merge/diff.h"

namespace landskap::cli {
namespace {

class DiffBody : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("fail-if-changed", po::bool_switch(&fail_if_changed_),
                        "exit with 1 when the landscapes differ");
  }

  int Run(Context& c) override {
    LandscapeDiff diff = DiffLandscapes(c.landscapes[0], c.landscapes[1]);
    if (int code = c.Write(FormatDiff(diff, c.inputs[0], c.inputs[1], c.output.format));
        code != kExitOk)
      return code;
    return fail_if_changed_ && !diff.Empty() ? kExitGate : kExitOk;
  }

 private:
  bool fail_if_changed_ = false;
};

}  // namespace

Command DiffCommand() {
  Command c{"diff",
            "what changed between two landscape files: systems, integrations, fields, renames",
            {"landskap diff BEFORE AFTER [--format table|json|csv|markdown] [--fail-if-changed]",
             "Compares two versions of a landscape (before and after a workshop, 2019 and 2020,\n"
             "a hand-merged file and the output of 'landskap merge'). Systems and integrations\n"
             "are matched by id: those only in AFTER are added, those only in BEFORE removed,\n"
             "and for the others every field that differs is listed (name, kind, owner, vendor,\n"
             "product, domain, keys, criticality, cutover; for integrations from, to, carries,\n"
             "protocol, criticality). A removed and an added system of the same kind, owner,\n"
             "vendor, product and domain whose names (or ids) are close are suggested as a\n"
             "rename. --fail-if-changed exits with 1 when anything differs, for a CI check.",
             "  landskap diff datasets/oygarden-2020.json merged.json\n"
             "  landskap diff inventory-main.json inventory.json --fail-if-changed --format csv"},
            kGroupOutput,
            0,
            {Format::kTable, Format::kJson, Format::kCsv, Format::kMarkdown},
            10,
            Inputs::kLandscapes,
            [] { return std::make_unique<DiffBody>(); }};
  c.min_inputs = 2;
  c.max_inputs = 2;
  return c;
}

}  // namespace landskap::cli
