#include "protocol/discovery.hpp"

#include "core/json_codec.hpp"

namespace accord::protocol {
namespace {

DecodeLimits limits_of(std::size_t bytes) {
  DecodeLimits limits;
  limits.max_bytes = bytes;
  limits.max_depth = 4;
  limits.max_string_bytes = 256;
  limits.max_array_items = 32;
  return limits;
}

}  // namespace

Bytes encode_probe(const DiscoveryProbe& probe) {
  return json_codec::encode_msgpack(probe);
}

Decoded<DiscoveryProbe> decode_probe(std::span<const std::uint8_t> bytes) {
  auto decoded =
      json_codec::decode_msgpack<DiscoveryProbe>(bytes, limits_of(kMaxDiscoveryProbeBytes));
  if (decoded && decoded.value->magic != DiscoveryProbe::kMagic) {
    decoded.value.reset();
    decoded.error = {"/magic", "not a Cyber Accord probe"};
  }
  return decoded;
}

Bytes encode_reply(const DiscoveryReply& reply) {
  return json_codec::encode_msgpack(reply);
}

Decoded<DiscoveryReply> decode_reply(std::span<const std::uint8_t> bytes) {
  return json_codec::decode_msgpack<DiscoveryReply>(bytes, limits_of(kMaxDiscoveryReplyBytes));
}

}  // namespace accord::protocol
