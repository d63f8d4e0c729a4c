// Page fitting and splitting. Graphviz's cairo PDF is always one page of the picture's size
// (its `page` attribute works for PostScript only), so for paper the picture is rendered as
// SVG and drawn with librsvg onto a cairo PDF surface: scaled onto one page, or onto a grid of
// pages with an overview page first. Everything stays vector: text is text in the PDF.
#include "viz/page.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "engine/model/text.h"

namespace landskap::viz {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kMargin = 10 * kMm;  // printers cannot print to the edge
constexpr double kHeader = 9 * kMm;   // the line saying which page this is
constexpr double kOverlap = 8 * kMm;  // each page repeats a strip of its neighbours
// Graphviz labels are 12 points; below this scale they are smaller than kSmallestReadablePoints.
constexpr double kMinScale = kSmallestReadablePoints / 12.0;
// A PNG of more pixels is drawn at a lower resolution (LayoutAndRender): 16 megapixels, eight
// 1920 × 1080 screens.
constexpr double kMostPngPixels = 16e6;

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct RsvgDeleter {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};

void Text(cairo_t* cr, double x, double y, double size, bool bold, const std::string& text) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, VisibleText(text).c_str());
}

}  // namespace

std::optional<Paper> ParsePaper(std::string_view text) {
  if (text == "A4" || text == "a4") return Paper::kA4;
  if (text == "A3" || text == "a3") return Paper::kA3;
  return std::nullopt;
}

PageSize PaperSize(const PageOptions& page) {
  PageSize size;
  if (page.paper == Paper::kA4) size = {210 * kMm, 297 * kMm};
  if (page.paper == Paper::kA3) size = {297 * kMm, 420 * kMm};
  if (page.landscape) std::swap(size.width, size.height);
  return size;
}

void FitGraphToPage(GvGraph& graph, const PageOptions& page) {
  if (page.paper == Paper::kNone) return;
  PageSize size = PaperSize(page);
  // Inches, and "!" so that a small picture grows to the page as well.
  char text[64];
  std::snprintf(text, sizeof text, "%.2f,%.2f!", (size.width - 2 * kMargin) / 72.0,
                (size.height - 2 * kMargin - kHeader) / 72.0);
  graph.Set(graph.root(), graph.Declare(AttributeOf::kGraph, "size", ""), text);
}

PageGrid GridFor(double width, double height, const PageOptions& page) {
  PageSize size = PaperSize(page);
  double w = size.width - 2 * kMargin, h = size.height - 2 * kMargin - kHeader;
  PageGrid grid;
  grid.scale = std::min(w / width, h / height);
  if (grid.scale >= kMinScale) return grid;
  // Split at the smallest readable scale: as few pages as that allows.
  grid.scale = kMinScale;
  double tile_w = (w - kOverlap) / kMinScale, tile_h = (h - kOverlap) / kMinScale;
  grid.columns = std::max(1, static_cast<int>(std::ceil((width - kOverlap / kMinScale) / tile_w)));
  grid.rows = std::max(1, static_cast<int>(std::ceil((height - kOverlap / kMinScale) / tile_h)));
  return grid;
}

bool LayoutAndRender(GvGraph& graph, std::string_view engine, const std::string& format,
                     const PageOptions& page, std::string_view title, Language language,
                     std::string* out, std::string* error) {
  bool paginate = page.paper != Paper::kNone && format == "pdf";
  if (!paginate) FitGraphToPage(graph, page);
  // A PNG for paper is printed: 150 dots per inch instead of the screen's 96.
  if (!paginate && page.paper != Paper::kNone && format == "png")
    graph.Set(graph.root(), graph.Declare(AttributeOf::kGraph, "dpi", ""), "150");
  GvMessages messages;
  GvLayout layout(graph, engine);
  // Graphviz's own messages quote its input and span lines; on one line, in parentheses, they
  // stay part of our sentence. Text from the data reaches Graphviz only escaped, so a failure
  // here is not the file's fault: say what still works and that it is a bug to report.
  auto graphviz_says = [&]() {
    std::string text = VisibleText(messages.Text());
    return text.empty() ? std::string() : " (Graphviz says: " + text + ")";
  };
  if (!layout.ok() || messages.HadError()) {
    *error = "Graphviz could not lay out the picture" + graphviz_says() +
             ". Try another --layout (dot, sfdp, neato) or a part of the landscape with --focus "
             "ID --hops 2; if the file validates, this is a bug in landskap: please report it "
             "with the file";
    return false;
  }
  if (!paginate && format == "png") {
    // A bitmap of a big landscape at 96 dots per inch is tens of megapixels (183 systems:
    // 9 278 × 6 571, 5 s of cairo's time) and no more readable whole than a smaller one: at most
    // kMostPngPixels, the resolution lowered to fit.
    auto [width, height] = layout.Size();
    double dpi = page.paper != Paper::kNone ? 150 : 96;
    double pixels = width * height * (dpi / 72) * (dpi / 72);
    if (pixels > kMostPngPixels) layout.SetBitmapDpi(dpi * std::sqrt(kMostPngPixels / pixels));
  }
  std::string rendered;
  if (!layout.Render(paginate ? "svg" : format, paginate ? &rendered : out, error)) {
    *error += graphviz_says();
    return false;
  }
  if (!paginate) return true;
  return SvgOntoPdfPages(rendered, page, title, language, out, error);
}

