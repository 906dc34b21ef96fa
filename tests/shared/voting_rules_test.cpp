// Table-driven cases for the voting rules (to be written).
#include "test_support.hpp"
