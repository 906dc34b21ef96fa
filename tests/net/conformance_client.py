#!/usr/bin/python3
"""An outside client of Cyber Accord written from docs/protocol.md alone (sections "Encryption"
and "Messages"), with Debian's python3-enet, python3-nacl and python3-msgpack.

It starts accord-server on a free port, then: does the key exchange and checks the server's key
against the fingerprint the server printed; says hello; creates a room as its facilitator; joins
it as a player on a second connection; takes a seat (one command) and sees the seat_taken event
(one event). It also checks the receiver's rules of the doc: a replayed and an altered packet are
refused without disturbing the connection, and a message before the key exchange is refused.

usage: conformance_client.py ACCORD_SERVER ASSET_DIR        (exit status 0: conforms)
"""

import os
import re
import subprocess
import sys
import tempfile
import threading
import time

import enet
import msgpack
import nacl.bindings as sodium
import nacl.hash
from nacl.encoding import RawEncoder

DEADLINE_S = 30
PROTOCOL_VERSION = 6
MAGIC = b"CAK1"


def blake2b_256(data):
    return nacl.hash.blake2b(data, digest_size=32, encoder=RawEncoder)


def fingerprint(public_key):
    digest = blake2b_256(public_key)[:6].hex()
    return "-".join(digest[i:i + 4] for i in range(0, 12, 4))


def nonce_of(counter):
    return counter.to_bytes(8, "little") + bytes(16)


class Failure(Exception):
    pass


class Connection:
    """One ENet connection with the key exchange and the sealing of the doc."""

    def __init__(self, port, expected_fingerprint):
        self.host = enet.Host(None, 1, 1, 0, 0)
        self.peer = self.host.connect(enet.Address(b"127.0.0.1", port), 1)
        self.wait_for(lambda event: event.type == enet.EVENT_TYPE_CONNECT, "the ENet connection")
        self.send_counter = 0
        self.receive_counter = 0
        self.inbox = []
        self.exchange_keys(expected_fingerprint)

    def wait_for(self, accept, what):
        deadline = time.monotonic() + DEADLINE_S
        while time.monotonic() < deadline:
            event = self.host.service(50)
            if event.type == enet.EVENT_TYPE_NONE:
                continue
            if event.type == enet.EVENT_TYPE_DISCONNECT:
                raise Failure("disconnected while waiting for " + what)
            if accept(event):
                return event
            if event.type == enet.EVENT_TYPE_RECEIVE:
                self.inbox.append(bytes(event.packet.data))
        raise Failure("timed out waiting for " + what)

    def send_packet(self, data):
        self.peer.send(0, enet.Packet(data, enet.PACKET_FLAG_RELIABLE))
        self.host.flush()

    def exchange_keys(self, expected_fingerprint):
        ce_pk, ce_sk = sodium.crypto_kx_keypair()
        self.send_packet(MAGIC + ce_pk)
        reply = bytes(self.wait_for(lambda e: e.type == enet.EVENT_TYPE_RECEIVE,
                                    "the key exchange reply").packet.data)
        if len(reply) != 68 or reply[:4] != MAGIC:
            raise Failure("the reply is not 68 bytes beginning CAK1: %r" % reply[:8])
        ss_pk, se_pk = reply[4:36], reply[36:68]
        if fingerprint(ss_pk) != expected_fingerprint:
            raise Failure("server key %s, printed %s" % (fingerprint(ss_pk), expected_fingerprint))
        rx1, tx1 = sodium.crypto_kx_client_session_keys(ce_pk, ce_sk, ss_pk)
        rx2, tx2 = sodium.crypto_kx_client_session_keys(ce_pk, ce_sk, se_pk)
        self.send_key = blake2b_256(b"CAK1 client to server" + tx1 + tx2)
        self.receive_key = blake2b_256(b"CAK1 server to client" + rx1 + rx2)

    def seal(self, plaintext):
        counter = self.send_counter
        self.send_counter += 1
        sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
            plaintext, b"", nonce_of(counter), self.send_key)
        return counter.to_bytes(8, "little") + sealed

    def open(self, packet):
        counter = int.from_bytes(packet[:8], "little")
        if counter != self.receive_counter:
            raise Failure("server counter %d, expected %d" % (counter, self.receive_counter))
        self.receive_counter += 1
        return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
            packet[8:], b"", nonce_of(counter), self.receive_key)

    def send(self, message):
        packet = self.seal(msgpack.packb(message, use_bin_type=True))
        self.send_packet(packet)
        return packet

    def receive(self, message_type):
        """Messages until one of message_type; the others are returned too."""
        seen = []
        deadline = time.monotonic() + DEADLINE_S
        while time.monotonic() < deadline:
            while self.inbox:
                message = msgpack.unpackb(self.open(self.inbox.pop(0)), raw=False)
                seen.append(message)
                if message["type"] in ("error", "bye") and message_type not in ("error", "bye"):
                    raise Failure("the server said %r" % message)
                if message["type"] == message_type:
                    return message, seen
            event = self.host.service(50)
            if event.type == enet.EVENT_TYPE_RECEIVE:
                self.inbox.append(bytes(event.packet.data))
            elif event.type == enet.EVENT_TYPE_DISCONNECT:
                raise Failure("disconnected while waiting for " + message_type)
        raise Failure("timed out waiting for " + message_type)

    def hello(self):
        self.send({"type": "hello", "protocol_version": PROTOCOL_VERSION,
                   "client_version": "conformance-py", "content_hashes": []})
        welcome, _ = self.receive("welcome")
        if welcome["protocol_version"] != PROTOCOL_VERSION:
            raise Failure("welcome for protocol %r" % welcome["protocol_version"])


