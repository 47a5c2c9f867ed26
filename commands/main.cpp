#include <iostream>

#include "support/version.h"

int main() {
  std::cout << "pebble " << pebble::version() << "\n";
  return 0;
}
