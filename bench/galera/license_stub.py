#!/usr/bin/env python3
"""A license server on loopback for the cluster test: every key is valid for the tier given, so the example
service runs in release mode with that tier's row limits. Usage: license_stub.py PORT TIER"""
import json
import sys
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, tier = int(sys.argv[1]), sys.argv[2]


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        key = self.headers.get("Authorization", "").removeprefix("Bearer ")
        now = datetime.now(timezone.utc)
        if self.path == "/api/v2/validate":
            answer = {
                "valid": True, "customer": "Cluster test", "product": body.get("product", ""), "license_version": "2.0",
                "license_key": key, "issued_at": (now - timedelta(days=1)).isoformat(),
                "expires_at": (now + timedelta(days=30)).isoformat(), "tier": tier, "features": [],
                "limits": {"max_servers": -1, "max_users": -1, "data_retention_days": -1},
                "metadata": {"server_id": "galera-bench", "support_tier": tier, "custom_fields": {}},
            }
        elif self.path == "/api/v2/keepalive":
            answer = {"success": True}
        else:
            answer = {"features": []}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
