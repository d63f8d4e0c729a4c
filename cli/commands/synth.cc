// landskap synth: writes a generated landscape (synth/synth.h) of any size up to the whole
// country, for demos, training and benchmarks. Same options and seed, same bytes.
#include "synth/synth.h"

#include <cstdio>
#include <streambuf>

#include "cli/commands.h"

namespace landskap::cli {
namespace {

// Lets the generator, which writes to a std::ostream, write into an OutputStream (the temporary
// file renamed into place at the end, or stdout).
class OutputBuffer : public std::streambuf {
 public:
  explicit OutputBuffer(OutputStream& out) : out_(out) {}

 protected:
  std::streamsize xsputn(const char* text, std::streamsize n) override {
    out_.Write(std::string_view(text, static_cast<size_t>(n)));
    return n;
  }
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) {
      char ch = traits_type::to_char_type(c);
      out_.Write(std::string_view(&ch, 1));
    }
    return traits_type::not_eof(c);
  }

 private:
  OutputStream& out_;
};

class Synth : public CommandBody {
 public:
  void AddOptions(po::options_description* desc) override {
    desc->add_options()("municipalities", po::value(&options_.municipalities)->default_value(356),
                        "number of municipalities (1 to 700; 356 is the whole country)")(
        "systems-per-municipality",
        po::value(&options_.systems_per_municipality)->default_value(560),
        "systems in each municipality (at least 3)")(
        "integrations-per-system", po::value(&options_.integrations_per_system)->default_value(5.0),
        "average integrations per municipal system")(
        "merging", po::value(&options_.merging)->default_value(0),
        "municipalities that get a new kommunenummer (merging neighbours), listed in 'changes'")(
        "reform-date", po::value(&options_.reform_date)->default_value("2020-01-01"),
        "the date the new numbers take effect (YYYY-MM-DD)")(
        "seed", po::value(&options_.seed)->default_value(1),
        "random seed; the same options and seed give the same file on every machine");
  }

  bool Check(Context& c) override {
    std::string problem = CheckSynthOptions(options_);
    if (problem.empty()) return true;
    c.Usage(problem);
    return false;
  }

  int Run(Context& c) override {
    SynthSummary summary;
    int code = c.WriteStreamed([&](OutputStream& out) {
      OutputBuffer buffer(out);
      std::ostream stream(&buffer);
      summary = WriteSyntheticLandscape(options_, stream);
    });
    if (code != kExitOk) return code;
    // On stderr, so that `landskap synth > file` keeps the file clean.
    c.io.err << "landskap synth: " << (c.output.path == "-" ? "stdout" : c.output.path) << ": "
             << summary.systems << " systems (" << summary.municipal_systems << " municipal, "
             << summary.national_systems << " national, " << summary.intermunicipal_systems
             << " intermunicipal, " << summary.vendor_systems << " vendor), "
             << summary.integrations << " integrations, " << summary.changes << " changes\n";
    return kExitOk;
  }

 private:
  SynthOptions options_;
};

}  // namespace

Command SynthCommand() {
  return {"synth",
          "writes a generated landscape of Norwegian municipalities, up to the whole country",
          {"landskap synth [--municipalities N] [--systems-per-municipality N] [--merging N] "
           "[--seed N] [-o FILE]",
           "Writes a made-up but realistic landscape file (landskap/1) for demos, training and\n"
           "benchmarks: municipalities with real-looking kommunenummer and their systems in ~30\n"
           "domains, national registers that feed them (Folkeregisteret, Matrikkelen ...),\n"
           "intermunicipal systems shared by neighbours, vendor platforms, and with --merging a\n"
           "reform in which neighbouring municipalities merge and get new numbers (listed in\n"
           "'changes'). The defaults give the whole country: 356 municipalities, about 200 000\n"
           "systems and 1 000 000 integrations, a 160 MB file. The same options and seed give\n"
           "the same file on every machine. A file named with -o is written in full or not at\n"
           "all.",
           "  landskap synth --municipalities 43 --systems-per-municipality 560 -o vestland.json\n"
           "  landskap synth --merging 40 -o national-reform.json"},
          kGroupOutput,
          0,
          {Format::kJson},
          10,
          Inputs::kNone,
          [] { return std::make_unique<Synth>(); }};
}

}  // namespace landskap::cli
