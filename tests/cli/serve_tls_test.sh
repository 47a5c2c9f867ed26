#!/usr/bin/env bash
# serve over https (--tls-cert-file/--tls-key-file): a certificate made here with openssl, curl
# verifying it, a real Prometheus scraping over https, and the usage errors of the two flags.
source "$(dirname "$0")/lib.sh"
require_command openssl
require_command prometheus
require_command python3
database="sqlite:$work/tls.db"
run --database "$database" test-metrics
expect_status 0 "test-metrics fills the store"

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$work/key.pem" -out "$work/cert.pem" 2>"$work/openssl.log" ||
  { cat "$work/openssl.log" >&2; fail "openssl could not make a certificate"; finish; }

# Usage: both or neither, readable files named in the error.
run --database "$database" serve --listen 127.0.0.1:0 --tls-cert-file "$work/cert.pem"
expect_status 2 "--tls-cert-file without --tls-key-file"
expect_lines "$err" 1 "one line for a lone --tls-cert-file"
expect_contains "$err" "--tls-key-file" "the error names the missing flag"
run --database "$database" serve --listen 127.0.0.1:0 --tls-key-file "$work/key.pem"
expect_status 2 "--tls-key-file without --tls-cert-file"
expect_contains "$err" "--tls-cert-file" "the error names the missing flag"
run --database "$database" serve --listen 127.0.0.1:0 --tls-cert-file "$work/none.pem" --tls-key-file "$work/key.pem"
expect_status 2 "an unreadable certificate file"
expect_lines "$err" 1 "one line for an unreadable certificate"
expect_contains "$err" "$work/none.pem" "the error names the file"
printf 'not a certificate\n' >"$work/junk.pem"
run --database "$database" serve --listen 127.0.0.1:0 --tls-cert-file "$work/junk.pem" --tls-key-file "$work/key.pem"
expect_status 1 "a certificate that is not PEM"
expect_lines "$err" 1 "one line for a rejected certificate"

start_serve "$database" --tls-cert-file "$work/cert.pem" --tls-key-file "$work/key.pem" --cache-ttl 0.5
expect_contains "$serve_url" "https://" "serve logs an https URL"
target=${serve_url#https://}
expect_equals "$(curl -s --cacert "$work/cert.pem" -o /dev/null -w '%{http_code}' "$serve_url/healthz")" 200 \
  "curl verifying the certificate: /healthz"
curl -sf --cacert "$work/cert.pem" "$serve_url/metrics" >"$work/metrics.txt" || fail "GET /metrics over https"
expect_contains "$(cat "$work/metrics.txt")" "pebble_bookmarks 5" "/metrics over https shows the store"
expect_equals "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://$target/healthz")" 000 \
  "plain http to the https port gets no HTTP answer"
expect_equals "$(curl -s --cacert "$work/cert.pem" -o /dev/null -w '%{http_code}' "$serve_url/healthz")" 200 \
  "serve still answers https after a plain http client"

start_prometheus "  - job_name: pebble
    scheme: https
    tls_config:
      ca_file: $work/cert.pem
    static_configs:
      - targets: ['$target']"
if wait_until 60 scraped "up{job=\"pebble\",instance=\"$target\"}" 1; then
  echo "Prometheus scraped https://$target: up == 1"
  wait_until 10 scraped 'pebble_bookmarks{job="pebble"}' 5 ||
    fail "pebble_bookmarks over https in Prometheus: '$(query 'pebble_bookmarks{job="pebble"}')', expected 5"
  wait_until 10 scraped 'pebble_store_up{job="pebble"}' 1 || fail "pebble_store_up over https is not 1"
else
  fail "Prometheus never saw the https target up (up = '$(query 'up')'); targets: $(curl -s "$prometheus_url/api/v1/targets" | head -c 600)"
fi
finish
