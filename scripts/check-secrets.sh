#!/usr/bin/env bash
# Fails when a secret the suites set (each holds the marker of Tests/Support/TestSecrets.swift) reached their output.
# Usage: scripts/check-secrets.sh LOG...
set -euo pipefail
marker=KEEL-TEST-SECRET
if grep -n -F "$marker" "$@" >&2; then
  echo "check-secrets: a secret set by the tests reached the logs (lines above); redact it where it is printed" >&2
  exit 1
fi
echo "check-secrets: no secret in $# log(s)"
