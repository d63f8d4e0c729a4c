// Sizes for people: a picture fitted to a printable page (A4 or A3, portrait or landscape), as
// several pages with a page overview in a PDF when one page would be too small to read, and
// the layout direction chosen so that a big graph fits a screen instead of becoming a strip.
#pragma once

#include <cairo.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "viz/graphviz.h"
#include "viz/i18n.h"

namespace landskap::viz {

enum class Paper { kNone, kA4, kA3 };

struct PageOptions {
  Paper paper = Paper::kNone;  // kNone: the picture's own size
  bool landscape = false;
};

// "A4", "A3" (any case) or nullopt.
std::optional<Paper> ParsePaper(std::string_view text);

// The page in points (1/72 inch), with the orientation applied.
struct PageSize {
  double width = 0, height = 0;
};
PageSize PaperSize(const PageOptions& page);

// Text smaller than this many points on paper is too small to read at arm's length; a PDF
// that would shrink the picture's 12-point labels below it is split into pages.
inline constexpr double kSmallestReadablePoints = 6.5;

// Sets Graphviz's size attribute so that an SVG, PNG or DOT picture fits the page (a PDF is
// fitted, or split, by RenderForPage after the layout).
void FitGraphToPage(GvGraph& graph, const PageOptions& page);

// Lays out `graph` with `engine` and renders `format`; with a paper size and "pdf", renders
// SVG and draws it onto PDF pages with cairo: one page when the picture reads at that size,
// otherwise a first page with the whole picture and a numbered grid, then one page per grid
// cell. `title` heads the pages. False with *error on failure.
bool LayoutAndRender(GvGraph& graph, std::string_view engine, const std::string& format,
                     const PageOptions& page, std::string_view title, Language language,
                     std::string* out, std::string* error);

// Draws an SVG picture (sized in points, as Graphviz and cairo write it) onto PDF pages as
// LayoutAndRender does with its own. False with *error when librsvg cannot read it.
bool SvgOntoPdfPages(std::string_view svg, const PageOptions& page, std::string_view title,
                     Language language, std::string* out, std::string* error);

// The pages of a picture of `width` × `height` points that `picture` draws at the origin in
// its own units (cairo, so it stays vector): one page when it reads at that size, else an
// overview page with the numbered grid and one page per cell (GridFor).
bool DrawOntoPdfPages(double width, double height, const std::function<void(cairo_t*)>& picture,
                      const PageOptions& page, std::string_view title, Language language,
                      std::string* out, std::string* error);

// One drawing in `format`: an SVG or a PDF of `width` × `height` points, or a PNG of
// `png_dots` pixels a point; `picture` draws it at the origin in points. The PDF is titled
// `title`. Every picture drawn with cairo (the Gantt chart, pages for paper) is made here. False
// with *error ("cannot draw <what>: …") when cairo fails.
bool DrawPicture(double width, double height, double png_dots,
                 const std::function<void(cairo_t*)>& picture, const std::string& format,
                 std::string_view title, std::string_view what, std::string* out,
                 std::string* error);

// Fits a picture of `width` × `height` points onto one page of `page` with the margins, as
// an SVG or a PNG at 150 dots per inch (`format` "svg" or "png"); `picture` draws it.
bool DrawOntoOnePage(double width, double height, const std::function<void(cairo_t*)>& picture,
                     const PageOptions& page, const std::string& format, std::string* out,
                     std::string* error);

// The margin printers need on every side, in points.
double PageMargin();

// SVG pages (sized in points) onto PDF pages of `page`, one each, scaled down to the printable
// area when larger, at the top left. The Gantt chart's pages, already broken between rows.
bool SvgPagesOntoPdf(const std::vector<std::string>& svgs, const PageOptions& page,
                     std::string_view title, std::string* out, std::string* error);

// How many pages (columns × rows) the PDF of a picture of `width` × `height` points gets on
// `page`: 1 × 1 when it fits at kSmallestReadablePoints / 12 or larger.
struct PageGrid {
  int columns = 1, rows = 1;
  double scale = 1;  // picture points to paper points on the pages of the grid
};
PageGrid GridFor(double width, double height, const PageOptions& page);

}  // namespace landskap::viz
