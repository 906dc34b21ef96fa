// Table-driven cases for the phase rules (to be written).
#include "test_support.hpp"
