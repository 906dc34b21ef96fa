#include "report/html.hpp"

namespace accord::report {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string paragraphs(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    const auto part = text.substr(start, end - start);
    if (part.find_first_not_of(" \n") != std::string_view::npos)
      out += "<p>" + escape(part) + "</p>\n";
    start = end + 2;
  }
  return out;
}

std::string page(std::string_view title, Paper paper, std::string_view extra_css,
                 std::string_view body) {
  // Sizes fit both papers: A4 is the narrower (210 mm), Letter the shorter (279 mm).
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
  out += escape(title);
  out += "</title>\n<style>\n@page { size: ";
  out += paper == Paper::a4 ? "A4" : "letter";
  out += R"(; margin: 14mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10pt;
       line-height: 1.35; color: #111; margin: 0; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
h2 { font-size: 12.5pt; margin: 10pt 0 4pt; border-bottom: 1px solid #999; }
h3 { font-size: 10.5pt; margin: 8pt 0 3pt; }
p { margin: 0 0 5pt; }
ul, ol { margin: 0 0 5pt; padding-left: 16pt; }
li { margin-bottom: 2pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; }
th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
.muted { color: #555; }
.sheet { break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
@media screen {
  body { background: #ddd; }
  .sheet { background: #fff; width: 210mm; min-height: 279mm; margin: 8mm auto;
           padding: 14mm 15mm; box-shadow: 0 1px 4px #888; }
}
)";
  out += extra_css;
  out += "</style>\n</head>\n<body>\n";
  out += body;
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace accord::report
