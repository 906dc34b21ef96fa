#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <string>
#include <vector>

#include "report_command.hpp"

int main(int argc, char** argv) {
  // The store's read path logs (a damaged snapshot it passes over): to standard error, so that
  // `--out -` writes nothing but the document to standard output.
  spdlog::set_default_logger(spdlog::stderr_color_st("accord-report"));
  spdlog::set_level(spdlog::level::warn);
  std::vector<std::string> args(argv + 1, argv + argc);
  return accord::report::run_report_command(args, std::cout, std::cerr);
}
