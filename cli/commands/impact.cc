// landskap impact FILE (--system ID ... | --key K): the blast radius with its evidence.
#include "cli/formats/impact.h"

#include "cli/commands.h"
#include "cli/formats/xlsx_tables.h"

namespace landskap::cli {
namespace {

class Impact : public CommandBody {
 public:
  bool Check(Context& c) override {
    if (c.selection.HasSystems() || c.selection.HasKey()) return true;
    c.Usage("say what changes: --key kommunenummer, or --system ID");
    return false;
  }

  int Run(Context& c) override {
    ImpactResult result = ComputeImpact(c.graph(), c.query);
    switch (c.output.format) {
      case Format::kJson:
        return c.WriteStreamed([&](OutputStream& out) {
          WriteImpactJson(c.landscape, result, c.file(),
                          [&out](std::string_view text) { out.Write(text); });
        });
      case Format::kCsv:
        return c.WriteStreamed([&](OutputStream& out) {
          WriteImpactCsv(c.landscape, result, [&out](std::string_view text) { out.Write(text); });
        });
      case Format::kMarkdown:
        return c.WriteStreamed([&](OutputStream& out) {
          WriteImpactMarkdown(c.landscape, result, c.language.language,
                              [&out](std::string_view text) { out.Write(text); });
        });
      case Format::kXlsx:
        return c.WriteWorkbook(FormatImpactXlsx(c.landscape, result, c.language.language,
                                                &c.workbook_error, &c.workbook_note));
      default:
        return c.WriteStreamed([&](OutputStream& out) {
          WriteImpactTable(c.landscape, result, [&out](std::string_view text) { out.Write(text); });
        });
    }
  }
};

}  // namespace

Command ImpactCommand() {
  return {"impact",
          "what breaks when a key (kommunenummer) or a system changes, and why",
          {"landskap impact FILE (--system ID ... | --key K) [options]",
           "Shows which systems and integrations break when a key such as the kommunenummer\n"
           "changes (--key), or when one system changes or fails (--system), and why: for every\n"
           "affected system its distance, its reason and one shortest evidence path.\n"
           "  holds-key     the system stores the key itself\n"
           "  receives-key  the key reaches it over integrations that carry it\n"
           "  depends-on    it consumes data from an affected system (--through-all, or --system)\n"
           "  provider      upstream: it provides data to the system asked about (--direction up)\n"
           "When the file lists kommunenummer changes, only the changing municipalities' own\n"
           "systems and shared systems are seeds, and a neighbour's system is affected only when\n"
           "it receives data from a changing municipality. --owner names the changing\n"
           "municipalities by hand. The format follows -o's ending (.json, .csv, .txt, .md)\n"
           "unless --format says otherwise (xlsx: an Excel workbook, to a file with -o).\n"
           "Markdown and the workbook are in Norwegian (bokmål) unless --lang en.",
           "  landskap impact datasets/oygarden-2020.json --key kommunenummer\n"
           "  landskap impact datasets/oygarden-2020.json --system folkeregisteret --depth 2\n"
           "  landskap impact datasets/oygarden-2020.json --key kommunenummer -o impact.csv"},
          kGroupSelection | kGroupLanguage | kGroupOutput,
          kSelectKey | kSelectSystem | kSelectDirection | kSelectDepth | kSelectThroughAll |
              kSelectOwner | kSelectChanges,
          {Format::kTable, Format::kJson, Format::kCsv, Format::kXlsx, Format::kMarkdown},
          10,
          Inputs::kOneLandscape,
          [] { return std::make_unique<Impact>(); }};
}

}  // namespace landskap::cli
