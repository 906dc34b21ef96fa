// Table-driven cases for the moderation rules (to be written).
#include "test_support.hpp"
