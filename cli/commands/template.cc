// landskap template [-o inventar.xlsx]: the workbook a coordinator fills in and gives to
// `landskap import`: Systemer and Integrasjoner with Norwegian headers, drop-down lists for
// type and criticality, a sheet of national systems to pick from, example rows, and a short
// "Slik fyller du ut". Imported untouched, it gives a valid landscape.
#include <sys/stat.h>

#include <map>
#include <ostream>

#include "cli/commands.h"
#include "cli/formats/table.h"
#include "cli/formats/xlsx_writer.h"
#include "engine/file/catalogue.h"

namespace landskap::cli {

namespace {

const char* const kSystemHeaders[] = {"ID",           "System",          "Type",   "Eier",
                                      "Leverandør",   "Produkt",         "Domene", "Nøkler",
                                      "Kritikalitet", "Innsats (dager)", "Etter",  "Fast dato"};
const char* const kIntegrationHeaders[] = {"ID",    "Fra",       "Til",
                                           "Bærer", "Protokoll", "Kritikalitet"};
const char* const kChangeHeaders[] = {"Fra kommunenummer", "Til kommunenummer", "Dato", "Type"};
const char* const kNationalHeaders[] = {"ID",     "System", "Type",         "Eier",
                                        "Domene", "Nøkler", "Kritikalitet", "Kilde"};

const char* kKinds[] = {"kommunal", "interkommunal", "nasjonal", "leverandør", nullptr};
const char* kLevels[] = {"lav", "middels", "høy", "kritisk", nullptr};
// The Norwegian names engine/model/reform.h's ParseReformKind reads.
const char* kReformKinds[] = {"sammenslåing", "deling", "grensejustering", "nytt nummer", nullptr};

std::string_view Norwegian(Kind kind) {
  switch (kind) {
    case Kind::kNational:
      return "nasjonal";
    case Kind::kMunicipal:
      return "kommunal";
    case Kind::kIntermunicipal:
      return "interkommunal";
    case Kind::kVendor:
      return "leverandør";
    default:
      return "";
  }
}

std::string_view Norwegian(Criticality c) {
  switch (c) {
    case Criticality::kLow:
      return "lav";
    case Criticality::kMedium:
      return "middels";
    case Criticality::kHigh:
      return "høy";
    case Criticality::kCritical:
      return "kritisk";
    default:
      return "";
  }
}

void Header(lxw_worksheet* ws, const std::string& name, const char* const* headers, size_t n,
            lxw_format* bold, const std::vector<double>& widths, XlsxProblems* problems) {
  for (size_t c = 0; c < n; ++c) {
    WriteText(ws, name, 0, static_cast<lxw_col_t>(c), headers[c], bold, problems);
    problems->Check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                         c < widths.size() ? widths[c] : 14, nullptr),
                    "cannot set the width of a column of " + name);
  }
  worksheet_freeze_panes(ws, 1, 0);
}

void DropDown(lxw_worksheet* ws, lxw_col_t column, const char** values, const char* title,
              const char* message, XlsxProblems* problems) {
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  v.value_list = const_cast<char**>(values);
  v.input_title = const_cast<char*>(title);
  v.input_message = const_cast<char*>(message);
  v.error_title = const_cast<char*>(title);
  v.error_message = const_cast<char*>(message);
  problems->Check(worksheet_data_validation_range(ws, 1, column, 2000, column, &v),
                  std::string("cannot add the list of choices for ") + title);
}

