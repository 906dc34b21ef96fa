// Figures for the protocol: encode and decode of the common messages with their bytes on the
// wire, and the cost of cutting each viewer's stream for a 25-seat room with 40 participants.
// Run: ./run.sh bench   (or build/bench/protocol_bench)
#include <benchmark/benchmark.h>
#include <xxhash.h>

#include "core/hash.hpp"
#include "core/host.hpp"
#include "core/json_codec.hpp"
#include "protocol/codec.hpp"

namespace accord {
namespace {

namespace pm = protocol;

constexpr std::uint32_t kSeats = 25;
constexpr std::uint32_t kParticipants = 40;

LogHeader classroom_header() {
  LogHeader header;
  header.seed = 2011;
  for (std::uint32_t s = 0; s < kSeats; ++s) {
    SeatSetup seat;
    seat.state = "s" + std::to_string(s);
    seat.name = "State " + std::to_string(s);
    seat.bloc = "bloc";
    seat.position = "A public position of a few sentences for state " + std::to_string(s);
    seat.brief = "A private brief of a paragraph or so for state " + std::to_string(s);
    header.settings.seats.push_back(seat);
  }
  header.settings.drafts.push_back(DraftSetup{"Code of conduct", {}, {}});
  header.settings.rules.max_delegation_size = 2;
  return header;
}

// 40 participants on 25 seats, every stream open (25 seats, the facilitator, the audience),
// a private note per seat and 200 plenary messages: a class an hour into a match.
MatchHost classroom() {
  MatchHost host(classroom_header());
  for (SeatIndex s = 0; s < kSeats; ++s)
    host.open_stream(Viewer::of_seat(s));
  host.open_stream(Viewer::audience());
  host.open_stream(Viewer::facilitator());
  for (ParticipantId p = 0; p < kParticipants; ++p) {
    host.submit(Actor::server(), JoinMatch{"Student " + std::to_string(p), Role::player}, 0);
    host.submit(Actor::of(p), TakeSeat{p % kSeats}, 0);
  }
  for (SeatIndex s = 0; s < kSeats; ++s)
    host.submit(Actor::of(s), WriteNote{"Our red line is clause 38. Seat " + std::to_string(s)}, 0);
  for (int i = 0; i < 200; ++i)
    host.submit(Actor::of(static_cast<ParticipantId>(i) % kParticipants),
                PostMessage{kPlenary, "We support capacity building, message " + std::to_string(i)},
                i);
  return host;
}

template <class Message>
void encode_bench(benchmark::State& state, const Message& message) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto encoded = pm::encode(message);
    bytes = encoded.size();
    benchmark::DoNotOptimize(encoded);
  }
  state.counters["wire_bytes"] = static_cast<double>(bytes);
}

pm::ClientMessage send_command() {
  return pm::SendCommand{42, 1234, PostMessage{kPlenary, "The delegation of Brazil proposes 39."}};
}
pm::ServerMessage stream_item() {
  MessagePosted posted;
  posted.channel = kPlenary;
  posted.message.author = 7;
  posted.message.seat = 7;
  posted.message.text = "The delegation of Brazil proposes 39.";
  posted.message.at = 3'600'000;
  return pm::StreamItem{{1234, posted}};
}
pm::ServerMessage ballot_item() {
  return pm::StreamItem{{1235, BallotCast{VoteOn::clause, 12, std::nullopt, std::nullopt, 17}}};
}
pm::ServerMessage snapshot(const MatchHost& host) {
  return pm::Snapshot{pm::ViewerInfo{ViewerKind::seat, 3}, 500,
                      view_for(host.match(), Viewer::of_seat(3))};
}

void BM_EncodeSendCommand(benchmark::State& state) {
  encode_bench(state, send_command());
}
BENCHMARK(BM_EncodeSendCommand);

