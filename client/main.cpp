#include "app.hpp"

int main(int argc, char** argv) {
  return accord::client::client_main(argc, argv);
}
