// Table-driven cases for the delegation rules (to be written).
#include "test_support.hpp"
