// The encrypted channel on its own (no network): the handshake agrees on keys only with the
// holder of the server's secret key, and a replayed, reordered, truncated or altered packet is
// refused without disturbing the genuine stream.
#include "net/secure_channel.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace accord::net {
namespace {

Bytes text(const std::string& s) {
  return Bytes(s.begin(), s.end());
}

struct Pair {
  SecureChannel client;
  SecureChannel server;
};

Pair connect(const KeyPair& identity) {
  const ClientHandshake handshake;
  const auto answered = answer_handshake(identity, handshake.init_packet());
  REQUIRE(answered);
  const auto keys = handshake.finish(answered->reply);
  REQUIRE(keys);
  return Pair{SecureChannel(*keys, SecureChannel::Side::client),
              SecureChannel(answered->keys, SecureChannel::Side::server)};
}

TEST_CASE("client and server agree on keys and messages pass both ways") {
  const KeyPair identity = KeyPair::generate();
  auto [client, server] = connect(identity);
  for (int i = 0; i < 3; ++i) {
    const auto opened = server.open(client.seal(text("hello " + std::to_string(i))));
    REQUIRE(opened);
    CHECK(*opened == text("hello " + std::to_string(i)));
    const auto back = client.open(server.seal(text("welcome")));
    REQUIRE(back);
    CHECK(*back == text("welcome"));
  }
  CHECK(server.open(client.seal({})) == Bytes{});  // an empty message is still a message
  CHECK(client.refused() == 0);
  CHECK(server.refused() == 0);
}

TEST_CASE("a sealed packet reveals nothing of its text and grows by the stated overhead") {
  auto [client, server] = connect(KeyPair::generate());
  const std::string secret = "facilitator password: correct horse battery staple";
  const Bytes packet = client.seal(text(secret));
  CHECK(packet.size() == secret.size() + kSealOverhead);
  const std::string as_text(packet.begin(), packet.end());
  CHECK(as_text.find("password") == std::string::npos);
  CHECK(as_text.find("horse") == std::string::npos);
}

TEST_CASE("every altered byte of a packet is refused and the genuine packet still opens") {
  auto [client, server] = connect(KeyPair::generate());
  const Bytes genuine = client.seal(text("take seat 3"));
  for (std::size_t i = 0; i < genuine.size(); ++i) {
    Bytes altered = genuine;
    altered[i] ^= 0x01;
    INFO("byte " << i);
    CHECK_FALSE(server.open(altered));
    // The counter bytes say "a later packet"; any other byte fails authentication.
    CHECK(server.last_refusal() ==
          (i < 8 ? SecureChannel::Refusal::out_of_order : SecureChannel::Refusal::forged));
  }
  CHECK(server.refused() == genuine.size());
  const auto opened = server.open(genuine);
  REQUIRE(opened);
  CHECK(*opened == text("take seat 3"));
}

TEST_CASE("a replayed packet is refused") {
  auto [client, server] = connect(KeyPair::generate());
  const Bytes first = client.seal(text("vote yes"));
  REQUIRE(server.open(first));
  CHECK_FALSE(server.open(first));
  CHECK(server.last_refusal() == SecureChannel::Refusal::replayed);
  REQUIRE(server.open(client.seal(text("next"))));
}

TEST_CASE("a reordered or missing packet is refused until the one before it comes") {
  auto [client, server] = connect(KeyPair::generate());
  const Bytes one = client.seal(text("one"));
  const Bytes two = client.seal(text("two"));
  CHECK_FALSE(server.open(two));
  CHECK(server.last_refusal() == SecureChannel::Refusal::out_of_order);
  CHECK(server.open(one) == text("one"));
  CHECK(server.open(two) == text("two"));
}

TEST_CASE("a truncated packet is refused") {
  auto [client, server] = connect(KeyPair::generate());
  const Bytes packet = client.seal(text("a long enough message"));
  for (const std::size_t keep :
       {std::size_t{0}, std::size_t{7}, kSealOverhead - 1, kSealOverhead, packet.size() - 1}) {
    INFO("kept " << keep << " bytes");
    CHECK_FALSE(server.open(Bytes(packet.begin(), packet.begin() + static_cast<long>(keep))));
  }
  CHECK(server.open(packet) == text("a long enough message"));
}

TEST_CASE("a server without the pinned secret key cannot read or write the stream") {
  const KeyPair real = KeyPair::generate();
  const KeyPair impostor = KeyPair::generate();
  const ClientHandshake handshake;
  // The impostor answers with the real server's public key, which it cannot use.
  KeyPair pretending = impostor;
  pretending.public_key = real.public_key;
  const auto answered = answer_handshake(pretending, handshake.init_packet());
  REQUIRE(answered);
  REQUIRE(ClientHandshake::server_key_of(answered->reply) == real.public_key);
  const auto keys = handshake.finish(answered->reply);
  REQUIRE(keys);
  SecureChannel client(*keys, SecureChannel::Side::client);
  SecureChannel impostor_side(answered->keys, SecureChannel::Side::server);
  CHECK_FALSE(impostor_side.open(client.seal(text("my brief"))));
  CHECK_FALSE(client.open(impostor_side.seal(text("welcome"))));
  CHECK(client.last_refusal() == SecureChannel::Refusal::forged);
}

TEST_CASE("malformed handshake packets are refused") {
  const KeyPair identity = KeyPair::generate();
  const ClientHandshake handshake;
  Bytes init = handshake.init_packet();
  CHECK(looks_like_handshake(init));
  CHECK_FALSE(answer_handshake(identity, Bytes(init.begin(), init.end() - 1)));
  Bytes wrong_magic = init;
  wrong_magic[3] = '9';
  CHECK_FALSE(answer_handshake(identity, wrong_magic));
  // An all-zero key is a point of small order: the exchange refuses it.
  Bytes zero_key(init.begin(), init.begin() + 4);
  zero_key.resize(kClientInitBytes, 0);
  CHECK_FALSE(answer_handshake(identity, zero_key));
  CHECK_FALSE(handshake.finish(Bytes(kServerReplyBytes, 0)));
  CHECK_FALSE(ClientHandshake::server_key_of(Bytes(10, 'C')));
  // An older client's first message is MessagePack: a map, never "CAK".
  CHECK_FALSE(looks_like_handshake(Bytes{0x82, 0xa4, 't', 'y'}));
}

TEST_CASE("fingerprints and pins") {
  const KeyPair a = KeyPair::generate();
  const KeyPair b = KeyPair::generate();
  const std::string fp = fingerprint(a.public_key);
  REQUIRE(fp.size() == 14);
  CHECK(fp[4] == '-');
  CHECK(fp[9] == '-');
  CHECK(fingerprint(a.public_key) == fp);  // stable
  CHECK(fp != fingerprint(b.public_key));
  CHECK(pin_matches(fp, a.public_key));
  std::string upper = fp;
  for (auto& c : upper)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(pin_matches(upper, a.public_key));
  CHECK(pin_matches(key_hex(a.public_key), a.public_key));
  CHECK_FALSE(pin_matches(fp, b.public_key));
  CHECK_FALSE(pin_matches(key_hex(b.public_key), a.public_key));
  CHECK_FALSE(pin_matches("", a.public_key));
  CHECK(key_from_hex(key_hex(a.public_key)) == a.public_key);
  CHECK_FALSE(key_from_hex("zz"));
  const auto again = KeyPair::from_secret(a.secret_key);
  REQUIRE(again);
  CHECK(again->public_key == a.public_key);
}

}  // namespace
}  // namespace accord::net