def start_server(server, assets, data_dir):
    process = subprocess.Popen(
        [server, "--port", "0", "--data", data_dir, "--assets", assets, "--no-discovery",
         "--log-level", "info"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    found = {}
    ready = threading.Event()

    def read():
        for line in process.stdout:
            if m := re.search(r"server key: ([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})", line):
                found["fingerprint"] = m.group(1)
            if m := re.search(r"listening on port (\d+)", line):
                found["port"] = int(m.group(1))
            if "port" in found and "fingerprint" in found:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    if not ready.wait(DEADLINE_S):
        process.kill()
        raise Failure("accord-server did not print its port and key: %r" % found)
    return process, found["port"], found["fingerprint"]


def run(server, assets):
    with tempfile.TemporaryDirectory() as data_dir:
        process, port, server_fingerprint = start_server(server, assets, data_dir)
        try:
            key_file = os.path.join(data_dir, "server-key")
            if os.stat(key_file).st_mode & 0o077:
                raise Failure("the server key file may be read by others")

            # Before the key exchange: a hello in clear is refused, in clear, naming the rule.
            plain = enet.Host(None, 1, 1, 0, 0)
            peer = plain.connect(enet.Address(b"127.0.0.1", port), 1)
            deadline = time.monotonic() + DEADLINE_S
            refusal = None
            while refusal is None and time.monotonic() < deadline:
                event = plain.service(50)
                if event.type == enet.EVENT_TYPE_CONNECT:
                    peer.send(0, enet.Packet(msgpack.packb(
                        {"type": "hello", "protocol_version": PROTOCOL_VERSION,
                         "client_version": "clear", "content_hashes": []}),
                        enet.PACKET_FLAG_RELIABLE))
                elif event.type == enet.EVENT_TYPE_RECEIVE:
                    refusal = msgpack.unpackb(bytes(event.packet.data), raw=False)
            if not refusal or refusal.get("code") != "handshake_first":
                raise Failure("a hello in clear got %r" % refusal)

            facilitator = Connection(port, server_fingerprint)
            facilitator.hello()
            facilitator.send({
                "type": "create_room", "scenario": "hanoi", "seats": 6, "timer_preset": "class45",
                "facilitator_password": "conformance secret", "room_password": "",
                "public": False, "allow_spectators": True, "fill_with_bots": False,
                "bot_difficulty": "normal"})
            created, _ = facilitator.receive("room_created")
            code = created["code"]
            joined, _ = facilitator.receive("joined")
            if joined["role"] != "facilitator":
                raise Failure("the creator joined as %r" % joined["role"])

            player = Connection(port, server_fingerprint)
            player.hello()
            player.send({"type": "join_room", "code": code, "name": "Ada", "role": "player",
                         "room_password": "", "reconnect_token": ""})
            joined, _ = player.receive("joined")
            participant = joined["participant"]

            # The receiver's rules: a replayed packet and an altered one are refused and
            # counted, and the stream goes on.
            ping = player.send({"type": "ping", "nonce": 7})
            pong, _ = player.receive("pong")
            if pong["nonce"] != 7:
                raise Failure("pong for %r" % pong["nonce"])
            player.send_packet(ping)  # replayed
            altered = bytearray(player.seal(msgpack.packb({"type": "ping", "nonce": 8})))
            altered[12] ^= 0x01
            player.send_counter -= 1  # the server did not take it: the counter is free again
            player.send_packet(bytes(altered))

            player.send({"type": "send_command", "request_id": 1, "view_seq": joined["view_seq"],
                         "command": {"type": "take_seat", "seat": 0}})
            _, seen = player.receive("command_accepted")
            events = [m["event"] for m in seen if m["type"] == "stream_item"]
            taken = [e for e in events if e["type"] == "seat_taken"]
            if not taken or taken[0]["participant"] != participant or taken[0]["seat"] != 0:
                raise Failure("no seat_taken for participant %r in %r" % (participant, events))
            print("conformance: key exchange, hello, create_room %s, join_room, take_seat, "
                  "seat_taken; a replayed and an altered packet were refused; key %s"
                  % (code, server_fingerprint))
        finally:
            process.terminate()
            process.wait(timeout=DEADLINE_S)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        run(sys.argv[1], sys.argv[2])
    except Failure as failure:
        print("conformance: FAILED: %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
