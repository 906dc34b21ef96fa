// The shipped content and phrasebook, loaded once for the bots tests.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "bots/talk.hpp"
#include "content/content.hpp"
#include "match_runner.hpp"

namespace accord::bots::test {

inline const content::ContentCatalogue& content() {
  static const content::ContentLoad load = content::load_content(ACCORD_ASSET_DIR);
  if (!load.ok()) FAIL("the shipped content does not load");
  return *load.catalogue;
}

inline const Phrasebook& phrases() {
  static const PhrasebookLoad load = [] {
    std::ifstream in(std::string(ACCORD_ASSET_DIR) + "/bots/phrases.json");
    std::stringstream text;
    text << in.rdbuf();
    return parse_phrasebook(text.str());
  }();
  if (!load.book) FAIL("assets/bots/phrases.json: " << load.error);
  return *load.book;
}

}  // namespace accord::bots::test
