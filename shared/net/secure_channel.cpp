#include "net/secure_channel.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace accord::net {
namespace {

static_assert(crypto_kx_PUBLICKEYBYTES == kKeyBytes && crypto_kx_SECRETKEYBYTES == kKeyBytes &&
              crypto_kx_SESSIONKEYBYTES == kKeyBytes &&
              crypto_aead_xchacha20poly1305_ietf_KEYBYTES == kKeyBytes);
static_assert(crypto_aead_xchacha20poly1305_ietf_ABYTES + 8 == kSealOverhead);

constexpr std::string_view kClientToServerLabel = "CAK1 client to server";
constexpr std::string_view kServerToClientLabel = "CAK1 server to client";

// BLAKE2b-256 of label || a || b: one direction's key from both exchanges.
SessionKey mix(std::string_view label, const SessionKey& a, const SessionKey& b) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, kKeyBytes);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(label.data()),
                            label.size());
  crypto_generichash_update(&state, a.data(), a.size());
  crypto_generichash_update(&state, b.data(), b.size());
  SessionKey out{};
  crypto_generichash_final(&state, out.data(), out.size());
  return out;
}

// The nonce is the counter, little-endian, in the first 8 of its 24 bytes: each key is used in
// one direction only, so a counter never repeats under a key.
std::array<std::uint8_t, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES> nonce_of(
    std::uint64_t counter) {
  std::array<std::uint8_t, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES> nonce{};
  for (std::size_t i = 0; i < 8; ++i)
    nonce[i] = static_cast<std::uint8_t>(counter >> (8 * i));
  return nonce;
}

bool has_magic(std::span<const std::uint8_t> packet) {
  return packet.size() >= kHandshakeMagic.size() &&
         std::equal(kHandshakeMagic.begin(), kHandshakeMagic.end(), packet.begin());
}

PublicKey key_at(std::span<const std::uint8_t> packet, std::size_t offset) {
  PublicKey key{};
  std::copy_n(packet.begin() + static_cast<std::ptrdiff_t>(offset), key.size(), key.begin());
  return key;
}

}  // namespace

bool ensure_sodium() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

KeyPair KeyPair::generate() {
  ensure_sodium();
  KeyPair pair;
  crypto_kx_keypair(pair.public_key.data(), pair.secret_key.data());
  return pair;
}

std::optional<KeyPair> KeyPair::from_secret(const SecretKey& secret) {
  ensure_sodium();
  KeyPair pair;
  pair.secret_key = secret;
  if (crypto_scalarmult_base(pair.public_key.data(), secret.data()) != 0) return std::nullopt;
  return pair;
}

std::string fingerprint(const PublicKey& key) {
  ensure_sodium();
  std::array<std::uint8_t, 32> digest{};
  crypto_generichash(digest.data(), digest.size(), key.data(), key.size(), nullptr, 0);
  std::array<char, 13> hex{};  // 6 bytes, 12 digits and the terminating zero
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), 6);
  const std::string digits(hex.data(), 12);
  return digits.substr(0, 4) + "-" + digits.substr(4, 4) + "-" + digits.substr(8, 4);
}

std::string key_hex(const PublicKey& key) {
  std::array<char, 2 * kKeyBytes + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
  return std::string(hex.data(), 2 * kKeyBytes);
}

std::optional<PublicKey> key_from_hex(const std::string& hex) {
  if (hex.size() != 2 * kKeyBytes) return std::nullopt;
  PublicKey key{};
  std::size_t decoded = 0;
  if (sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &decoded, nullptr) !=
          0 ||
      decoded != kKeyBytes)
    return std::nullopt;
  return key;
}

bool pin_matches(const std::string& pin, const PublicKey& key) {
  std::string bare;
  for (const char c : pin)
    if (c != '-' && c != ':' && c != ' ')
      bare += static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
  if (bare.size() == 2 * kKeyBytes) return bare == key_hex(key);
  std::string short_form;
  for (const char c : fingerprint(key))
    if (c != '-') short_form += c;
  return !bare.empty() && bare == short_form;
}

SecureChannel::SecureChannel(const SessionKeys& keys, Side side)
    : send_key_(side == Side::client ? keys.client_to_server : keys.server_to_client),
      receive_key_(side == Side::client ? keys.server_to_client : keys.client_to_server) {}

Bytes SecureChannel::seal(std::span<const std::uint8_t> plaintext) {
  const std::uint64_t counter = send_counter_++;
  Bytes packet(kSealOverhead + plaintext.size());
  for (std::size_t i = 0; i < 8; ++i)
    packet[i] = static_cast<std::uint8_t>(counter >> (8 * i));
  const auto nonce = nonce_of(counter);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(packet.data() + 8, &written, plaintext.data(),
                                             plaintext.size(), nullptr, 0, nullptr, nonce.data(),
                                             send_key_.data());
  packet.resize(8 + written);
  return packet;
}

