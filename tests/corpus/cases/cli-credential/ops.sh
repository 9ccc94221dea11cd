#!/usr/bin/env bash
sshpass -p '3RLy03PuPt+Q' ssh ops@10.0.4.12 'systemctl restart erp'
openssl pkcs12 -export -in tls.crt -inkey tls.key -out bundle.p12 -passout pass:D+44GeKP3jAY
redis-cli -h redis.prod -a MDiyrSn-0T5FSH3o FLUSHDB
curl -u "admin:62nW2MDZRHn-" https://jenkins.example.com/api/json
vault login -method=userpass username=ops password=4FrK%xq7dTYYSF
openssl pkcs12 -export -in tls.crt -inkey tls.key -out bundle.p12 -passout env:P12_PASSWORD
redis-cli -h redis.prod -a "$REDIS_PASSWORD" PING
