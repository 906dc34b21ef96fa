// Randomness and secrets through libsodium: join codes, reconnect tokens, room seeds, and the
// digests under which tokens and room passwords are kept (never the secrets themselves).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace accord::server {

bool ensure_sodium();

std::string random_join_code();
// 32 random bytes as 64 hex digits.
std::string random_token();
std::uint64_t random_seed();

// BLAKE2b-256 as hex: the key under which a token is stored, and how a room password is kept.
// (A room password is an admission code shared with a class, not an account secret: a fast
// keyed digest is enough; the facilitator password gets Argon2id.)
std::string digest(std::string_view secret);
// Constant-time comparison of two digests.
bool same_digest(const std::string& a, const std::string& b);

// Overwrites a secret in place before it is freed.
void wipe(std::string& secret);

}  // namespace accord::server