void Fill(lxw_workbook* wb, const Landscape& national, XlsxProblems* problems) {
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xDDEBF7);
  format_set_bottom(bold, LXW_BORDER_THIN);
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd.mm.yyyy");
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);

  lxw_worksheet* help = workbook_add_worksheet(wb, "Slik fyller du ut");
  lxw_worksheet* systems = workbook_add_worksheet(wb, "Systemer");
  lxw_worksheet* integrations = workbook_add_worksheet(wb, "Integrasjoner");
  lxw_worksheet* changes = workbook_add_worksheet(wb, "Endringer");
  lxw_worksheet* catalogue = workbook_add_worksheet(wb, "Nasjonale systemer");
  if (!help || !systems || !integrations || !changes || !catalogue) {
    problems->Check(LXW_ERROR_MEMORY_MALLOC_FAILED, "cannot add the sheets");
    return;
  }
  worksheet_activate(systems);

  const char* lines[] = {
      "Slik fyller du ut",
      "1. Systemer: én rad per system kommunen bruker. «System» (navnet) må fylles ut; resten "
      "er valgfritt.",
      "   ID kan stå tom: landskap lager den av navnet (Sak/arkiv blir sak-arkiv). Fyller du inn "
      "ID og lar den stå, er systemet det samme når du senere endrer navnet.",
      "   Samme system to ganger (samme navn og eier) er en feil; rader som skiller seg i Eier, "
      "Leverandør eller Produkt, er to systemer.",
      "   Type og Kritikalitet velger du fra listen i cellen. Eier er kommunenummeret (4 "
      "siffer) for kommunale systemer.",
      "   Nøkler: nøklene systemet lagrer eller bruker, skilt med komma (kommunenummer, fnr, "
      "orgnr …).",
      "   Innsats (dager): arbeidsdager for å bytte over systemet. Etter: systemer som må være "
      "ferdige først.",
      "   Fast dato: en dato arbeidet må starte på (dd.mm.åååå).",
      "2. Integrasjoner: én rad per dataflyt. Fra er systemet som gir data, Til systemet som "
      "mottar dem.",
      "   Skriv systemets navn eller ID. Bærer: nøklene som går over integrasjonen, skilt med "
      "komma.",
      "3. Endringer: reformen, én rad per kommunenummer som endres: fra (gammelt) og til (nytt) "
      "kommunenummer, datoen endringen gjelder fra, og typen fra listen (sammenslåing, deling, "
      "grensejustering, nytt nummer).",
      "   Ved deling får det gamle nummeret én rad per ny kommune. SSBs endringsliste kan også "
      "limes inn her som den er.",
      "   Alle kommandoer bruker disse endringene; --changes TABELL brukes i stedet når den gis.",
      "4. Nasjonale systemer: en liste å velge fra. Skriv navnet eller ID-en i Fra eller Til; "
      "bare de du bruker, tas med.",
      "5. Eksempelradene viser formen. Bytt dem ut med kommunens egne systemer.",
      "6. Lagre som .xlsx. Arbeidsboken kan gis rett til kommandoene, f.eks.  landskap impact "
      "inventar.xlsx --key kommunenummer,",
      "   eller gjøres om til en landskapsfil:  landskap import inventar.xlsx -o landskap.json",
      "   landskap sier fra om hver feil med ark og celle, f.eks. Integrasjoner!B12.",
  };
  problems->Check(worksheet_set_column(help, 0, 0, 110, nullptr), "cannot set a column's width");
  for (size_t i = 0; i < sizeof lines / sizeof *lines; ++i)
    WriteText(help, "Slik fyller du ut", static_cast<lxw_row_t>(i), 0, lines[i],
              i == 0 ? title : nullptr, problems);

  Header(systems, "Systemer", kSystemHeaders, 12, bold,
         {14, 26, 14, 12, 16, 18, 14, 30, 13, 15, 20, 12}, problems);
  DropDown(systems, 2, kKinds, "Type", "Velg kommunal, interkommunal, nasjonal eller leverandør",
           problems);
  DropDown(systems, 8, kLevels, "Kritikalitet", "Velg lav, middels, høy eller kritisk", problems);
  problems->Check(worksheet_set_column(systems, 11, 11, 12, date), "cannot set a column's width");
  struct Example {
    const char *name, *kind, *owner, *vendor, *product, *domain, *keys, *level;
    double effort;
    const char* after;
    std::optional<DayNumber> fixed;
  };
  const Example examples[] = {
      {"Sak/arkiv", "kommunal", "4626", "Tietoevry", "Public 360", "sak-arkiv",
       "kommunenummer, fnr, orgnr", "høy", 10, "", std::nullopt},
      {"Økonomi", "kommunal", "4626", "Visma", "Visma Enterprise", "økonomi",
       "kommunenummer, orgnr", "middels", 15, "Sak/arkiv", ParseDate("2020-01-01")},
  };
  for (size_t i = 0; i < 2; ++i) {
    const Example& e = examples[i];
    auto r = static_cast<lxw_row_t>(i + 1);
    // The examples show the ID column filled in: an id kept through renames.
    WriteText(systems, "Systemer", r, 0, i == 0 ? "sak-arkiv" : "okonomi", nullptr, problems);
    WriteText(systems, "Systemer", r, 1, e.name, nullptr, problems);
    WriteText(systems, "Systemer", r, 2, e.kind, nullptr, problems);
    WriteText(systems, "Systemer", r, 3, e.owner, nullptr, problems);
    WriteText(systems, "Systemer", r, 4, e.vendor, nullptr, problems);
    WriteText(systems, "Systemer", r, 5, e.product, nullptr, problems);
    WriteText(systems, "Systemer", r, 6, e.domain, nullptr, problems);
    WriteText(systems, "Systemer", r, 7, e.keys, nullptr, problems);
    WriteText(systems, "Systemer", r, 8, e.level, nullptr, problems);
    problems->Check(worksheet_write_number(systems, r, 9, e.effort, nullptr),
                    "cannot write an example row");
    if (*e.after) WriteText(systems, "Systemer", r, 10, e.after, nullptr, problems);
    if (e.fixed)
      problems->Check(worksheet_write_number(systems, r, 11, ExcelSerial(*e.fixed), date),
                      "cannot write an example row");
  }

  Header(integrations, "Integrasjoner", kIntegrationHeaders, 6, bold, {14, 26, 26, 30, 14, 13},
         problems);
  DropDown(integrations, 5, kLevels, "Kritikalitet", "Velg lav, middels, høy eller kritisk",
           problems);
  // The national examples name systems of the national sheet, by name and by id, so that the
  // untouched template shows both ways and imports as it is.
  std::string from_national = national.FindSystem("folkeregisteret") ? "Folkeregisteret" : "";
  std::string orgs = national.FindSystem("enhetsregisteret") ? "enhetsregisteret" : "";
  struct Flow {
    std::string from, to;
    const char *keys, *protocol, *level;
  };
  std::vector<Flow> flows = {{"Sak/arkiv", "Økonomi", "orgnr", "fil", "middels"}};
  if (!from_national.empty())
    flows.insert(flows.begin(), {from_national, "Sak/arkiv", "fnr, kommunenummer", "REST", "høy"});
  if (!orgs.empty()) flows.push_back({orgs, "Økonomi", "orgnr", "REST", "middels"});
  for (size_t i = 0; i < flows.size(); ++i) {
    auto r = static_cast<lxw_row_t>(i + 1);
    WriteText(integrations, "Integrasjoner", r, 1, flows[i].from.c_str(), nullptr, problems);
    WriteText(integrations, "Integrasjoner", r, 2, flows[i].to.c_str(), nullptr, problems);
    WriteText(integrations, "Integrasjoner", r, 3, flows[i].keys, nullptr, problems);
    WriteText(integrations, "Integrasjoner", r, 4, flows[i].protocol, nullptr, problems);
    WriteText(integrations, "Integrasjoner", r, 5, flows[i].level, nullptr, problems);
  }

  Header(changes, "Endringer", kChangeHeaders, 4, bold, {20, 20, 12, 18}, problems);
  problems->Check(worksheet_set_column(changes, 2, 2, 12, date), "cannot set a column's width");
  DropDown(changes, 3, kReformKinds, "Type",
           "Velg sammenslåing, deling, grensejustering eller nytt nummer", problems);

  Header(catalogue, "Nasjonale systemer", kNationalHeaders, 8, bold,
         {28, 34, 12, 22, 18, 34, 13, 60}, problems);
  lxw_row_t r = 1;
  for (const System& s : national.systems) {
    if (s.kind != Kind::kNational) continue;
    std::string keys;
    for (KeyIndex k : s.keys) keys += (keys.empty() ? "" : ", ") + national.keys[k].id;
    WriteText(catalogue, "Nasjonale systemer", r, 0, s.id.c_str(), nullptr, problems);
    WriteText(catalogue, "Nasjonale systemer", r, 1, s.name.c_str(), nullptr, problems);
    WriteText(catalogue, "Nasjonale systemer", r, 2, std::string(Norwegian(s.kind)).c_str(),
              nullptr, problems);
    WriteText(catalogue, "Nasjonale systemer", r, 3, s.owner.c_str(), nullptr, problems);
    WriteText(catalogue, "Nasjonale systemer", r, 4, s.domain.c_str(), nullptr, problems);
    WriteText(catalogue, "Nasjonale systemer", r, 5, keys.c_str(), nullptr, problems);
    WriteText(catalogue, "Nasjonale systemer", r, 6, std::string(Norwegian(s.criticality)).c_str(),
              nullptr, problems);
    WriteText(catalogue, "Nasjonale systemer", r, 7, s.source.c_str(), nullptr, problems);
    ++r;
  }
  problems->Check(worksheet_autofilter(catalogue, 0, 0, r - 1, 7),
                  "cannot set the filter of the national systems");
}

