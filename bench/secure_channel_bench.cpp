// What encryption costs (issue 16): sealing and opening one message, and one key exchange
// (both sides), with libsodium's XChaCha20-Poly1305 and X25519.
#include <benchmark/benchmark.h>

#include "net/secure_channel.hpp"

namespace {

using namespace accord::net;

std::pair<SecureChannel, SecureChannel> connected_pair() {
  const KeyPair identity = KeyPair::generate();
  const ClientHandshake handshake;
  const auto answered = answer_handshake(identity, handshake.init_packet());
  const auto keys = handshake.finish(answered->reply);
  return {SecureChannel(*keys, SecureChannel::Side::client),
          SecureChannel(answered->keys, SecureChannel::Side::server)};
}

// Sizes: a command (~60 B), a stream item of chat (~300 B), a 25-seat snapshot (~40 KiB).
void BM_SealAndOpen(benchmark::State& state) {
  auto [client, server] = connected_pair();
  const Bytes message(static_cast<std::size_t>(state.range(0)), 0x5a);
  for (auto _ : state) {
    const auto opened = server.open(client.seal(message));
    benchmark::DoNotOptimize(opened);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_SealAndOpen)->Arg(64)->Arg(320)->Arg(40 << 10);

void BM_KeyExchangeBothSides(benchmark::State& state) {
  const KeyPair identity = KeyPair::generate();
  for (auto _ : state) {
    const ClientHandshake handshake;
    const auto answered = answer_handshake(identity, handshake.init_packet());
    const auto keys = handshake.finish(answered->reply);
    benchmark::DoNotOptimize(keys);
  }
}
BENCHMARK(BM_KeyExchangeBothSides)->Unit(benchmark::kMicrosecond);

void BM_KeyExchangeServerSide(benchmark::State& state) {
  const KeyPair identity = KeyPair::generate();
  const ClientHandshake handshake;
  const Bytes init = handshake.init_packet();
  for (auto _ : state) {
    const auto answered = answer_handshake(identity, init);
    benchmark::DoNotOptimize(answered);
  }
}
BENCHMARK(BM_KeyExchangeServerSide)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
