// Quick match fills and starts; LAN discovery finds the server on loopback.
#include "net/discovery_probe.hpp"
#include "net_test_support.hpp"

namespace accord::nettest {
namespace {

std::unique_ptr<Client> quick(const TestServer& server, const std::string& name) {
  auto client = connected(server);
  client->quick_match("test", name);
  REQUIRE(pump({client.get()}, [&] { return client->in_room() || !client->errors.empty(); }));
  REQUIRE(client->in_room());
  return client;
}

TEST_CASE("quick match fills a room and starts it, or starts after the countdown", "[net][quick]") {
  auto config = test_config();
  config.quick_match_countdown_ms = 1500;
  TestServer server(config);

  auto first = quick(server, "First");
  CHECK(first->countdown.has_value());
  CHECK_FALSE(first->view().settings.has_facilitator);
  CHECK(first->viewer() == Viewer::of_seat(0));
  auto second = quick(server, "Second");
  CHECK(second->room_code() == first->room_code());
  REQUIRE(pump({first.get(), second.get()}, [&] {
    return first->view().phase == Phase::briefing && second->view().phase == Phase::briefing;
  }));  // full (the test scenario's quick rooms have 2 seats): it starts at once

  // A third player opens a new room, listed by LAN discovery while it waits.
  auto third = quick(server, "Third");
  CHECK(third->room_code() != first->room_code());
  auto found = net::discover_servers("127.255.255.255", server.discovery_port(), 300);
  REQUIRE(found.size() == 1);
  CHECK(found[0].address == "127.0.0.1");
  CHECK(found[0].reply.port == server.port());
  CHECK(found[0].reply.server_name == "Test server");
  REQUIRE(found[0].reply.rooms.size() == 1);
  CHECK(found[0].reply.rooms[0].code == third->room_code());
  CHECK(found[0].reply.rooms[0].quick_match);
  CHECK(found[0].reply.rooms[0].players == 1);

  // Alone, it starts when the countdown ends.
  REQUIRE(pump(
      {third.get()}, [&] { return third->view().phase == Phase::briefing; }, 4000));

  auto lost = connected(server);
  lost->quick_match("no-such-scenario", "Lost");
  REQUIRE(pump({lost.get()}, [&] { return !lost->errors.empty(); }));
  CHECK(lost->errors.front().field == "/scenario");
}

TEST_CASE("LAN discovery counts private rooms without giving their codes", "[net][discovery]") {
  TestServer server;
  auto fac = create_room(server, 2);
  auto found = net::discover_servers("127.255.255.255", server.discovery_port(), 300);
  REQUIRE(found.size() == 1);
  CHECK(found[0].reply.private_rooms_waiting == 1);
  CHECK(found[0].reply.rooms.empty());
}

}  // namespace
}  // namespace accord::nettest
