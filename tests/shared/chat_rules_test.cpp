// Table-driven cases for the chat rules (to be written).
#include "test_support.hpp"