void BM_DecodeSendCommand(benchmark::State& state) {
  const auto bytes = pm::encode(send_command());
  for (auto _ : state)
    benchmark::DoNotOptimize(pm::decode_client_message(bytes));
  state.counters["wire_bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_DecodeSendCommand);

void BM_EncodeStreamItemChat(benchmark::State& state) {
  encode_bench(state, stream_item());
}
BENCHMARK(BM_EncodeStreamItemChat);

void BM_DecodeStreamItemChat(benchmark::State& state) {
  const auto bytes = pm::encode(stream_item());
  for (auto _ : state)
    benchmark::DoNotOptimize(pm::decode_server_message(bytes));
  state.counters["wire_bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_DecodeStreamItemChat);

void BM_EncodeStreamItemBallot(benchmark::State& state) {
  encode_bench(state, ballot_item());
}
BENCHMARK(BM_EncodeStreamItemBallot);

void BM_EncodeViewHash(benchmark::State& state) {
  encode_bench(state, pm::ServerMessage{pm::ViewHash{1234, 0x0123456789abcdefull}});
}
BENCHMARK(BM_EncodeViewHash);

void BM_EncodeSnapshot25Seats(benchmark::State& state) {
  const MatchHost host = classroom();
  encode_bench(state, snapshot(host));
}
BENCHMARK(BM_EncodeSnapshot25Seats)->Unit(benchmark::kMicrosecond);

void BM_DecodeSnapshot25Seats(benchmark::State& state) {
  const MatchHost host = classroom();
  const auto bytes = pm::encode(snapshot(host));
  for (auto _ : state)
    benchmark::DoNotOptimize(pm::decode_server_message(bytes));
  state.counters["wire_bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_DecodeSnapshot25Seats)->Unit(benchmark::kMicrosecond);

// The same snapshot through the nlohmann tree the codec used before it wrote and read
// MessagePack straight from the field lists (core/msgpack_writer.hpp, msgpack_reader.hpp): the
// ratio is what the direct codec saves on every message, stored record and view hash.
void BM_EncodeSnapshot25SeatsThroughTree(benchmark::State& state) {
  const MatchHost host = classroom();
  const pm::ServerMessage message = snapshot(host);
  for (auto _ : state)
    benchmark::DoNotOptimize(nlohmann::json::to_msgpack(json_codec::to_value(message)));
}
BENCHMARK(BM_EncodeSnapshot25SeatsThroughTree)->Unit(benchmark::kMicrosecond);

void BM_DecodeSnapshot25SeatsThroughTree(benchmark::State& state) {
  const MatchHost host = classroom();
  const auto bytes = pm::encode(snapshot(host));
  const auto limits = pm::server_message_limits();
  for (auto _ : state) {
    DecodeError error;
    const auto document = json_codec::parse_msgpack_bounded(bytes, limits, error);
    benchmark::DoNotOptimize(json_codec::read_document<pm::ServerMessage>(*document, limits));
  }
}
BENCHMARK(BM_DecodeSnapshot25SeatsThroughTree)->Unit(benchmark::kMicrosecond);

void BM_HashMatchThroughTree(benchmark::State& state) {
  const MatchHost host = classroom();
  for (auto _ : state) {
    const auto bytes = nlohmann::json::to_msgpack(json_codec::to_value(host.match(), Form::stored));
    benchmark::DoNotOptimize(XXH3_64bits(bytes.data(), bytes.size()));
  }
}
BENCHMARK(BM_HashMatchThroughTree)->Unit(benchmark::kMicrosecond);

void BM_HashMatch(benchmark::State& state) {
  const MatchHost host = classroom();
  for (auto _ : state)
    benchmark::DoNotOptimize(hash(host.match()));
}
BENCHMARK(BM_HashMatch)->Unit(benchmark::kMicrosecond);

// What the server does per accepted chat line in a 25-seat, 40-participant room: submit (decide,
// apply, filter for 27 open streams), then encode one StreamItem per viewer that receives it and
// hand the bytes to each of 40 connections (here: collect them).
void BM_ChatToFortyConnections(benchmark::State& state) {
  MatchHost host = classroom();
  std::vector<Viewer> connections;  // the viewer of each of the 40 connections
  for (ParticipantId p = 0; p < kParticipants; ++p)
    connections.push_back(Viewer::of_seat(p % kSeats));
  TimeMs now = 10'000;
  std::size_t sent = 0, bytes_out = 0;
  for (auto _ : state) {
    auto outcome =
        host.submit(Actor::of(3), PostMessage{kPlenary, "Seek a compromise on 36r."}, ++now);
    sent = bytes_out = 0;
    for (const auto& delivery : outcome.deliveries) {
      const auto bytes = pm::encode(pm::ServerMessage{pm::StreamItem{delivery.item}});
      for (const auto& viewer : connections)
        if (viewer == delivery.viewer) {
          ++sent;
          bytes_out += bytes.size();
        }
    }
    benchmark::DoNotOptimize(bytes_out);
  }
  state.counters["messages"] = static_cast<double>(sent);
  state.counters["bytes_out"] = static_cast<double>(bytes_out);
}
BENCHMARK(BM_ChatToFortyConnections)->Unit(benchmark::kMicrosecond);

// The same for a private note: filtered (the seat and the facilitator see it, nobody else).
void BM_SecretToFortyConnections(benchmark::State& state) {
  MatchHost host = classroom();
  TimeMs now = 10'000;
  bool flip = false;
  std::size_t deliveries = 0;
  for (auto _ : state) {
    flip = !flip;
    auto outcome = host.submit(Actor::of(3), WriteNote{flip ? "Hold 36." : "Give on 36."}, ++now);
    deliveries = outcome.deliveries.size();
    for (const auto& delivery : outcome.deliveries)
      benchmark::DoNotOptimize(pm::encode(pm::ServerMessage{pm::StreamItem{delivery.item}}));
  }
  state.counters["deliveries"] = static_cast<double>(deliveries);
}
BENCHMARK(BM_SecretToFortyConnections)->Unit(benchmark::kMicrosecond);

// ViewHash for every open viewer of the room (the server sends it at most once a second).
void BM_ViewHashesAllViewers(benchmark::State& state) {
  const MatchHost host = classroom();
  for (auto _ : state) {
    for (SeatIndex s = 0; s < kSeats; ++s)
      benchmark::DoNotOptimize(hash(view_for(host.match(), Viewer::of_seat(s))));
    benchmark::DoNotOptimize(hash(view_for(host.match(), Viewer::audience())));
    benchmark::DoNotOptimize(hash(view_for(host.match(), Viewer::facilitator())));
  }
}
BENCHMARK(BM_ViewHashesAllViewers)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord

BENCHMARK_MAIN();
