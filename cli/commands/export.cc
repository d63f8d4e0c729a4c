// landskap export archimate FILE [-o model.xml] [--key K]: the landscape for other tools. The
// kind of export is the first word after `export` (the spelling) or --to KIND; today
// there is one kind, the Open Group ArchiMate exchange format 3.1 that Archi imports.
#include "cli/commands.h"
#include "engine/formats/archimate_export.h"

namespace landskap::cli {
namespace {

// The kinds `export` writes, for the first positional word and --to.
constexpr std::string_view kKinds[] = {"archimate"};

class Export : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("to", po::value(&to_)->default_value("archimate"),
                        "what to write: archimate (the Open Group exchange format 3.1, which "
                        "Archi and other ArchiMate tools import)");
  }

  bool Check(Context& c) override {
    for (std::string_view kind : kKinds)
      if (to_ == kind) return true;
    c.Usage("--to " + to_ + ": landskap exports archimate");
    return false;
  }

  int Run(Context& c) override {
    if (!c.query.key) return c.Write(WriteArchimateExchange(c.landscape));
    ImpactResult impact = ComputeImpact(c.graph(), c.query);
    return c.Write(WriteArchimateExchange(c.landscape, &impact, c.selection.key));
  }

 private:
  std::string to_;
};

}  // namespace

Args ExportKindAsOption(const Args& args) {
  // `landskap export archimate FILE` is `landskap export FILE --to archimate`.
  if (args.empty()) return args;
  for (std::string_view kind : kKinds) {
    if (args[0] == kind) {
      Args out(args.begin() + 1, args.end());
      out.push_back("--to");
      out.push_back(std::string(kind));
      return out;
    }
  }
  return args;
}

Command ExportCommand() {
  return {"export",
          "write the landscape for other tools (ArchiMate exchange format for Archi)",
          {"landskap export archimate FILE [-o model.xml] [--key K]",
           "Writes the landscape as an ArchiMate model in the Open Group Model Exchange File\n"
           "Format 3.1, which Archi (File › Import › Open Exchange XML Model) and other\n"
           "ArchiMate tools read: every system becomes an application component, every\n"
           "integration a flow relationship in the direction of the data, with the carried\n"
           "keys, protocol and criticality as properties, and one view shows them all. With\n"
           "--key K the impact of a change of K is added as the properties 'landskap impact'\n"
           "and 'landskap distance'. 'landskap import' reads the file back with the same ids.",
           "  landskap export archimate datasets/oygarden-2020.json -o oygarden.xml\n"
           "  landskap export archimate datasets/oygarden-2020.json --key kommunenummer -o "
           "impact.xml"},
          kGroupSelection | kGroupOutput,
          kSelectKey | kSelectDirection | kSelectDepth | kSelectThroughAll | kSelectOwner |
              kSelectChanges,
          {Format::kXml},
          10,
          Inputs::kOneLandscape,
          [] { return std::make_unique<Export>(); }};
}

}  // namespace landskap::cli
