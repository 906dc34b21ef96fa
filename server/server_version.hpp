#pragma once

namespace accord::server {

// The project's version (CMake's project VERSION), shown by --version and sent in Welcome.
#ifndef ACCORD_VERSION
#define ACCORD_VERSION "0.0.0"
#endif
inline constexpr const char* kServerVersion = ACCORD_VERSION;

}  // namespace accord::server