double PageMargin() { return kMargin; }

bool SvgPagesOntoPdf(const std::vector<std::string>& svgs, const PageOptions& page,
                     std::string_view title, std::string* out, std::string* error) {
  PageSize size = PaperSize(page);
  std::vector<std::unique_ptr<RsvgHandle, RsvgDeleter>> handles;
  for (const std::string& svg : svgs) {
    GError* gerror = nullptr;
    handles.emplace_back(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()),
                                                   svg.size(), &gerror));
    if (!handles.back()) {
      *error = std::string("cannot read a page back to print it: ") +
               (gerror ? gerror->message : "unknown error");
      if (gerror) g_error_free(gerror);
      return false;
    }
    rsvg_handle_set_dpi(handles.back().get(), 72);
  }
  auto draw = [&](cairo_t* cr) {
    for (size_t p = 0; p < handles.size(); ++p) {
      double width = 0, height = 0;
      rsvg_handle_get_intrinsic_size_in_pixels(handles[p].get(), &width, &height);
      double area_w = size.width - 2 * kMargin, area_h = size.height - 2 * kMargin;
      double scale = std::min({1.0, area_w / std::max(width, 1.0), area_h / std::max(height, 1.0)});
      cairo_save(cr);
      cairo_translate(cr, kMargin, kMargin);
      cairo_scale(cr, scale, scale);
      RsvgRectangle viewport = {0, 0, width, height};
      rsvg_handle_render_document(handles[p].get(), cr, &viewport, nullptr);
      cairo_restore(cr);
      cairo_show_page(cr);
    }
  };
  return DrawPicture(size.width, size.height, 1.0, draw, "pdf", title, "the pages", out, error);
}

bool SvgOntoPdfPages(std::string_view rendered, const PageOptions& page, std::string_view title,
                     Language language, std::string* out, std::string* error) {
  GError* gerror = nullptr;
  std::unique_ptr<RsvgHandle, RsvgDeleter> svg(rsvg_handle_new_from_data(
      reinterpret_cast<const guint8*>(rendered.data()), rendered.size(), &gerror));
  if (!svg) {
    *error = std::string("cannot read the picture back to put it on pages: ") +
             (gerror ? gerror->message : "unknown error");
    if (gerror) g_error_free(gerror);
    return false;
  }
  rsvg_handle_set_dpi(svg.get(), 72);  // Graphviz writes points: one SVG unit, one PDF point
  double width = 0, height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(svg.get(), &width, &height) || width <= 0 ||
      height <= 0) {
    *error = "the picture has no size to put on pages";
    return false;
  }
  RsvgHandle* handle = svg.get();
  auto draw_svg = [handle, width, height](cairo_t* cr) {
    RsvgRectangle viewport = {0, 0, width, height};
    rsvg_handle_render_document(handle, cr, &viewport, nullptr);
  };
  return DrawOntoPdfPages(width, height, draw_svg, page, title, language, out, error);
}