std::optional<Bytes> SecureChannel::open(std::span<const std::uint8_t> packet) {
  const auto refuse = [&](Refusal why) -> std::optional<Bytes> {
    last_refusal_ = why;
    ++refused_;
    return std::nullopt;
  };
  if (packet.size() < kSealOverhead) return refuse(Refusal::too_short);
  std::uint64_t counter = 0;
  for (std::size_t i = 0; i < 8; ++i)
    counter |= static_cast<std::uint64_t>(packet[i]) << (8 * i);
  if (counter < receive_counter_) return refuse(Refusal::replayed);
  if (counter > receive_counter_) return refuse(Refusal::out_of_order);
  const auto nonce = nonce_of(counter);
  Bytes plaintext(packet.size() - kSealOverhead);
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(plaintext.data(), &written, nullptr,
                                                 packet.data() + 8, packet.size() - 8, nullptr, 0,
                                                 nonce.data(), receive_key_.data()) != 0)
    return refuse(Refusal::forged);
  plaintext.resize(written);
  ++receive_counter_;
  last_refusal_ = Refusal::none;
  return plaintext;
}

std::string describe(SecureChannel::Refusal refusal) {
  switch (refusal) {
    case SecureChannel::Refusal::none:
      return "none";
    case SecureChannel::Refusal::too_short:
      return "a packet too short to be sealed";
    case SecureChannel::Refusal::replayed:
      return "a replayed packet";
    case SecureChannel::Refusal::out_of_order:
      return "a packet out of order (one before it is missing)";
    case SecureChannel::Refusal::forged:
      return "a packet that does not authenticate (altered, or sealed with another key)";
  }
  return "unknown";
}

ClientHandshake::ClientHandshake() : ephemeral_(KeyPair::generate()) {}

Bytes ClientHandshake::init_packet() const {
  Bytes packet(kHandshakeMagic.begin(), kHandshakeMagic.end());
  packet.insert(packet.end(), ephemeral_.public_key.begin(), ephemeral_.public_key.end());
  return packet;
}

std::optional<PublicKey> ClientHandshake::server_key_of(std::span<const std::uint8_t> reply) {
  if (reply.size() != kServerReplyBytes || !has_magic(reply)) return std::nullopt;
  return key_at(reply, 4);
}

std::optional<SessionKeys> ClientHandshake::finish(std::span<const std::uint8_t> reply) const {
  if (reply.size() != kServerReplyBytes || !has_magic(reply)) return std::nullopt;
  const PublicKey server_static = key_at(reply, 4);
  const PublicKey server_ephemeral = key_at(reply, 4 + kKeyBytes);
  SessionKey rx1{}, tx1{}, rx2{}, tx2{};
  if (crypto_kx_client_session_keys(rx1.data(), tx1.data(), ephemeral_.public_key.data(),
                                    ephemeral_.secret_key.data(), server_static.data()) != 0 ||
      crypto_kx_client_session_keys(rx2.data(), tx2.data(), ephemeral_.public_key.data(),
                                    ephemeral_.secret_key.data(), server_ephemeral.data()) != 0)
    return std::nullopt;
  return SessionKeys{mix(kClientToServerLabel, tx1, tx2), mix(kServerToClientLabel, rx1, rx2)};
}

std::optional<ServerHandshakeResult> answer_handshake(const KeyPair& server_identity,
                                                      std::span<const std::uint8_t> init) {
  if (init.size() != kClientInitBytes || !has_magic(init)) return std::nullopt;
  const PublicKey client_ephemeral = key_at(init, 4);
  const KeyPair ephemeral = KeyPair::generate();
  SessionKey rx1{}, tx1{}, rx2{}, tx2{};
  if (crypto_kx_server_session_keys(rx1.data(), tx1.data(), server_identity.public_key.data(),
                                    server_identity.secret_key.data(),
                                    client_ephemeral.data()) != 0 ||
      crypto_kx_server_session_keys(rx2.data(), tx2.data(), ephemeral.public_key.data(),
                                    ephemeral.secret_key.data(), client_ephemeral.data()) != 0)
    return std::nullopt;
  ServerHandshakeResult result;
  result.reply.assign(kHandshakeMagic.begin(), kHandshakeMagic.end());
  result.reply.insert(result.reply.end(), server_identity.public_key.begin(),
                      server_identity.public_key.end());
  result.reply.insert(result.reply.end(), ephemeral.public_key.begin(), ephemeral.public_key.end());
  result.keys =
      SessionKeys{mix(kClientToServerLabel, rx1, rx2), mix(kServerToClientLabel, tx1, tx2)};
  return result;
}

bool looks_like_handshake(std::span<const std::uint8_t> packet) {
  return packet.size() >= 4 && packet[0] == 'C' && packet[1] == 'A' && packet[2] == 'K' &&
         packet[3] >= '0' && packet[3] <= '9';
}

}  // namespace accord::net
