#include <iostream>
#include <string>
#include <vector>

#include "content_command.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return accord::content::run_content_command(args, std::cout, std::cerr);
}
