#include <iostream>
#include <string>
#include <vector>

#include "report_command.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return accord::report::run_report_command(args, std::cout, std::cerr);
}