bool DrawOntoPdfPages(double width, double height, const std::function<void(cairo_t*)>& picture,
                      const PageOptions& page, std::string_view title, Language language,
                      std::string* out, std::string* error) {
  PageSize size = PaperSize(page);
  PageGrid grid = GridFor(width, height, page);
  out->clear();
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, out, size.width, size.height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, VisibleText(title).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "landskap render");
  cairo_t* cr = cairo_create(surface);
  double area_x = kMargin, area_y = kMargin + kHeader;
  double area_w = size.width - 2 * kMargin, area_h = size.height - 2 * kMargin - kHeader;
  int pages = grid.columns * grid.rows;
  // Draws the picture scaled by `scale` with its point (px, py) at the area's corner, clipped.
  auto draw = [&](double scale, double px, double py) {
    cairo_save(cr);
    cairo_rectangle(cr, area_x, area_y, area_w, area_h);
    cairo_clip(cr);
    cairo_translate(cr, area_x - px * scale, area_y - py * scale);
    cairo_scale(cr, scale, scale);
    picture(cr);
    cairo_restore(cr);
  };
  std::string heading(title);
  // The overview (or the only page): the whole picture, centred.
  double fit = std::min(area_w / width, area_h / height);
  double ox = (area_w - width * fit) / 2, oy = (area_h - height * fit) / 2;
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  Text(cr, kMargin, kMargin + 5 * kMm, 11, true,
       pages == 1
           ? heading
           : heading + " \u2014 " +
                 Fill(Tr(language, "overview of {n} pages"), {{"n", std::to_string(pages)}}));
  draw(fit, -ox / fit, -oy / fit);
  if (pages > 1) {
    // The grid of the following pages over the overview, numbered as they follow.
    double step_w = (area_w - kOverlap) / grid.scale, step_h = (area_h - kOverlap) / grid.scale;
    cairo_set_line_width(cr, 1.2);
    for (int r = 0; r < grid.rows; ++r) {
      for (int c = 0; c < grid.columns; ++c) {
        double x = area_x + ox + c * step_w * fit, y = area_y + oy + r * step_h * fit;
        double w = std::min(step_w, width - c * step_w) * fit;
        double h = std::min(step_h, height - r * step_h) * fit;
        cairo_set_source_rgba(cr, 0.0, 0.45, 0.70, 0.9);
        cairo_rectangle(cr, x, y, w, h);
        cairo_stroke(cr);
        Text(cr, x + 4, y + 16, 14, true, std::to_string(2 + r * grid.columns + c));
      }
    }
  }
  cairo_show_page(cr);
  for (int r = 0; pages > 1 && r < grid.rows; ++r) {
    for (int c = 0; c < grid.columns; ++c) {
      int number = 2 + r * grid.columns + c;
      double step_w = (area_w - kOverlap) / grid.scale, step_h = (area_h - kOverlap) / grid.scale;
      cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
      Text(cr, kMargin, kMargin + 5 * kMm, 10, false,
           heading + " \u2014 " +
               Fill(Tr(language, "page {page} of {pages}: row {row}, column {column}"),
                    {{"page", std::to_string(number)},
                     {"pages", std::to_string(pages + 1)},
                     {"row", std::to_string(r + 1)},
                     {"column", std::to_string(c + 1)}}));
      draw(grid.scale, c * step_w, r * step_h);
      cairo_show_page(cr);
    }
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    *error = std::string("cannot write the PDF: ") + cairo_status_to_string(status);
    return false;
  }
  return true;
}

bool DrawPicture(double width, double height, double png_dots,
                 const std::function<void(cairo_t*)>& picture, const std::string& format,
                 std::string_view title, std::string_view what, std::string* out,
                 std::string* error) {
  out->clear();
  cairo_surface_t* surface = nullptr;
  double dots = 1.0;
  if (format == "svg") {
    surface = cairo_svg_surface_create_for_stream(AppendToString, out, width, height);
  } else if (format == "pdf") {
    surface = cairo_pdf_surface_create_for_stream(AppendToString, out, width, height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, VisibleText(title).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "landskap render");
  } else {
    dots = png_dots;
    surface =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::ceil(width * dots)),
                                   static_cast<int>(std::ceil(height * dots)));
  }
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, dots, dots);
  picture(cr);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (format == "png" && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream(surface, AppendToString, out);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    *error = "cannot draw " + std::string(what) + ": " + cairo_status_to_string(status);
    out->clear();
    return false;
  }
  return true;
}

bool DrawOntoOnePage(double width, double height, const std::function<void(cairo_t*)>& picture,
                     const PageOptions& page, const std::string& format, std::string* out,
                     std::string* error) {
  PageSize size = PaperSize(page);
  // A PNG for paper is printed: 150 dots per inch.
  auto on_page = [&](cairo_t* cr) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    double area_w = size.width - 2 * kMargin, area_h = size.height - 2 * kMargin;
    double fit = std::min(area_w / width, area_h / height);
    cairo_translate(cr, kMargin + (area_w - width * fit) / 2,
                    kMargin + (area_h - height * fit) / 2);
    cairo_scale(cr, fit, fit);
    picture(cr);
  };
  return DrawPicture(size.width, size.height, 150.0 / 72.0, on_page, format, "", "the page", out,
                     error);
}

}  // namespace landskap::viz