class Template : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("force", po::bool_switch(&force_),
                        "replace the file -o names when it exists (without it, an existing file "
                        "is never replaced: it may be a filled-in inventory)");
  }

  bool Check(Context& c) override {
    // The README's first line is `landskap template -o inventar.xlsx`; run again after the
    // inventory was filled in, it must not cost a day of typing. Pipes and devices are no
    // inventory: only an existing regular file (or a link to one) is kept.
    if (force_ || c.output.path == "-" || c.output.path.empty()) return true;
    struct stat st {};
    if (::stat(c.output.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return true;
    c.io.err << "landskap template: error: " << c.output.path
             << " exists (it may be a filled-in inventory); nothing was written. Name a new "
                "file, or give --force to replace it\n";
    return false;
  }

  int Run(Context& c) override {
    // The national sheet is the national catalogue (datasets/catalogue.json, built in).
    const Landscape& national = Catalogue();
    if (national.systems.empty()) {
      c.io.err << "landskap template: error: the national catalogue built into this program is "
                  "empty; rebuild landskap from an unchanged datasets/catalogue.json\n";
      return kExitInvalid;
    }
    std::string error;
    std::optional<std::string> bytes = BuildXlsx(
        [&](lxw_workbook* wb, XlsxProblems* problems) { Fill(wb, national, problems); }, &error);
    if (!bytes) {
      c.io.err << "landskap template: error: " << error << "\n";
      return kExitInvalid;
    }
    return c.Write(*bytes);
  }

 private:
  bool force_ = false;
};

}  // namespace

Command TemplateCommand() {
  return {"template",
          "write an Excel workbook to fill in with your systems and integrations",
          {"landskap template -o inventar.xlsx [--force]",
           "Writes the workbook a coordinator fills in: the sheets Systemer, Integrasjoner and\n"
           "Endringer (the reform: old and new kommunenummer, date, and the kind of change)\n"
           "with Norwegian headers, drop-down lists for type and criticality, a sheet of\n"
           "national systems to pick from (name them in Fra or Til; only those named are taken),\n"
           "a few example rows, and a short guide (\"Slik fyller du ut\"). Fill it in, then give\n"
           "it to any command ('landskap impact inventar.xlsx --key kommunenummer'), or make a\n"
           "landscape file of it with 'landskap import'. The untouched template imports as\n"
           "a small valid landscape. An existing file is never replaced (it may be a filled-in\n"
           "inventory) unless --force is given.",
           "  landskap template -o inventar.xlsx"},
          kGroupOutput,
          0,
          {Format::kXlsx},
          10,
          Inputs::kNone,
          [] { return std::make_unique<Template>(); }};
}

}  // namespace landskap::cli
