// accord-score: scores a draft file from the command line (see score_command.hpp).
#include <exception>
#include <iostream>

#include "score_command.hpp"

int main(int argc, char** argv) {
  try {
    return accord::tools::run_accord_score(argc, argv, std::cout, std::cerr);
  } catch (const std::exception& e) {  // last resort: report, never crash
    std::cerr << "accord-score: internal error: " << e.what() << "\n";
    return 1;
  }
}
