#!/usr/bin/env python3
"""A tiny protocol client for poking a Liuhe server by hand (python3-cbor2).

    python3 tools/dev/lhclient.py HOST:PORT USER PASSWORD CALL '{"entity": "customer"}'
"""
import json
import socket
import struct
import sys

import cbor2

KINDS = {1: "HELLO", 2: "WELCOME", 3: "REQUEST", 4: "RESPONSE", 5: "ERROR", 6: "EVENT", 7: "PING", 8: "PONG", 9: "GOODBYE"}


class Client:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port))
        self.next_id = 1

    def send(self, kind, payload, request_id=0):
        body = cbor2.dumps(payload)
        self.sock.sendall(struct.pack(">HBBHHII", 0x4C48, 1, kind, 0, 0, request_id, len(body)) + body)

    def recv_exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise EOFError("connection closed")
            data += chunk
        return data

    def recv(self):
        magic, version, kind, flags, reserved, rid, length = struct.unpack(">HBBHHII", self.recv_exact(16))
        return KINDS.get(kind, kind), rid, cbor2.loads(self.recv_exact(length)) if length else {}

    def hello(self):
        self.send(1, {"versions": [1], "client": "lhclient.py"})
        return self.recv()

    def call(self, name, args=None):
        rid = self.next_id
        self.next_id += 1
        self.send(3, {"call": name, "args": args or {}}, rid)
        while True:
            kind, got, payload = self.recv()
            if got == rid:
                return kind, payload


if __name__ == "__main__":
    host, port = sys.argv[1].rsplit(":", 1)
    c = Client(host, int(port))
    print(c.hello())
    print(c.call("auth.login", {"username": sys.argv[2], "password": sys.argv[3]})[0])
    kind, payload = c.call(sys.argv[4], json.loads(sys.argv[5]) if len(sys.argv) > 5 else {})
    print(kind, json.dumps(payload, ensure_ascii=False, indent=1, default=str)[:4000])
