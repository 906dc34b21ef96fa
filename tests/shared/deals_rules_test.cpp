// Table-driven cases for the deals rules (to be written).
#include "test_support.hpp"
