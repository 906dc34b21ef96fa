// Self-contained HTML for the printed and saved classroom documents (role cards, the debrief
// report): escaping, text split into paragraphs, and a page with its print stylesheet inline.
// Nothing here refers to anything outside the file: no URL, font, script or image link.
#pragma once

#include <string>
#include <string_view>

namespace accord::report {

enum class Paper { a4, letter };

// Text with &, <, >, " and ' escaped, safe inside elements and quoted attributes.
std::string escape(std::string_view text);

// Text with blank-line-separated paragraphs as <p> elements (escaped).
std::string paragraphs(std::string_view text);

// A whole document: the title, the shared stylesheet with the page size for `paper`, then
// `extra_css` and `body` (already HTML).
std::string page(std::string_view title, Paper paper, std::string_view extra_css,
                 std::string_view body);

}  // namespace accord::report
