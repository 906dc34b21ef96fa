// The server's long-term key pair (docs/security.md): made at first start, kept in the data
// folder as `server-key` (mode 0600), so clients that pinned it recognise the server after a
// restart or an upgrade.
#pragma once

#include <optional>
#include <string>

#include "net/secure_channel.hpp"

namespace accord::server {

inline constexpr const char* kIdentityFileName = "server-key";

// Reads DATA_DIR/server-key, or makes it if there is none. nullopt with `error` naming the file
// and what to do if it cannot be read or written, is malformed, or others may read it.
std::optional<net::KeyPair> load_or_create_identity(const std::string& data_dir,
                                                    std::string* error);

}  // namespace accord::server
