// The encrypted, authenticated connection (docs/protocol.md, "Encryption"): a key exchange with
// the server's long-term key and an ephemeral key on each side (libsodium crypto_kx), then every
// message sealed with XChaCha20-Poly1305 under a key per direction and a counter per direction.
// Pure bytes, no ENet: the server and the client put these on their ENet peers, and tests and
// the Python conformance client check them directly.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace accord::net {

using Bytes = std::vector<std::uint8_t>;
inline constexpr std::size_t kKeyBytes = 32;
using PublicKey = std::array<std::uint8_t, kKeyBytes>;
using SecretKey = std::array<std::uint8_t, kKeyBytes>;
using SessionKey = std::array<std::uint8_t, kKeyBytes>;

// Every handshake packet begins with these four bytes: the version of the secure layer.
inline constexpr std::array<std::uint8_t, 4> kHandshakeMagic{'C', 'A', 'K', '1'};
inline constexpr std::size_t kClientInitBytes = 4 + kKeyBytes;       // magic, client ephemeral
inline constexpr std::size_t kServerReplyBytes = 4 + 2 * kKeyBytes;  // magic, static, ephemeral
inline constexpr std::size_t kSealOverhead = 8 + 16;                 // counter, Poly1305 tag

// libsodium's sodium_init, once per process; false if it could not start.
bool ensure_sodium();

struct KeyPair {
  PublicKey public_key{};
  SecretKey secret_key{};
  static KeyPair generate();
  // The public key of a secret key (X25519 base-point multiplication).
  static std::optional<KeyPair> from_secret(const SecretKey& secret);
};

// What people compare: the first 6 bytes of BLAKE2b-256(public key) as "xxxx-xxxx-xxxx".
std::string fingerprint(const PublicKey& key);
// The whole key as 64 lowercase hex digits (what a client pins), and back.
std::string key_hex(const PublicKey& key);
std::optional<PublicKey> key_from_hex(const std::string& hex);
// Does `pin` (a fingerprint, with or without dashes, or the full hex key) name `key`?
bool pin_matches(const std::string& pin, const PublicKey& key);

// Both directions' keys of one connection.
struct SessionKeys {
  SessionKey client_to_server{};
  SessionKey server_to_client{};
};

// Seals what one side sends and opens what it receives. The receiver takes only the next
// counter: a replayed, reordered, truncated or altered packet is refused and counted, and the
// counter does not move, so the genuine packet is still accepted if it comes.
class SecureChannel {
 public:
  enum class Side : std::uint8_t { client, server };
  SecureChannel(const SessionKeys& keys, Side side);

  Bytes seal(std::span<const std::uint8_t> plaintext);
  enum class Refusal : std::uint8_t { none, too_short, replayed, out_of_order, forged };
  std::optional<Bytes> open(std::span<const std::uint8_t> packet);

  Refusal last_refusal() const { return last_refusal_; }
  std::uint64_t refused() const { return refused_; }  // packets refused so far
  std::uint64_t sent() const { return send_counter_; }
  std::uint64_t received() const { return receive_counter_; }

 private:
  SessionKey send_key_{};
  SessionKey receive_key_{};
  std::uint64_t send_counter_ = 0;
  std::uint64_t receive_counter_ = 0;
  std::uint64_t refused_ = 0;
  Refusal last_refusal_ = Refusal::none;
};

std::string describe(SecureChannel::Refusal refusal);

// The client's side: an ephemeral key pair, the init packet, and the keys from the reply.
class ClientHandshake {
 public:
  ClientHandshake();
  Bytes init_packet() const;
  // The server's static key as the reply states it (check it against a pin before trusting
  // anything sealed), or nullopt for a reply that is not one.
  static std::optional<PublicKey> server_key_of(std::span<const std::uint8_t> reply);
  // The session's keys, or nullopt if the reply is malformed or its keys are invalid points.
  std::optional<SessionKeys> finish(std::span<const std::uint8_t> reply) const;

 private:
  KeyPair ephemeral_;
};

// The server's side: from a client's init packet, the reply to send and the session's keys.
struct ServerHandshakeResult {
  Bytes reply;
  SessionKeys keys;
};
std::optional<ServerHandshakeResult> answer_handshake(const KeyPair& server_identity,
                                                      std::span<const std::uint8_t> init);

// Does this packet begin like a handshake packet of any version ("CAK" and a digit)? An older
// client's first message is MessagePack (a map), which never does.
bool looks_like_handshake(std::span<const std::uint8_t> packet);

}  // namespace accord::net
