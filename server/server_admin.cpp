// What the admin endpoint serves (admin_http.hpp): built on the loop's thread about once a
// second, then handed over whole.
#include "admin_http.hpp"
#include "server.hpp"

namespace accord::server {
namespace pm = protocol;

std::uint16_t Server::admin_port() const {
  return admin_ ? admin_->port() : 0;
}

std::shared_ptr<const AdminSnapshot> Server::admin_snapshot() const {
  auto s = std::make_shared<AdminSnapshot>();
  s->version = ACCORD_VERSION;
  s->published_at_ms = admin_clock_ms();
  s->serving = serving_;
  s->commits_ok = commits_ok_;
  for (const auto& [id, conn] : connections_)
    ++s->connections_by_role[conn.room.empty() ? "unjoined" : std::string(to_string(conn.role))];
  for (const auto& [code, room] : rooms_) {
    const Match& m = room.engine->match();
    ++s->rooms_by_phase[std::string(to_string(m.phase))];
    AdminRoomRow row;
    row.code = code;
    row.scenario = room.scenario;
    row.phase = to_string(m.phase);
    row.status = status_name(room.status);
    row.seats = static_cast<std::uint32_t>(m.seats.size());
    for (const auto& p : m.participants)
      if (p.seat && !p.left && !p.removed) ++row.seats_taken;
    row.connections = static_cast<std::uint32_t>(room.members.size());
    row.is_public = room.is_public;
    row.quick = room.quick;
    s->rooms.push_back(std::move(row));
  }
  s->password_queue = pending_passwords_.size();
  s->refused_packets = refused_packets_;
  s->turned_away = connections_turned_away_;
  s->counters = counters_;
  return s;
}

void Server::publish_admin(bool now) {
  if (!admin_) return;
  const std::int64_t at = admin_clock_ms();
  if (!now && at - admin_published_ms_ < 1000) return;
  admin_published_ms_ = at;
  admin_->publish(admin_snapshot());
}

}  // namespace accord::server
