// Table-driven cases for the drafting rules (to be written).
#include "test_support.hpp"
