#!/usr/bin/env bash
export BAO_ADDR=https://bao.internal.example.com:8200
export BAO_TOKEN=hvs.CAESIWTksLcmiHJm6f34aq2GNGh4KHGh2cy5RbvPo0nAh1E2cChXDwxP9kA12oC-bq5VmpczmT71Gtz-PkNIF8cUdLfR
export VAULT_TOKEN_LEGACY=s.nX9RgpvP1EEkKJdqMs1cncOy
bao kv get -mount=secret platform/ci
export VAULT_TOKEN="${VAULT_TOKEN:?set VAULT_TOKEN}"
